import { ConfigError } from '@twofold/config';
import { loadWorkerConfig } from './worker-config';

describe('loadWorkerConfig', () => {
  it('has defaults', () => {
    expect(loadWorkerConfig({}).worker).toEqual({
      healthPort: 3100,
      healthHost: '0.0.0.0',
      lockDurationMs: 30000,
      stalledIntervalMs: 30000,
      failoverAfterAttempts: 2,
      shutdownTimeoutMs: 30000,
    });
  });
  it('names a bad variable in one line', () => {
    expect(() => loadWorkerConfig({ SMS_WORKER_HEALTH_PORT: 'x' })).toThrow(
      'Configuration error: SMS_WORKER_HEALTH_PORT must be a whole number, got "x"',
    );
    expect(() => loadWorkerConfig({ SMS_FAILOVER_AFTER_ATTEMPTS: '0' })).toThrow(ConfigError);
    expect(() => loadWorkerConfig({ SMS_PROVIDER: 'twilio' })).toThrow(/TWILIO_ACCOUNT_SID/);
  });

  it('refuses the console provider in production unless SMS_ALLOW_CONSOLE_IN_PRODUCTION=true (it logs codes)', () => {
    const production = { NODE_ENV: 'production', APP_SECRET: 'x'.repeat(40) };
    const twilio = { TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15005550006' };
    expect(() => loadWorkerConfig({ ...production, SMS_PROVIDER: 'console' })).toThrow(/^Configuration error: SMS_PROVIDER .*SMS_ALLOW_CONSOLE_IN_PRODUCTION=true/);
    expect(() => loadWorkerConfig({ ...production, ...twilio, SMS_PROVIDER: 'twilio,console' })).toThrow(/SMS_ALLOW_CONSOLE_IN_PRODUCTION/);
    expect(loadWorkerConfig({ ...production, SMS_PROVIDER: 'console', SMS_ALLOW_CONSOLE_IN_PRODUCTION: 'true' }).app.sms.providers).toEqual(['console']);
    expect(loadWorkerConfig({ ...production, ...twilio, SMS_PROVIDER: 'twilio' }).app.sms.providers).toEqual(['twilio']);
    expect(loadWorkerConfig({ NODE_ENV: 'development', SMS_PROVIDER: 'console' }).app.sms.providers).toEqual(['console']);
  });
});
