import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { SMS_WATCH_JOB, SMS_WATCH_QUEUE_NAME, twilioSignature, webhookReceiptSignature } from '@twofold/sms-queue';
import { startApi, type TestApi } from './harness';

// Receipts on sms_attempt (issue 14, item 2): each applied to the attempt it names, then to the
// message, order-tolerant and idempotent, whatever attempt they belong to; a "failed" on a watched
// attempt leaves the message to the delivery watch and wakes it. Real PostgreSQL and Redis.
const SECRET = 'attempt-receipt-secret-0123456789';
const TWILIO_TOKEN = 'attempt-receipt-twilio-token';

describe('SMS receipts on attempts (receipt-driven fallback)', () => {
  let api: TestApi;
  let redis: IORedis;
  let watchQueue: Queue;

  beforeAll(async () => {
    api = await startApi({
      SMS_PROVIDER: 'webhook,twilio',
      SMS_WEBHOOK_URL: 'http://127.0.0.1:9/unused',
      SMS_WEBHOOK_SECRET: SECRET,
      TWILIO_ACCOUNT_SID: 'ACattempts',
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      TWILIO_FROM: '+15005550006',
    });
    redis = new IORedis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    watchQueue = new Queue(SMS_WATCH_QUEUE_NAME, { connection: redis, prefix: api.config.queuePrefix });
  });

  afterAll(async () => {
    await watchQueue?.obliterate({ force: true }).catch(() => undefined);
    await watchQueue?.close();
    redis?.disconnect();
    await api?.close();
  });

  const nowSeconds = () => Math.floor(api.clock.now().getTime() / 1000);
  /** A signed receipt by the attempt's own provider: `webhook` for wh-… ids, Twilio for SM… ids. */
  async function receipt(pmid: string, status: string, extra: Record<string, string> = {}): Promise<number> {
    if (pmid.startsWith('SM')) {
      const params: Record<string, string> = { AccountSid: 'ACattempts', MessageSid: pmid, MessageStatus: status, ...(extra['reason'] ? { ErrorCode: '30003' } : {}) };
      const res = await fetch(`${api.url}/webhooks/sms/twilio`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilioSignature(TWILIO_TOKEN, `${api.config.publicApiUrl}/webhooks/sms/twilio`, params) },
        body: new URLSearchParams(params).toString(),
      });
      return res.status;
    }
    const body = JSON.stringify({ id: pmid, status, ...extra });
    const ts = String(nowSeconds());
    const res = await fetch(`${api.url}/webhooks/sms/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Twofold-Timestamp': ts, 'X-Twofold-Signature': webhookReceiptSignature(SECRET, ts, body) },
      body,
    });
    return res.status;
  }

  /** A SENT code message with the given attempts: 1 through `webhook` (id wh-…), 2 through Twilio (id SM…). */
  async function messageWithAttempts(attempts: { status: string; watched: boolean }[], messageStatus = 'SENT'): Promise<{ id: string; pmid: (seq: number) => string }> {
    const id = randomUUID();
    const now = api.clock.now();
    const pmid = (seq: number) => (seq === 1 ? `wh-${id}` : `SM${id.replace(/-/g, '')}`);
    await api.pg.query(
      `INSERT INTO sms_message (id, phone_number, purpose, locale, body_sealed, status, provider, provider_message_id, attempts, code_expires_at, created_at, updated_at, sent_at)
       VALUES ($1, '+447700900123', 'LOGIN', 'en', 'v1.x.y.z', $2, 'webhook', $3, 1, $4, $5, $5, $5)`,
      [id, messageStatus, pmid(1), new Date(now.getTime() + 300_000), now],
    );
    for (const [i, a] of attempts.entries()) {
      await api.pg.query(
        `INSERT INTO sms_attempt (message_id, seq, provider, status, provider_message_id, created_at, updated_at, sent_at, deadline_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $6, $7)`,
        [id, i + 1, i === 0 ? 'webhook' : 'twilio', a.status, pmid(i + 1), now, a.watched ? new Date(now.getTime() + 20_000) : null],
      );
    }
    return { id, pmid };
  }
  const state = async (id: string) => {
    const m = (await api.pg.query(`SELECT status, failure_reason FROM sms_message WHERE id = $1`, [id])).rows[0];
    const a = (await api.pg.query(`SELECT seq, status FROM sms_attempt WHERE message_id = $1 ORDER BY seq`, [id])).rows;
    return { message: m.status as string, reason: m.failure_reason as string | null, attempts: a.map((r) => r.status as string) };
  };

  it('a failed first attempt the watch owns: the attempt FAILED, the message still SENT, and its delayed watch woken', async () => {
    const { id, pmid } = await messageWithAttempts([{ status: 'SENT', watched: true }]);
    await watchQueue.add(SMS_WATCH_JOB, { v: 1, messageId: id, sealed: 'x' }, { jobId: id, delay: 60_000 });
    expect(await (await watchQueue.getJob(id))?.getState()).toBe('delayed');
    expect(await receipt(pmid(1), 'undelivered', { reason: 'error 30003' })).toBe(204);
    expect(await state(id)).toEqual({ message: 'SENT', reason: null, attempts: ['FAILED'] });
    expect(await (await watchQueue.getJob(id))?.getState()).toBe('waiting');
    // Idempotent: the same report again changes nothing.
    expect(await receipt(pmid(1), 'undelivered', { reason: 'error 30003' })).toBe(204);
    expect(await state(id)).toEqual({ message: 'SENT', reason: null, attempts: ['FAILED'] });
  });

  it('receipts of the first attempt arriving after the fallback never regress anything', async () => {
    const { id, pmid } = await messageWithAttempts([
      { status: 'FAILED', watched: true },
      { status: 'SENT', watched: false },
    ]);
    expect(await receipt(pmid(2), 'delivered')).toBe(204);
    expect(await state(id)).toEqual({ message: 'DELIVERED', reason: null, attempts: ['FAILED', 'DELIVERED'] });
    // late receipts of attempt 1: "sent", a contrary "delivered" (first final state of an attempt stays), "failed"
    for (const late of ['sent', 'delivered', 'failed']) {
      expect(await receipt(pmid(1), late)).toBe(204);
      expect(await state(id)).toEqual({ message: 'DELIVERED', reason: null, attempts: ['FAILED', 'DELIVERED'] });
    }
    // and a late "failed" of the delivered attempt 2
    expect(await receipt(pmid(2), 'failed')).toBe(204);
    expect(await state(id)).toEqual({ message: 'DELIVERED', reason: null, attempts: ['FAILED', 'DELIVERED'] });
  });

  it('a first attempt with no receipt (timed out) delivered late: the message DELIVERED, whatever the fallback did', async () => {
    const { id, pmid } = await messageWithAttempts([
      { status: 'SENT', watched: true },
      { status: 'SENT', watched: false },
    ]);
    expect(await receipt(pmid(1), 'delivered')).toBe(204);
    expect(await state(id)).toEqual({ message: 'DELIVERED', reason: null, attempts: ['DELIVERED', 'SENT'] });
  });

  it('the message FAILED only when every attempt failed and no fallback follows', async () => {
    const { id, pmid } = await messageWithAttempts([
      { status: 'SENT', watched: true },
      { status: 'SENT', watched: false },
    ]);
    expect(await receipt(pmid(2), 'failed', { reason: 'error 30005' })).toBe(204);
    // attempt 1 may still be delivered: the message stays SENT
    expect(await state(id)).toEqual({ message: 'SENT', reason: null, attempts: ['SENT', 'FAILED'] });
    await api.pg.query(`UPDATE sms_attempt SET deadline_at = NULL WHERE message_id = $1`, [id]); // the watch has finished
    expect(await receipt(pmid(1), 'failed', { reason: 'error 30003' })).toBe(204);
    expect(await state(id)).toEqual({ message: 'FAILED', reason: 'webhook failed: error 30003', attempts: ['FAILED', 'FAILED'] });
    // FAILED is final for the message
    expect(await receipt(pmid(1), 'delivered')).toBe(204);
    expect((await state(id)).message).toBe('FAILED');
  });

  it('one unwatched attempt (a notice, one provider): failed as before', async () => {
    const { id, pmid } = await messageWithAttempts([{ status: 'SENT', watched: false }]);
    expect(await receipt(pmid(1), 'undelivered', { reason: 'error 30007' })).toBe(204);
    expect(await state(id)).toEqual({ message: 'FAILED', reason: 'webhook undelivered: error 30007', attempts: ['FAILED'] });
  });

  it('concurrent receipts of both attempts of one message: each applied once, the message DELIVERED', async () => {
    const { id, pmid } = await messageWithAttempts([
      { status: 'SENT', watched: true },
      { status: 'SENT', watched: false },
    ]);
    const answers = await Promise.all([receipt(pmid(1), 'failed'), receipt(pmid(2), 'delivered'), receipt(pmid(1), 'failed'), receipt(pmid(2), 'sent')]);
    expect(answers).toEqual([204, 204, 204, 204]);
    expect(await state(id)).toEqual({ message: 'DELIVERED', reason: null, attempts: ['FAILED', 'DELIVERED'] });
  });
});
