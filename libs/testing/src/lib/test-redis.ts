import { randomBytes } from 'node:crypto';

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Each test file uses its own BullMQ key prefix on the shared Redis, so queues of parallel
 * files never mix. The braces are a Redis Cluster hash tag, as in production.
 */
export function uniqueQueuePrefix(label = 'test'): string {
  return `{tftest-${label}-${randomBytes(4).toString('hex')}}`;
}
