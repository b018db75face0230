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
});
