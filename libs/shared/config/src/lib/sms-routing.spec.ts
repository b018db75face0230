import { loadConfig } from './config';

const TWO = {
  SMS_PROVIDER: 'twilio,ovh',
  TWILIO_ACCOUNT_SID: 'AC1',
  TWILIO_AUTH_TOKEN: 't',
  TWILIO_FROM: '+15005550006',
  OVH_APP_KEY: 'k',
  OVH_APP_SECRET: 's',
  OVH_CONSUMER_KEY: 'c',
  OVH_SMS_SERVICE: 'sms-1',
  OVH_SMS_SENDER: 'Twofold',
};

describe('SMS_ROUTES', () => {
  it('is SMS_PROVIDER order for every region when absent', () => {
    expect(loadConfig(TWO).sms.routes).toEqual({ '*': ['twilio', 'ovh'] });
    expect(loadConfig({}).sms.routes).toEqual({ '*': ['console'] });
  });

  it('reads routes per region, several regions per entry, * for the others', () => {
    const c = loadConfig({ ...TWO, SMS_ROUTES: ' FR:ovh,twilio; be,LU:OVH ;*:twilio,ovh;' });
    expect(c.sms.routes).toEqual({ FR: ['ovh', 'twilio'], BE: ['ovh'], LU: ['ovh'], '*': ['twilio', 'ovh'] });
  });

  it('gives the regions it does not name SMS_PROVIDER order when there is no *', () => {
    expect(loadConfig({ ...TWO, SMS_ROUTES: 'FR:ovh' }).sms.routes).toEqual({ FR: ['ovh'], '*': ['twilio', 'ovh'] });
  });

  it('refuses at boot, in one line naming SMS_ROUTES, what it cannot follow', () => {
    const bad: [string, string][] = [
      ['FR:ovh,vonage', 'Configuration error: SMS_ROUTES names vonage for FR, but SMS_PROVIDER (twilio,ovh) does not configure it: add it to SMS_PROVIDER with its credentials'],
      ['FR:ovh,pigeon', 'Configuration error: SMS_ROUTES names "pigeon" for FR, which is not a provider (console, twilio, ovh, webhook, vonage)'],
      ['FR=ovh', 'Configuration error: SMS_ROUTES must be routes COUNTRY:provider,provider separated by ";" (e.g. FR:ovh,twilio;*:twilio,ovh), got "FR=ovh"'],
      ['FR:', 'Configuration error: SMS_ROUTES must be routes COUNTRY:provider,provider separated by ";" (e.g. FR:ovh,twilio;*:twilio,ovh), got "FR:"'],
      ['France:ovh', 'Configuration error: SMS_ROUTES must name ISO 3166 alpha-2 regions or *, got "FRANCE"'],
      ['FR:ovh;FR:twilio', 'Configuration error: SMS_ROUTES has two routes for FR'],
      ['FR:ovh,twilio,ovh', 'Configuration error: SMS_ROUTES names ovh twice for FR (each provider has one turn per message)'],
    ];
    for (const [value, message] of bad) expect(() => loadConfig({ ...TWO, SMS_ROUTES: value })).toThrow(message);
  });
});

describe('provider health settings', () => {
  it('defaults: a breaker after 5 consecutive failures, 30 s of cool-down, no per-provider rate limit', () => {
    expect(loadConfig(TWO).sms.health).toEqual({ breakerFailures: 5, breakerCooldownSeconds: 30, rateLimits: {} });
  });

  it('reads SMS_BREAKER_* and SMS_PROVIDER_RATE_LIMITS', () => {
    const c = loadConfig({ ...TWO, SMS_BREAKER_FAILURES: '0', SMS_BREAKER_COOLDOWN_SECONDS: '5', SMS_PROVIDER_RATE_LIMITS: 'twilio:30, OVH:10' });
    expect(c.sms.health).toEqual({ breakerFailures: 0, breakerCooldownSeconds: 5, rateLimits: { twilio: 30, ovh: 10 } });
  });

  it('refuses a rate limit it cannot apply, naming the variable', () => {
    expect(() => loadConfig({ ...TWO, SMS_PROVIDER_RATE_LIMITS: 'vonage:5' })).toThrow(/^Configuration error: SMS_PROVIDER_RATE_LIMITS names vonage, but SMS_PROVIDER \(twilio,ovh\) does not configure it/);
    expect(() => loadConfig({ ...TWO, SMS_PROVIDER_RATE_LIMITS: 'twilio=30' })).toThrow(/^Configuration error: SMS_PROVIDER_RATE_LIMITS must be provider:messages-per-second pairs/);
    expect(() => loadConfig({ ...TWO, SMS_PROVIDER_RATE_LIMITS: 'twilio:0' })).toThrow('Configuration error: SMS_PROVIDER_RATE_LIMITS must give twilio between 1 and 100000 messages per second, got 0');
    expect(() => loadConfig({ ...TWO, SMS_PROVIDER_RATE_LIMITS: 'twilio:3,twilio:4' })).toThrow('Configuration error: SMS_PROVIDER_RATE_LIMITS names twilio twice');
    expect(() => loadConfig({ ...TWO, SMS_BREAKER_COOLDOWN_SECONDS: '0' })).toThrow(/SMS_BREAKER_COOLDOWN_SECONDS must be between 1 and 3600/);
  });
});
