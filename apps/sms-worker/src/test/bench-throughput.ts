/**
 * Sends N SMS through the built worker and the fake gateway and prints sends per second:
 *   node -r @swc-node/register apps/sms-worker/src/test/bench-throughput.ts [N] [concurrency]
 * Uses a private redis-server and a fresh test database; needs `nx run sms-worker:build`.
 */
import 'reflect-metadata';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { SMS_QUEUE_NAME } from '@twofold/sms-queue';
import { createTestDatabase, uniqueQueuePrefix } from '@twofold/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- dev tool
import { startFakeSmsGateway } from '../../../../tools/fake-sms-gateway/src';
import { ensureWorkerBuilt, freePort, PrivateRedis, spawnWorker } from './e2e-harness';
import { enqueue, insertMessage, TEST_APP_SECRET, waitFor } from './fixtures';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  const concurrency = process.argv[3] ?? '50';
  ensureWorkerBuilt();
  const testDb = await createTestDatabase('bench');
  const db = await new DataSource(dataSourceOptions(testDb.url, { poolSize: 4 })).initialize();
  const redis = new PrivateRedis(await freePort());
  await redis.start();
  const producer = new IORedis(redis.url, { maxRetriesPerRequest: null });
  const prefix = uniqueQueuePrefix('bench');
  const queue = new Queue(SMS_QUEUE_NAME, { connection: producer, prefix });
  const gateway = await startFakeSmsGateway({ authToken: 'bench', accountSid: 'ACbench' });
  gateway.control({ callbacks: false });
  const worker = spawnWorker({
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
    LOG_LEVEL: 'warn',
  });
  await waitFor('worker up', async () => (await queue.getWorkersCount()) > 0, 15000, 50);
  const messages = [];
  for (let i = 0; i < n; i += 100)
    messages.push(...(await Promise.all(Array.from({ length: Math.min(100, n - i) }, () => insertMessage(db)))));
  const t0 = Date.now();
  await queue.addBulk([]); // warm
  await Promise.all(messages.map((m) => enqueue(queue, m)));
  const tEnqueued = Date.now();
  await waitFor('all sent', async () => gateway.messages.length >= n, 120000, 20);
  const tGateway = Date.now();
  await waitFor(
    'all SENT rows',
    async () => (await db.query(`SELECT count(*)::int AS c FROM sms_message WHERE status = 'SENT'`))[0].c >= n,
    60000,
    50,
  );
  const t1 = Date.now();
  const usage = await (async () => {
    try {
      const { readFileSync } = await import('node:fs');
      const stat = readFileSync(`/proc/${worker.proc.pid}/stat`, 'utf8').split(' ');
      return (Number(stat[13]) + Number(stat[14])) * 10; // ms of CPU (100 Hz clock ticks)
    } catch {
      return NaN;
    }
  })();
  console.log(
    JSON.stringify({
      n,
      concurrency: Number(concurrency),
      enqueueMs: tEnqueued - t0,
      gatewayAllMs: tGateway - t0,
      allSentMs: t1 - t0,
      sendsPerSecond: Math.round((n * 1000) / (t1 - t0)),
      workerCpuMs: usage,
      workerCpuMsPerSms: +(usage / n).toFixed(2),
    }),
  );
  worker.proc.kill('SIGTERM');
  await worker.exited;
  await queue.close();
  producer.disconnect();
  await redis.stop();
  await gateway.close();
  await db.destroy();
  await testDb.drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
