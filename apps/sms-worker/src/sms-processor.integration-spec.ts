import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { SMS_QUEUE_NAME } from '@twofold/sms-queue';
import {
  createTestDatabase,
  FakeSmsGateway,
  startFakeSmsGateway,
  TEST_REDIS_URL,
  TestDatabase,
  uniqueQueuePrefix,
} from '@twofold/testing';
import { memoryLogger } from './logger';
import { OvhSmsProvider } from './providers/ovh.provider';
import { ProviderChain } from './providers/provider-chain';
import { TwilioSmsProvider } from './providers/twilio.provider';
import { ClaimedMessage, SmsMessageStore, StoreUnavailableError } from './sms-message.store';
import { createSmsWorker } from './sms-worker';
import { LocalServer, startLocalServer } from './test/local-server';
import {
  dumpRedis,
  findSecret,
  enqueue,
  insertMessage,
  payloadKey,
  readMessage,
  TestMessage,
  waitFor,
  waitForStatus,
} from './test/fixtures';
import { workerRedisOptions } from './redis';

/** The real store, with a switch to make PostgreSQL look unavailable for the next claims. */
class FlakyStore extends SmsMessageStore {
  failClaims = 0;
  override async claim(id: string, now: Date): Promise<ClaimedMessage | null> {
    if (this.failClaims > 0) {
      this.failClaims--;
      throw new StoreUnavailableError('postgresql: connect ECONNREFUSED 127.0.0.1:5432');
    }
    return super.claim(id, now);
  }
}

