/**
 * What the worker's bench scripts share: a fresh test database, a private redis-server, the queue,
 * the fake Twilio gateway, the worker's environment, messages written as the API writes them,
 * the wait for every SENT row, a process's CPU time, and the teardown.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { SMS_QUEUE_NAME } from '@twofold/sms-queue';
import { createTestDatabase, startFakeSmsGateway, uniqueQueuePrefix, type TestDatabase } from '@twofold/testing';
import { freePort, PrivateRedis } from './e2e-harness';
import { insertMessage, TEST_APP_SECRET, TestMessage, waitFor } from './fixtures';

export interface BenchRig {
  testDb: TestDatabase;
  db: DataSource;
  queue: Queue;
  gateway: Awaited<ReturnType<typeof startFakeSmsGateway>>;
  /** The worker's environment for this rig (Twilio pointed at the fake gateway, limiter out of the way). */
  workerEnv(concurrency: string): Record<string, string>;
  /** `n` QUEUED messages in the database, `batch` at a time (not enqueued). */
  insertMessages(n: number, batch: number): Promise<TestMessage[]>;
  allSent(n: number, pollMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchRig(label: string, opts: { poolSize: number; gatewayLatencyMs?: number }): Promise<BenchRig> {
  const testDb = await createTestDatabase(label);
  const db = await new DataSource(dataSourceOptions(testDb.url, { poolSize: opts.poolSize })).initialize();
  const redis = new PrivateRedis(await freePort());
  await redis.start();
  const producer = new IORedis(redis.url, { maxRetriesPerRequest: null });
  const prefix = uniqueQueuePrefix(label);
  const queue = new Queue(SMS_QUEUE_NAME, { connection: producer, prefix });
  const gateway = await startFakeSmsGateway({ authToken: 'bench', accountSid: 'ACbench' });
  gateway.control({ callbacks: false, ...(opts.gatewayLatencyMs !== undefined ? { delayMs: opts.gatewayLatencyMs } : {}) });
  return {
    testDb,
    db,
    queue,
    gateway,
    workerEnv: (concurrency) => ({
      APP_SECRET: TEST_APP_SECRET,
      DATABASE_URL: testDb.url,
      REDIS_URL: redis.url,
      SMS_QUEUE_PREFIX: prefix,
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: 'ACbench',
      TWILIO_AUTH_TOKEN: 'bench',
      TWILIO_FROM: '+15005550006',
      TWILIO_API_BASE_URL: gateway.url,
      SMS_WORKER_HEALTH_PORT: '0',
      SMS_WORKER_CONCURRENCY: concurrency,
      SMS_RATE_PER_SECOND: '100000',
    }),
    async insertMessages(n, batch) {
      const messages: TestMessage[] = [];
      for (let i = 0; i < n; i += batch) messages.push(...(await Promise.all(Array.from({ length: Math.min(batch, n - i) }, () => insertMessage(db)))));
      return messages;
    },
    async allSent(n, pollMs) {
      await waitFor('all SENT rows', async () => (await db.query(`SELECT count(*)::int AS c FROM sms_message WHERE status = 'SENT'`))[0].c >= n, 60000, pollMs);
    },
    async close() {
      await queue.close();
      producer.disconnect();
      await redis.stop();
      await gateway.close();
      await db.destroy();
      await testDb.drop();
    },
  };
}

/** CPU time (user + system) a live process has used, in ms (100 Hz ticks). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}
