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

  it('reads Vonage: key and secret (or a signature secret instead of the API secret), sha256 signatures by default', () => {
    expect(loadConfig({}).sms.vonage).toBeUndefined();
    expect(() => loadConfig({ SMS_PROVIDER: 'vonage', VONAGE_API_KEY: 'k', VONAGE_FROM: 'Twofold' })).toThrow(/VONAGE_API_SECRET is required/);
    const plain = loadConfig({ SMS_PROVIDER: 'vonage', VONAGE_API_KEY: 'k', VONAGE_API_SECRET: 's', VONAGE_FROM: 'Twofold' });
    expect(plain.sms.vonage).toEqual({ apiKey: 'k', apiSecret: 's', from: 'Twofold', apiBaseUrl: 'https://rest.nexmo.com', signatureSecret: undefined, signatureMethod: 'sha256' });
    const signed = loadConfig({ ...TWILIO, SMS_PROVIDER: 'twilio,vonage', VONAGE_API_KEY: 'k', VONAGE_FROM: 'Twofold', VONAGE_SIGNATURE_SECRET: 'x', VONAGE_SIGNATURE_METHOD: 'MD5HASH' });
    expect(signed.sms.vonage).toMatchObject({ apiSecret: undefined, signatureSecret: 'x', signatureMethod: 'md5hash' });
    expect(() => loadConfig({ ...TWILIO, SMS_PROVIDER: 'vonage', VONAGE_API_KEY: 'k', VONAGE_API_SECRET: 's', VONAGE_FROM: 'T', VONAGE_SIGNATURE_METHOD: 'sha3' })).toThrow(/VONAGE_SIGNATURE_METHOD/);
  });

  describe('TRUST_PROXY', () => {
    it('is off by default and for false or 0: the client is the socket address', () => {
      expect(loadConfig({}).trustProxy).toEqual({ kind: 'off' });
      expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toEqual({ kind: 'off' });
      expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toEqual({ kind: 'off' });
    });

    it('takes a number of proxies in front of the API', () => {
      expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ kind: 'hops', hops: 1 });
      expect(loadConfig({ TRUST_PROXY: ' 2 ' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
      expect(() => loadConfig({ TRUST_PROXY: '99' })).toThrow(/TRUST_PROXY/);
    });

    it('takes a comma list of trusted addresses, subnets and keywords', () => {
      expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1,Loopback,uniquelocal,fd00::/8,::1,2001:db8::/32' }).trustProxy).toEqual({
        kind: 'subnets',
        subnets: ['10.0.0.0/8', '192.168.1.1', 'loopback', 'uniquelocal', 'fd00::/8', '::1', '2001:db8::/32'],
      });
    });

    it('refuses true, which trusted every hop, in one line that names the safe forms', () => {
      for (const value of ['true', 'TRUE', 'yes', 'on']) {
        expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      }
      expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/^Configuration error: TRUST_PROXY cannot be true any more: .*number of proxies .*10\.0\.0\.0\/8.*false$/);
    });

    it('refuses addresses and subnets that are not ones', () => {
      for (const value of ['10.0.0.0/33', '10.0.0/8', '300.1.1.1', 'fe80::/129', 'fe80::1::2', 'proxy.example.com', '10.0.0.0/8,,', '10.0.0.0/', '-1']) {
        expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^Configuration error: TRUST_PROXY /);
      }
    });
  });

  describe('retention', () => {
    it('keeps login failures 30 days, security events a year and settled SMS 90 days, purged 1000 rows at a time', () => {
      const c = loadConfig({});
      expect(c.retention).toEqual({ loginFailureSeconds: 30 * 86400, securityEventSeconds: 365 * 86400, smsMessageSeconds: 90 * 86400 });
      expect(c.maintenanceBatchSize).toBe(1000);
      expect(() => loadConfig({ MAINTENANCE_BATCH_SIZE: '0' })).toThrow(/MAINTENANCE_BATCH_SIZE/);
    });

    it('refuses a retention shorter than a window that reads the same rows, naming both', () => {
      expect(() => loadConfig({ LOGIN_FAILURE_RETENTION_SECONDS: '899' })).toThrow(
        'Configuration error: LOGIN_FAILURE_RETENTION_SECONDS must be at least 900 (LOGIN_FAILURE_WINDOW_SECONDS reads those rows), got 899',
      );
      expect(loadConfig({ LOGIN_FAILURE_RETENTION_SECONDS: '900' }).retention.loginFailureSeconds).toBe(900);
      expect(() => loadConfig({ LOGIN_FAILURE_RETENTION_SECONDS: '3600', LOGIN_FAILURE_WINDOW_SECONDS: '7200' })).toThrow(/LOGIN_FAILURE_RETENTION_SECONDS .*LOGIN_FAILURE_WINDOW_SECONDS/);
      expect(() => loadConfig({ SECURITY_EVENT_RETENTION_SECONDS: '600' })).toThrow(/SECURITY_EVENT_RETENTION_SECONDS must be at least 900 \(SECOND_FACTOR_FAILURE_WINDOW_SECONDS/);
      expect(() => loadConfig({ SMS_MESSAGE_RETENTION_SECONDS: '3599' })).toThrow(/SMS_MESSAGE_RETENTION_SECONDS must be at least 3600 \(the hourly sending limits/);
      expect(loadConfig({ SMS_MESSAGE_RETENTION_SECONDS: '3600' }).retention.smsMessageSeconds).toBe(3600);
      expect(() => loadConfig({ SMS_MESSAGE_RETENTION_SECONDS: '86400', SMS_PUMPING_WINDOW_SECONDS: '172800' })).toThrow(/SMS_MESSAGE_RETENTION_SECONDS must be at least 172800 \(SMS_PUMPING_WINDOW_SECONDS/);
      expect(() => loadConfig({ SMS_MESSAGE_RETENTION_SECONDS: '7200', SMS_CODE_TTL_SECONDS: '7201' })).toThrow(/SMS_CODE_TTL_SECONDS/);
    });
  });
});
