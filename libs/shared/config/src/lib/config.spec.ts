import { ConfigError, DEV_APP_SECRET, loadConfig } from './config';

const TWILIO = { SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15005550006' };

describe('loadConfig', () => {
  it('applies the contract defaults', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/twofold');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.apiPort).toBe(3000);
    expect(c.webPort).toBe(4200);
    expect(c.webOriginHost).toBe('localhost');
    expect(c.appSecret).toBe(DEV_APP_SECRET);
    expect(c.sms.providers).toEqual(['console']);
    expect(c.timings).toMatchObject({ smsCodeTtlSeconds: 300, smsResendCooldownSeconds: 30, loginTicketTtlSeconds: 600, reauthWindowSeconds: 600, sessionTtlSeconds: 86400, sessionIdleSeconds: 3600 });
    expect(c.limits).toMatchObject({ codeAttempts: 5, smsPerNumberPerHour: 5, smsPerAccountPerHour: 10, smsPerIpPerHour: 20 });
  });

  it('refuses the development APP_SECRET in production, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/APP_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(40), ...TWILIO }).isProduction).toBe(true);
  });

  describe('the console provider (it logs codes) in production', () => {
    const production = { NODE_ENV: 'production', APP_SECRET: 'x'.repeat(40) };
    const refusal = 'Configuration error: SMS_PROVIDER must not include console when NODE_ENV=production (it logs the codes); set SMS_ALLOW_CONSOLE_IN_PRODUCTION=true to allow it';

    it('is refused alone, as the default and anywhere in a failover chain, naming the opt-in', () => {
      expect(() => loadConfig({ ...production, SMS_PROVIDER: 'console' })).toThrow(refusal);
      expect(() => loadConfig(production)).toThrow(refusal);
      expect(() => loadConfig({ ...production, ...TWILIO, SMS_PROVIDER: 'twilio,console' })).toThrow(refusal);
      expect(() => loadConfig({ ...production, SMS_PROVIDER: 'console', SMS_ALLOW_CONSOLE_IN_PRODUCTION: 'false' })).toThrow(refusal);
    });

    it('is accepted with the explicit opt-in', () => {
      expect(loadConfig({ ...production, SMS_PROVIDER: 'console', SMS_ALLOW_CONSOLE_IN_PRODUCTION: 'true' }).sms.providers).toEqual(['console']);
      expect(loadConfig({ ...production, ...TWILIO, SMS_PROVIDER: 'twilio,console', SMS_ALLOW_CONSOLE_IN_PRODUCTION: 'true' }).sms.providers).toEqual(['twilio', 'console']);
      expect(() => loadConfig({ ...production, SMS_ALLOW_CONSOLE_IN_PRODUCTION: 'maybe' })).toThrow(/SMS_ALLOW_CONSOLE_IN_PRODUCTION/);
    });

    it('is accepted outside production without the opt-in', () => {
      expect(loadConfig({ NODE_ENV: 'development', SMS_PROVIDER: 'console' }).sms.providers).toEqual(['console']);
      expect(loadConfig({ NODE_ENV: 'test' }).sms.providers).toEqual(['console']);
    });
  });

  it('names the bad variable in one line', () => {
    expect(() => loadConfig({ API_PORT: 'abc' })).toThrow('Configuration error: API_PORT must be a whole number, got "abc"');
    expect(() => loadConfig({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMS_ALLOWED_COUNTRIES: 'GB,France' })).toThrow(/SMS_ALLOWED_COUNTRIES/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('requires provider credentials only when that provider is selected', () => {
    expect(loadConfig({}).sms.twilio).toBeUndefined();
    expect(() => loadConfig({ SMS_PROVIDER: 'twilio' })).toThrow(/TWILIO_ACCOUNT_SID is required/);
    const c = loadConfig({ SMS_PROVIDER: 'twilio,ovh', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15005550006', OVH_APP_KEY: 'k', OVH_APP_SECRET: 's', OVH_CONSUMER_KEY: 'c', OVH_SMS_SERVICE: 'sms-1', OVH_SMS_SENDER: 'Twofold' });
    expect(c.sms.providers).toEqual(['twilio', 'ovh']);
    expect(c.sms.twilio?.apiBaseUrl).toBe('https://api.twilio.com');
    expect(c.sms.ovh?.service).toBe('sms-1');
  });
});
