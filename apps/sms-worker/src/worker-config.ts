import { AppConfig, ConfigError, loadConfig } from '@twofold/config';

/** Settings only the worker reads (environment; defaults in brackets in the README). */
export interface WorkerSettings {
  /** SMS_WORKER_HEALTH_PORT [3100]: `GET /health` (0 = any free port, logged at start). */
  healthPort: number;
  /** SMS_WORKER_HEALTH_HOST [0.0.0.0]. */
  healthHost: string;
  /** SMS_WORKER_LOCK_DURATION_MS [30000]: a worker killed mid-send loses its job lock after this. */
  lockDurationMs: number;
  /** SMS_WORKER_STALLED_INTERVAL_MS [30000]: how often expired locks are looked for. */
  stalledIntervalMs: number;
  /** SMS_FAILOVER_AFTER_ATTEMPTS [2]: attempts on one provider of a comma list before the next. */
  failoverAfterAttempts: number;
  /** SMS_WORKER_SHUTDOWN_TIMEOUT_MS [30000]: SIGTERM waits this long for in-flight sends. */
  shutdownTimeoutMs: number;
}

export interface WorkerConfig {
  app: AppConfig;
  worker: WorkerSettings;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^[0-9]+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function loadWorkerConfig(env: Env = process.env): WorkerConfig {
  const app = loadConfig(env);
  return {
    app,
    worker: {
      healthPort: int(env, 'SMS_WORKER_HEALTH_PORT', 3100, 0, 65535),
      healthHost: env['SMS_WORKER_HEALTH_HOST']?.trim() || '0.0.0.0',
      lockDurationMs: int(env, 'SMS_WORKER_LOCK_DURATION_MS', 30000, 1000, 600000),
      stalledIntervalMs: int(env, 'SMS_WORKER_STALLED_INTERVAL_MS', 30000, 1000, 600000),
      failoverAfterAttempts: int(env, 'SMS_FAILOVER_AFTER_ATTEMPTS', 2, 1, 50),
      shutdownTimeoutMs: int(env, 'SMS_WORKER_SHUTDOWN_TIMEOUT_MS', 30000, 0, 600000),
    },
  };
}
