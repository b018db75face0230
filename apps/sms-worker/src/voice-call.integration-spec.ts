import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { deriveKey, seal, SEND_SMS_JOB, sealSmsJob, SMS_JOB_DEFAULTS, SMS_QUEUE_NAME } from '@twofold/sms-queue';
import { createTestDatabase, FakeSmsGateway, startFakeSmsGateway, TEST_REDIS_URL, TestDatabase, uniqueQueuePrefix } from '@twofold/testing';
import { memoryLogger } from './logger';
import { ProviderChain } from './providers/provider-chain';
import { TwilioSmsProvider } from './providers/twilio.provider';
import { TwilioVoiceCaller } from './providers/twilio-voice';
import { workerRedisOptions } from './redis';
import { SmsMessageStore } from './sms-message.store';
import { createSmsWorker } from './sms-worker';
import { dumpRedis, payloadKey, randomCode, randomUkMobile, readMessage, TEST_APP_SECRET, waitForStatus } from './test/fixtures';

const bodyKey = deriveKey(TEST_APP_SECRET, 'sms-body');

/**
 * Channel VOICE jobs ("Call me instead") through the real worker: PostgreSQL, Redis, and the fake
 * gateway's Twilio Messages and Calls APIs. A call goes to the Calls API only (never as an SMS), in
 * the job's locale, and is recorded like an SMS (SENT, provider twilio-voice, the call sid); a worker
 * without voice fails it for good; Twilio's 5xx is retried.
 */
describe('voice calls in the SMS worker', () => {
  let testDb: TestDatabase;
  let db: DataSource;
  let gateway: FakeSmsGateway;
  let redis: IORedis;
  let queue: Queue;
  const workers: Worker[] = [];
  const prefix = uniqueQueuePrefix('voice');
  const noVoicePrefix = uniqueQueuePrefix('novoice');
  const logger = memoryLogger();

  beforeAll(async () => {
    testDb = await createTestDatabase('smsvoice');
    db = await new DataSource(dataSourceOptions(testDb.url, { poolSize: 5 })).initialize();
    gateway = await startFakeSmsGateway({ authToken: 'tw-token', accountSid: 'ACvoice', callbackDelayMs: 5 });
    redis = new IORedis(TEST_REDIS_URL, workerRedisOptions());
    queue = new Queue(SMS_QUEUE_NAME, { connection: redis, prefix });
    const twilio = { accountSid: 'ACvoice', authToken: 'tw-token', from: '+15005550006', apiBaseUrl: gateway.url };
    const chain = new ProviderChain([new TwilioSmsProvider(twilio, 'http://127.0.0.1:9/webhooks/sms/twilio', 2000)], 3, logger);
    const store = new SmsMessageStore(db);
    const options = { connection: redis, concurrency: 5, ratePerSecond: 1000, lockDurationMs: 5000, stalledIntervalMs: 5000 };
    workers.push(createSmsWorker({ ...options, prefix }, { store, chain, payloadKey, logger, voice: new TwilioVoiceCaller({ provider: 'twilio', ...twilio }, 2000) }));
    workers.push(createSmsWorker({ ...options, prefix: noVoicePrefix }, { store, chain, payloadKey, logger }));
    await Promise.all(workers.map((w) => w.waitUntilReady()));
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await queue.close();
    redis.disconnect();
    await gateway.close();
    await db.destroy();
    await testDb.drop();
  });
  beforeEach(() => gateway.reset());

  /** A VOICE row as the API writes it (the digits sealed as its body) and its sealed job. */
  async function queueCall(onto: Queue, locale = 'en') {
    const m = { id: randomUUID(), to: randomUkMobile(), code: randomCode(), expiresAt: new Date(Date.now() + 300_000) };
    const now = new Date();
    await db.query(
      `INSERT INTO sms_message (id, phone_number, purpose, locale, channel, body_sealed, status, attempts, code_expires_at, created_at, updated_at, enqueued_at)
       VALUES ($1, $2, 'LOGIN', $3, 'VOICE', $4, 'QUEUED', 0, $5, $6, $6, $6)`,
      [m.id, m.to, locale, seal(bodyKey, m.code, m.id), m.expiresAt, now],
    );
    const data = sealSmsJob(payloadKey, { messageId: m.id, to: m.to, body: m.code, expiresAt: m.expiresAt.toISOString(), channel: 'VOICE', locale });
    await onto.add(SEND_SMS_JOB, data, { ...SMS_JOB_DEFAULTS, jobId: m.id, attempts: 3, backoff: { type: 'fixed', delay: 50 } });
    return m;
  }

  it('places the call through the Calls API in the job\'s locale, records it like an SMS, and sends no SMS', async () => {
    const m = await queueCall(queue, 'fr');
    const row = await waitForStatus(db, m.id, ['SENT', 'FAILED']);
    const [call] = await gateway.waitForCalls(1, { filter: (c) => c.to === m.to });
    expect(row).toMatchObject({ status: 'SENT', provider: 'twilio-voice', provider_message_id: call.sid, attempts: 1 });
    expect(call).toMatchObject({ from: '+15005550006', language: 'fr-FR', digits: m.code + m.code });
    expect(gateway.messages.filter((s) => s.to === m.to)).toEqual([]);
    const attempts = await db.query(`SELECT provider, status, provider_message_id FROM sms_attempt WHERE message_id = $1`, [m.id]);
    expect(attempts).toEqual([{ provider: 'twilio-voice', status: 'SENT', provider_message_id: call.sid }]);
    // Nothing of the code in Redis in clear (the job is sealed), nor in the logs.
    expect(await dumpRedis(redis, prefix)).not.toContain(m.code);
    expect(JSON.stringify(logger.lines)).not.toContain(m.code);
  });

  it('retries a call Twilio answers with a 5xx, then places it once', async () => {
    gateway.control({ fail: '500', times: 1 });
    const m = await queueCall(queue);
    const row = await waitForStatus(db, m.id, ['SENT', 'FAILED']);
    expect(row).toMatchObject({ status: 'SENT', provider: 'twilio-voice', attempts: 2 });
    expect(gateway.calls.filter((c) => c.to === m.to)).toHaveLength(1);
  });

  it('fails a call for good in a worker without voice, naming what is missing, and never texts the digits', async () => {
    const noVoiceQueue = new Queue(SMS_QUEUE_NAME, { connection: redis, prefix: noVoicePrefix });
    try {
      const m = await queueCall(noVoiceQueue);
      const row = await waitForStatus(db, m.id, ['SENT', 'FAILED']);
      expect(row.status).toBe('FAILED');
      expect(row.failure_reason).toMatch(/voice calls are not configured in this worker/);
      expect((await readMessage(db, m.id)).attempts).toBe(1);
      expect(gateway.messages.filter((s) => s.to === m.to)).toEqual([]);
    } finally {
      await noVoiceQueue.close();
    }
  });
});
