import IORedis, { RedisOptions } from 'ioredis';
import type { Logger } from './logger';

/**
 * Redis settings fit for a BullMQ worker: no per-command retry limit (commands wait while
 * Redis is away instead of failing), reconnect forever with a capped backoff.
 */
export function workerRedisOptions(): RedisOptions {
  return {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), 3000),
    reconnectOnError: (err) => /READONLY|LOADING/.test(err.message),
  };
}

export function createWorkerRedis(url: string, logger: Logger): IORedis {
  const redis = new IORedis(url, workerRedisOptions());
  let down = false;
  redis.on('error', (err) => {
    if (!down) logger.warn('redis connection error; reconnecting', { error: err.message });
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info('redis connection back');
    down = false;
  });
  return redis;
}
