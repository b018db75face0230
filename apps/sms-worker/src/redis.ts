import type { RedisOptions } from 'ioredis';
import type { AppConfig } from '@twofold/config';
import { createRedisConnection, logRedisOutages, redisOptionsFor, type RedisConnection } from '@twofold/redis-connection';
import type { Logger } from './logger';

/**
 * Redis settings fit for a BullMQ worker on one Redis: no per-command retry limit (commands wait
 * while Redis is away instead of failing), reconnect forever with a capped backoff. Built in
 * @twofold/redis-connection, which also gives the Redis Cluster form (REDIS_CLUSTER_NODES).
 */
export function workerRedisOptions(): RedisOptions {
  return redisOptionsFor('worker');
}

/** The worker's connection (one Redis or a Cluster, from the configuration); outages logged once. */
export function createWorkerRedis(config: AppConfig, logger: Logger): RedisConnection {
  const redis = createRedisConnection(config, 'worker');
  logRedisOutages(redis, logger);
  return redis;
}