describe('SMS worker processor (real PostgreSQL, Redis, fake Twilio gateway)', () => {
  let testDb: TestDatabase;
  let db: DataSource;
  let gateway: FakeSmsGateway;
  let ovh: LocalServer;
  let callbacks: LocalServer;
  let redis: IORedis;
  let queue: Queue;
  let worker: Worker;
  const prefix = uniqueQueuePrefix('worker');
  const logger = memoryLogger();
  const sent: TestMessage[] = [];
  let store: FlakyStore;

  beforeAll(async () => {
    testDb = await createTestDatabase('smsworker');
    db = await new DataSource(dataSourceOptions(testDb.url, { poolSize: 5 })).initialize();
    gateway = await startFakeSmsGateway({ authToken: 'tw-token', accountSid: 'ACworker', callbackDelayMs: 5 });
    ovh = await startLocalServer();
    callbacks = await startLocalServer();
    callbacks.reply({ status: 204 });
    redis = new IORedis(TEST_REDIS_URL, workerRedisOptions());
    queue = new Queue(SMS_QUEUE_NAME, { connection: redis, prefix });
    const twilio = new TwilioSmsProvider(
      { accountSid: 'ACworker', authToken: 'tw-token', from: '+15005550006', apiBaseUrl: gateway.url },
      `${callbacks.url}/webhooks/sms/twilio`,
      2000,
    );
    const ovhProvider = new OvhSmsProvider(
      { endpoint: ovh.url, appKey: 'ak', appSecret: 'as', consumerKey: 'ck', service: 'sms-x', sender: 'Twofold' },
      2000,
    );
    store = new FlakyStore(db);
    worker = createSmsWorker(
      { connection: redis, prefix, concurrency: 5, ratePerSecond: 1000, lockDurationMs: 5000, stalledIntervalMs: 5000 },
      {
        store,
        storeRetryMs: 100,
        chain: new ProviderChain([twilio, ovhProvider], 3, logger),
        payloadKey,
        logger,
      },
    );
    await worker.waitUntilReady();
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await redis?.quit();
    await gateway?.close();
    await ovh?.close();
    await callbacks?.close();
    await db?.destroy();
    await testDb?.drop();
  });

  beforeEach(() => {
    gateway.reset();
    ovh.reply({
      status: 200,
      body: { totalCreditsRemoved: 1, invalidReceivers: [], ids: [4242], validReceivers: [], tag: '' },
    });
  });

  const bodiesTo = (to: string) => gateway.messages.filter((m) => m.to === to).map((m) => m.body);

  it('claims the row, sends the exact text and records SENT with the provider id', async () => {
    const m = await insertMessage(db);
    sent.push(m);
    await enqueue(queue, m);
    const row = await waitForStatus(db, m.id, ['SENT', 'DELIVERED']);
    expect(bodiesTo(m.to)).toEqual([m.body]);
    const sms = gateway.messages.find((x) => x.to === m.to);
    expect(row).toMatchObject({ provider: 'twilio', provider_message_id: sms?.sid, attempts: 1, failure_reason: null });
    expect(row.sent_at).toBeInstanceOf(Date);
  });

  it('completes a duplicate job of a finished message as a no-op (relay re-enqueue)', async () => {
    const m = sent[0];
    await enqueue(queue, m);
    await new Promise((r) => setTimeout(r, 300));
    expect(bodiesTo(m.to)).toHaveLength(1);
    expect((await readMessage(db, m.id)).attempts).toBe(1);
  });

  it('does not send a code that expired before it could be sent', async () => {
    const m = await insertMessage(db, { expiresAt: new Date(Date.now() - 1000) });
    sent.push(m);
    await enqueue(queue, m);
    const row = await waitForStatus(db, m.id, ['FAILED']);
    expect(row.failure_reason).toBe('expired before sending');
    expect(row.failed_at).toBeInstanceOf(Date);
    expect(bodiesTo(m.to)).toEqual([]);
  });

  it('retries after 500 with backoff, then sends', async () => {
    gateway.control({ fail: '500', times: 2 });
    const m = await insertMessage(db);
    sent.push(m);
    await enqueue(queue, m);
    const row = await waitForStatus(db, m.id, ['SENT', 'DELIVERED']);
    expect(row).toMatchObject({ provider: 'twilio', attempts: 3, failure_reason: null });
    expect(bodiesTo(m.to)).toEqual([m.body]);
  });

  it('goes on through the next provider at once after a 429 (issue 14 item 4), in the same attempt', async () => {
    gateway.control({ fail: '429', times: 1 });
    ovh.requests.splice(0);
    const m = await insertMessage(db);
    sent.push(m);
    await enqueue(queue, m);
    const row = await waitForStatus(db, m.id, ['SENT']);
    expect(row).toMatchObject({ provider: 'ovh', provider_message_id: '4242', attempts: 1 });
    expect(ovh.requests).toHaveLength(1);
  });

  it('fails at once on an invalid-number answer (21211), with a clear reason and no retry', async () => {
    gateway.control({ fail: 'invalid-number' });
    const m = await insertMessage(db);
    sent.push(m);
    await enqueue(queue, m);
    const row = await waitForStatus(db, m.id, ['FAILED']);
    expect(row).toMatchObject({ attempts: 1, provider: 'twilio' });
    expect(row.failure_reason).toBe("twilio: Invalid 'To' phone number (error 21211)");
    const job = await queue.getJob(m.id);
    expect(job?.failedReason).toBe(row.failure_reason);
    expect(job?.attemptsMade).toBe(1);
    // the failed job keeps ids and the reason only
    await waitFor('the failed job payload to be stripped', async () => (await queue.getJob(m.id))?.data.sealed === '');
  });

  it('fails over from twilio to ovh when twilio keeps answering 5xx', async () => {
    gateway.control({ fail: '500' });
    ovh.requests.splice(0);
    const m = await insertMessage(db);
    sent.push(m);
    await enqueue(queue, m);
    const row = await waitForStatus(db, m.id, ['SENT']);
    expect(row).toMatchObject({ provider: 'ovh', provider_message_id: '4242', attempts: 4 });
    expect(ovh.requests).toHaveLength(1);
    expect(JSON.parse(ovh.requests[0].body)).toMatchObject({ message: m.body, receivers: [m.to] });
  });

  it('marks FAILED when attempts are exhausted', async () => {
    gateway.control({ fail: '500' });
    const m = await insertMessage(db);
    sent.push(m);
    await enqueue(queue, m, { attempts: 2 });
    const row = await waitForStatus(db, m.id, ['FAILED']);
    expect(row.failure_reason).toBe('gave up after 2 attempts: twilio: server error (HTTP 500)');
    expect(row.attempts).toBe(2);
  });

  it('waits for PostgreSQL without spending attempts', async () => {
    store.failClaims = 5;
    const m = await insertMessage(db);
    sent.push(m);
    await enqueue(queue, m, { attempts: 2 });
    const row = await waitForStatus(db, m.id, ['SENT', 'DELIVERED']);
    expect(store.failClaims).toBe(0);
    expect(row.attempts).toBe(1);
    expect(logger.lines.some((l) => l.includes('postgresql unavailable'))).toBe(true);
  });

  it('refuses a job sealed with another key', async () => {
    const m = await insertMessage(db);
    await queue.add('sms.send', { v: 1, messageId: m.id, sealed: 'v1.AAAA.BBBB.CCCC' }, { jobId: m.id, attempts: 3 });
    const row = await waitForStatus(db, m.id, ['FAILED']);
    expect(row.failure_reason).toMatch(/could not be opened/);
  });

  it('leaves no code and no number in Redis (keys, job data, failed jobs, events) or in the logs', async () => {
    await gateway.idle();
    const dump = await dumpRedis(redis, prefix);
    expect(dump.length).toBeGreaterThan(0);
    const logs = logger.lines.join('\n');
    for (const m of sent) {
      expect(findSecret(dump, m)).toBeNull();
      expect(findSecret(logs, m)).toBeNull();
    }
    // completed jobs are removed; failed ones stay with ids and reasons only
    expect(await queue.getCompletedCount()).toBe(0);
    expect(await queue.getFailedCount()).toBeGreaterThan(0);
  });
});
