import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { SMS_QUEUE_NAME } from '@twofold/sms-queue';
import {
  createTestDatabase,
  FakeSmsGateway,
  startFakeSmsGateway,
  TestDatabase,
  uniqueQueuePrefix,
} from '@twofold/testing';
import { ensureWorkerBuilt, freePort, PrivateRedis, spawnWorker, WorkerProcess } from './test/e2e-harness';
import { dumpRedis, findSecret, enqueue, insertMessage, TEST_APP_SECRET, TestMessage, waitFor } from './test/fixtures';
import { workerRedisOptions } from './redis';

/**
 * The built worker as a child process, against a private redis-server, this file's own
 * PostgreSQL database and the fake Twilio gateway: configuration errors, health, throughput,
 * graceful SIGTERM, and a leak scan of Redis and the worker's logs. SIGKILL mid-send and the
 * Redis restart during a burst run with the real API in full-stack.e2e-spec.ts.
 */
describe('sms-worker process (e2e)', () => {
  let testDb: TestDatabase;
  let db: DataSource;
  let redis: PrivateRedis;
  let producer: IORedis;
  let queue: Queue;
  let gateway: FakeSmsGateway;
  const prefix = uniqueQueuePrefix('e2e');
  const workers: WorkerProcess[] = [];
  const all: TestMessage[] = [];
  const figures: Record<string, number> = {};

  function startWorker(extra: Record<string, string> = {}): WorkerProcess {
    const w = spawnWorker({
      NODE_ENV: 'test',
      APP_SECRET: TEST_APP_SECRET,
      DATABASE_URL: testDb.url,
      REDIS_URL: redis.url,
      SMS_QUEUE_PREFIX: prefix,
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: 'ACe2e',
      TWILIO_AUTH_TOKEN: 'e2e-token',
      TWILIO_FROM: '+15005550006',
      TWILIO_API_BASE_URL: gateway.url,
      PUBLIC_API_URL: 'http://127.0.0.1:9',
      SMS_WORKER_HEALTH_PORT: '0',
      SMS_WORKER_HEALTH_HOST: '127.0.0.1',
      SMS_WORKER_CONCURRENCY: '50',
      SMS_RATE_PER_SECOND: '1000',
      SMS_WORKER_LOCK_DURATION_MS: '2000',
      SMS_WORKER_STALLED_INTERVAL_MS: '1000',
      SMS_REQUEST_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'info',
      ...extra,
    });
    workers.push(w);
    return w;
  }
  const started = (w: WorkerProcess) => w.waitForLog((l) => l['msg'] === 'sms worker started');

  const statusCounts = async (ids: string[]): Promise<Record<string, number>> => {
    const rows: { status: string; n: number }[] = await db.query(
      `SELECT status, count(*)::int AS n FROM sms_message WHERE id = ANY($1) GROUP BY status`,
      [ids],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  };
  const allSent = (ids: string[]) =>
    waitFor(
      `${ids.length} messages SENT`,
      async () => ((await statusCounts(ids))['SENT'] ?? 0) === ids.length,
      40000,
      50,
    );

  beforeAll(async () => {
    ensureWorkerBuilt();
    testDb = await createTestDatabase('workere2e');
    db = await new DataSource(dataSourceOptions(testDb.url, { poolSize: 4 })).initialize();
    redis = new PrivateRedis(await freePort());
    await redis.start();
    producer = new IORedis(redis.url, workerRedisOptions());
    producer.on('error', () => undefined);
    queue = new Queue(SMS_QUEUE_NAME, { connection: producer, prefix });
    queue.on('error', () => undefined);
    // No status callbacks: there is no API in this test (apps/api covers them).
    gateway = await startFakeSmsGateway({ authToken: 'e2e-token', accountSid: 'ACe2e' });
    gateway.control({ callbacks: false });
  });

  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await queue?.close().catch(() => undefined);
    producer?.disconnect();
    await redis?.stop();
    await gateway?.close();
    await db?.destroy();
    await testDb?.drop();
    // Figures for the README / report.
    process.stdout.write(`sms-worker e2e figures: ${JSON.stringify(figures)}\n`);
  });

  it('exits 1 with one line on a bad configuration', async () => {
    const w = spawnWorker({ SMS_PROVIDER: 'twilio', DATABASE_URL: 'postgres://x@127.0.0.1:1/x' });
    expect(await w.exited).toBe(1);
    expect(w.lines).toEqual(['Configuration error: TWILIO_ACCOUNT_SID is required']);
  });

  it('sends a burst through the fake gateway and reports health (throughput)', async () => {
    const w = startWorker();
    const boot = await started(w);
    const health = await fetch(`http://127.0.0.1:${boot['healthPort']}/health`);
    if (health.status !== 200) console.log(await health.clone().text());
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      checks: { redis: { ok: true }, postgresql: { ok: true }, worker: { ok: true } },
    });

    const batch = await Promise.all(Array.from({ length: 200 }, () => insertMessage(db)));
    all.push(...batch);
    const t0 = Date.now();
    await Promise.all(batch.map((m) => enqueue(queue, m)));
    await allSent(batch.map((m) => m.id));
    figures['sendsPerSecond'] = Math.round((batch.length * 1000) / (Date.now() - t0));
    for (const m of batch) expect(gateway.messages.filter((g) => g.to === m.to).map((g) => g.body)).toEqual([m.body]);

    // Prometheus metrics on the health port: every send of the burst counted, with its latency.
    const metrics = await (await fetch(`http://127.0.0.1:${boot['healthPort']}/metrics`)).text();
    expect(metrics).toContain('twofold_sms_sends_total{provider="twilio",outcome="sent",service="sms-worker"} 200');
    expect(metrics).toContain('twofold_sms_provider_request_seconds_count{service="sms-worker",provider="twilio"} 200');
    expect(metrics).toContain('twofold_sms_queue_jobs{state="waiting",service="sms-worker"} 0');

    // graceful SIGTERM: finishes, then exits 0
    w.proc.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(w.lines.some((l) => l.includes('sms worker stopped'))).toBe(true);
  });

  it('leaves no code and no number in Redis or in the worker logs', async () => {
    const dump = await dumpRedis(producer, prefix);
    const logs = workers.flatMap((w) => w.lines).join('\n');
    expect(logs).toContain('sms sent');
    for (const m of all) {
      expect(findSecret(dump, m)).toBeNull();
      expect(findSecret(logs, m)).toBeNull();
    }
  });
});
