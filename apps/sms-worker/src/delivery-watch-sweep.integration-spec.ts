import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { deriveKey, openSmsJob, SMS_WATCH_QUEUE_NAME, type SmsWatchJobData } from '@twofold/sms-queue';
import { createTestDatabase, TEST_REDIS_URL, TestDatabase, uniqueQueuePrefix } from '@twofold/testing';
import { DeliveryWatchScheduler } from './delivery-watch';
import { DeliveryWatchStore } from './delivery-watch.store';
import { DeliveryWatchSweep } from './delivery-watch-sweep';
import { memoryLogger } from './logger';
import { ProviderChain } from './providers/provider-chain';
import { OvhSmsProvider } from './providers/ovh.provider';
import { WebhookSmsProvider } from './providers/webhook.provider';
import { workerRedisOptions } from './redis';
import { SmsMessageStore } from './sms-message.store';
import { insertMessage, payloadKey, TEST_APP_SECRET, type TestMessage } from './test/fixtures';

/**
 * The sweep that adds back delivery watches Redis lost, on real PostgreSQL and Redis: which
 * messages it picks (a watch that should have acted and has not finished, the code still live),
 * which it leaves (a watch still in Redis, one still waiting for its deadline, one finished, an
 * expired code, a delivered message), and the text the restored watch carries.
 */
describe('DeliveryWatchSweep (real PostgreSQL and Redis)', () => {
  let testDb: TestDatabase;
  let db: DataSource;
  let redis: IORedis;
  let queue: Queue<SmsWatchJobData>;
  let messages: SmsMessageStore;
  let sweep: DeliveryWatchSweep;
  let scheduler: DeliveryWatchScheduler;
  const prefix = uniqueQueuePrefix('sweep');
  const logger = memoryLogger();
  const GRACE_MS = 1000;
  const TIMEOUT_MS = 2000;

  beforeAll(async () => {
    testDb = await createTestDatabase('smssweep');
    db = await new DataSource(dataSourceOptions(testDb.url, { poolSize: 4 })).initialize();
    redis = new IORedis(TEST_REDIS_URL, workerRedisOptions());
    queue = new Queue<SmsWatchJobData>(SMS_WATCH_QUEUE_NAME, { connection: redis, prefix });
    messages = new SmsMessageStore(db);
    const chain = new ProviderChain(
      [
        new WebhookSmsProvider({ url: 'http://127.0.0.1:1/sms', secret: 's' }, 1000, 'http://127.0.0.1:1/webhooks/sms/webhook'),
        new OvhSmsProvider({ endpoint: 'http://127.0.0.1:1', appKey: 'ak', appSecret: 'as', consumerKey: 'ck', service: 'sms-x', sender: 'Twofold' }, 1000),
      ],
      2,
      logger,
    );
    scheduler = new DeliveryWatchScheduler(queue, chain, TIMEOUT_MS);
    sweep = sweepOn(new DeliveryWatchStore(db));
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await redis?.quit();
    await db?.destroy();
    await testDb?.drop();
  });

  /** A worker's sweep over `store` (its own pool: another worker's, or one that cannot connect). */
  const sweepOn = (store: DeliveryWatchStore) =>
    new DeliveryWatchSweep({ store, scheduler, queue, bodyKey: deriveKey(TEST_APP_SECRET, 'sms-body'), payloadKey, logger, graceMs: GRACE_MS });

  /** A code message sent through `webhook` at `sentAt`, its receipt due at `deadline`; no watch in Redis. */
  async function sent(sentAt: Date, deadline: Date | null, opts: Partial<TestMessage> = {}): Promise<TestMessage> {
    const m = await insertMessage(db, opts);
    await messages.claim(m.id, sentAt);
    expect(await messages.markSent(m.id, 'webhook', `wh-${m.id}`, sentAt, deadline)).toBe(true);
    return m;
  }
  const ago = (ms: number) => new Date(Date.now() - ms);
  const state = (id: string) => queue.getJobState(id);

  it('adds back a watch Redis lost, due at once, carrying the message\'s own text and expiry; once', async () => {
    const m = await sent(ago(10_000), ago(8_000));
    expect(await state(m.id)).toBe('unknown');
    await sweep.sweepOnce();
    expect(await state(m.id)).toBe('waiting');
    const job = await queue.getJob(m.id);
    const secret = openSmsJob(payloadKey, job?.data as SmsWatchJobData);
    expect(secret).toMatchObject({ messageId: m.id, to: m.to, body: m.body, expiresAt: m.expiresAt?.toISOString() });
    expect(logger.lines.some((l) => l.includes('delivery watch lost from Redis; added again') && l.includes(m.id))).toBe(true);
    // The job is there now: the next sweeps leave it alone.
    expect(await sweep.sweepOnce()).toBe(0);
    expect(await queue.getJobCountByTypes('waiting')).toBeGreaterThanOrEqual(1);
  });

  it('leaves a watch still in Redis, one not yet past its deadline and grace, and one that finished', async () => {
    const inRedis = await sent(ago(10_000), ago(8_000));
    await scheduler.schedule(inRedis.id, 'kept-as-it-was', 60_000);
    const early = await sent(ago(1_500), new Date(Date.now() + 500));
    const withinGrace = await sent(ago(2_300), ago(300));
    const finished = await sent(ago(10_000), null);
    await sweep.sweepOnce();
    expect((await queue.getJob(inRedis.id))?.data.sealed).toBe('kept-as-it-was');
    expect(await state(inRedis.id)).toBe('delayed');
    for (const m of [early, withinGrace, finished]) expect(await state(m.id)).toBe('unknown');
  });

  it('leaves an expired code and a delivered message', async () => {
    const expired = await sent(ago(10_000), ago(8_000), { expiresAt: ago(1_000) });
    const delivered = await sent(ago(10_000), ago(8_000));
    await db.query(`UPDATE sms_message SET status = 'DELIVERED', delivered_at = now() WHERE id = $1`, [delivered.id]);
    await sweep.sweepOnce();
    expect(await state(expired.id)).toBe('unknown');
    expect(await state(delivered.id)).toBe('unknown');
  });

  it('two workers sweeping at once add one watch', async () => {
    const m = await sent(ago(10_000), ago(8_000));
    const rival = sweepOn(new DeliveryWatchStore(db));
    await Promise.all([sweep.sweepOnce(), rival.sweepOnce()]);
    expect(await state(m.id)).toBe('waiting');
    const waiting = await queue.getJobs(['waiting']);
    expect(waiting.filter((j) => j.id === m.id)).toHaveLength(1);
  });

  it('PostgreSQL unavailable: the sweep logs and answers 0, never throws', async () => {
    const dead = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/x', max: 1 });
    const offline = sweepOn(new DeliveryWatchStore(dead));
    await expect(offline.sweepOnce()).resolves.toBe(0);
    expect(logger.lines.some((l) => l.includes('delivery watch sweep failed; the next one tries again'))).toBe(true);
    await dead.end();
  });
});
