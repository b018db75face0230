import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@twofold/testing';
import { DeliveryWatchStore, nextProvider } from './delivery-watch.store';
import { SmsMessageStore } from './sms-message.store';

/**
 * The delivery watch's decision on real PostgreSQL: one fallback per provider, whatever runs at
 * once (several watch runs, a receipt, the code's use), never after the code was used or expired.
 */
describe('DeliveryWatchStore (real PostgreSQL)', () => {
  let testDb: TestDatabase;
  let pool: Pool;
  let watch: DeliveryWatchStore;
  let messages: SmsMessageStore;
  const ROUTE = ['webhook', 'ovh', 'twilio'];
  const TIMEOUT_MS = 2000;

  beforeAll(async () => {
    testDb = await createTestDatabase('smswatch');
    pool = new Pool({ connectionString: testDb.url, max: 12 });
    // pool.end() can resolve while a connection is still closing; the drop's FORCE then ends it, and
    // that FATAL reaches the pool as an 'error' event, unhandled without a listener (a flake, no finding).
    pool.on('error', () => undefined);
    watch = new DeliveryWatchStore(pool);
    messages = new SmsMessageStore(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await testDb?.drop();
  });

  /** An account, an SMS method, a LOGIN code message claimed and sent through `webhook` with a receipt deadline. */
  async function sentCode(opts: { deadline?: Date | null; sentAt?: Date } = {}): Promise<{ id: string; codeId: string }> {
    const account = randomUUID();
    const method = randomUUID();
    const id = randomUUID();
    const codeId = randomUUID();
    const now = new Date();
    await pool.query(`INSERT INTO account (id, email, email_normalized, name, password_hash) VALUES ($1, $2, lower($2), 'A', 'x')`, [account, `${account}@example.com`]);
    await pool.query(
      `INSERT INTO sms_method (id, account_id, phone_number, masked_phone_number, country_code, status, created_at) VALUES ($1, $2, '+447700900123', '+44 •••• ••0123', 'GB', 'PENDING', $3)`,
      [method, account, now],
    );
    await pool.query(
      `INSERT INTO sms_message (id, account_id, method_id, phone_number, purpose, locale, body_sealed, status, attempts, code_expires_at, created_at, updated_at, enqueued_at)
       VALUES ($1, $2, $3, '+447700900123', 'METHOD_CONFIRMATION', 'en', 'sealed', 'QUEUED', 0, $4, $5, $5, $5)`,
      [id, account, method, new Date(now.getTime() + 300_000), now],
    );
    await pool.query(
      `INSERT INTO sms_code (id, account_id, method_id, purpose, ticket_id, message_id, code_hmac, created_at, expires_at) VALUES ($1, $2, $3, 'METHOD_CONFIRMATION', NULL, $4, '\\x00', $5, $6)`,
      [codeId, account, method, id, now, new Date(now.getTime() + 300_000)],
    );
    await messages.claim(id, now);
    const sentAt = opts.sentAt ?? now;
    const deadline = opts.deadline === undefined ? new Date(sentAt.getTime() + TIMEOUT_MS) : opts.deadline;
    expect(await messages.markSent(id, 'webhook', `wh-${id}`, sentAt, deadline)).toBe(true);
    return { id, codeId };
  }
  const attempts = async (id: string) =>
    (await pool.query(`SELECT seq, provider, status, fallback_cause, deadline_at IS NOT NULL AS watched FROM sms_attempt WHERE message_id = $1 ORDER BY seq`, [id])).rows;
  const status = async (id: string) => (await pool.query(`SELECT status FROM sms_message WHERE id = $1`, [id])).rows[0].status;

  it('records the first send as attempt 1, SENT, with its receipt deadline', async () => {
    const { id } = await sentCode();
    expect(await attempts(id)).toEqual([{ seq: 1, provider: 'webhook', status: 'SENT', fallback_cause: null, watched: true }]);
    expect(await status(id)).toBe('SENT');
  });

  it('waits until the receipt deadline, then falls back to the next provider of the route (NO_RECEIPT)', async () => {
    const sentAt = new Date();
    const { id } = await sentCode({ sentAt });
    const early = await watch.decide(id, ROUTE, new Date(sentAt.getTime() + 500), TIMEOUT_MS);
    expect(early).toEqual({ kind: 'wait', until: new Date(sentAt.getTime() + TIMEOUT_MS) });
    const late = await watch.decide(id, ROUTE, new Date(sentAt.getTime() + TIMEOUT_MS), TIMEOUT_MS);
    expect(late).toEqual({ kind: 'send', seq: 2, provider: 'ovh', cause: 'NO_RECEIPT', resumed: false, moreAfter: true });
    expect((await attempts(id)).map((a) => [a.provider, a.status, a.fallback_cause])).toEqual([
      ['webhook', 'SENT', null],
      ['ovh', 'SENDING', 'NO_RECEIPT'],
    ]);
    // The message itself stays SENT during the fallback (the outbox relay never takes it again).
    expect(await status(id)).toBe('SENT');
  });

  it('twelve watch runs deciding at once after a failed receipt: exactly one fallback', async () => {
    const { id } = await sentCode();
    await pool.query(`UPDATE sms_attempt SET status = 'FAILED', failure_reason = 'webhook undelivered: error 30003' WHERE message_id = $1`, [id]);
    const now = new Date();
    const decisions = await Promise.all(Array.from({ length: 12 }, () => watch.decide(id, ROUTE, now, TIMEOUT_MS)));
    // One run created attempt 2; the others, serialized behind the message's lock, see it SENDING
    // and would resume it: the same attempt, never a second fallback.
    const created = decisions.filter((d) => d.kind === 'send' && !d.resumed);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ seq: 2, provider: 'ovh', cause: 'FAILED_RECEIPT' });
    expect(decisions.every((d) => d.kind === 'send' && d.seq === 2 && d.provider === 'ovh')).toBe(true);
    expect(await attempts(id)).toHaveLength(2);
  });

  it('at most once per provider: after every provider had its turn, the message fails (all failed) and the watch ends', async () => {
    const { id } = await sentCode();
    await pool.query(`UPDATE sms_attempt SET status = 'FAILED', failure_reason = 'first' WHERE message_id = $1`, [id]);
    const now = new Date();
    for (const [seq, provider] of [
      [2, 'ovh'],
      [3, 'twilio'],
    ] as const) {
      const d = await watch.decide(id, ROUTE, now, TIMEOUT_MS);
      expect(d).toMatchObject({ kind: 'send', seq, provider, moreAfter: provider !== 'twilio' });
      await watch.markAttemptSent(id, seq, `${provider}-${id}`, now, null);
      await pool.query(`UPDATE sms_attempt SET status = 'FAILED', failure_reason = $3 WHERE message_id = $1 AND seq = $2`, [id, seq, `${provider} failed`]);
    }
    expect(await watch.decide(id, ROUTE, now, TIMEOUT_MS)).toEqual({ kind: 'done', reason: 'no provider left on the route' });
    expect(await status(id)).toBe('FAILED');
    expect((await attempts(id)).map((a) => a.provider)).toEqual(['webhook', 'ovh', 'twilio']);
    expect((await attempts(id)).some((a) => a.watched)).toBe(false);
  });

  it('never after the code was used: the use committed first is seen; the decision waits for a use in flight', async () => {
    const { id, codeId } = await sentCode();
    await pool.query(`UPDATE sms_attempt SET status = 'FAILED' WHERE message_id = $1`, [id]);
    const use = await pool.connect();
    try {
      await use.query('BEGIN');
      await use.query(`UPDATE sms_code SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL`, [codeId]);
      let settled = false;
      const decision = watch.decide(id, ROUTE, new Date(), TIMEOUT_MS).then((d) => {
        settled = true;
        return d;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false); // blocked on the code's row lock
      await use.query('COMMIT');
      expect(await decision).toEqual({ kind: 'done', reason: 'code no longer valid' });
    } finally {
      use.release();
    }
    expect(await attempts(id)).toHaveLength(1);
    expect(await status(id)).toBe('FAILED');
  });

  it('never after the code expired', async () => {
    const { id } = await sentCode();
    await pool.query(`UPDATE sms_attempt SET status = 'FAILED' WHERE message_id = $1`, [id]);
    expect(await watch.decide(id, ROUTE, new Date(Date.now() + 301_000), TIMEOUT_MS)).toEqual({ kind: 'done', reason: 'code no longer valid' });
    expect(await attempts(id)).toHaveLength(1);
  });

  it('a "delivered" receipt locked in before the decision wins: no fallback', async () => {
    const sentAt = new Date(Date.now() - 10_000);
    const { id } = await sentCode({ sentAt });
    const receipt = await pool.connect();
    try {
      await receipt.query('BEGIN');
      await receipt.query(`SELECT 1 FROM sms_message WHERE id = $1 FOR UPDATE`, [id]);
      await receipt.query(`UPDATE sms_attempt SET status = 'DELIVERED' WHERE message_id = $1`, [id]);
      await receipt.query(`UPDATE sms_message SET status = 'DELIVERED' WHERE id = $1`, [id]);
      const decision = watch.decide(id, ROUTE, new Date(), TIMEOUT_MS);
      await new Promise((r) => setTimeout(r, 200));
      await receipt.query('COMMIT');
      expect(await decision).toEqual({ kind: 'done', reason: 'message DELIVERED' });
    } finally {
      receipt.release();
    }
    expect(await attempts(id)).toHaveLength(1);
  });

  it('an unwatched send (no deadline) ends the watch at once', async () => {
    const { id } = await sentCode({ deadline: null });
    expect(await watch.decide(id, ROUTE, new Date(), TIMEOUT_MS)).toEqual({ kind: 'done', reason: 'no receipt expected' });
  });

  it('a message not sent yet: the watch waits for the first send', async () => {
    const id = randomUUID();
    const now = new Date();
    await pool.query(
      `INSERT INTO sms_message (id, phone_number, purpose, locale, body_sealed, status, attempts, code_expires_at, created_at, updated_at) VALUES ($1, '+447700900123', 'NOTICE', 'en', 's', 'QUEUED', 0, NULL, $2, $2)`,
      [id, now],
    );
    expect(await watch.decide(id, ROUTE, now, TIMEOUT_MS)).toEqual({ kind: 'done', reason: 'not a code' });
  });

  it('nextProvider: the route order after the last attempt, wrapping, each provider once', () => {
    expect(nextProvider(ROUTE, [{ provider: 'webhook' }])).toBe('ovh');
    expect(nextProvider(ROUTE, [{ provider: 'ovh' }])).toBe('twilio');
    expect(nextProvider(ROUTE, [{ provider: 'twilio' }])).toBe('webhook');
    expect(nextProvider(ROUTE, [{ provider: 'twilio' }, { provider: 'webhook' }])).toBe('ovh');
    expect(nextProvider(ROUTE, [{ provider: 'ovh' }, { provider: 'twilio' }, { provider: 'webhook' }])).toBeNull();
    expect(nextProvider(['webhook'], [{ provider: 'webhook' }])).toBeNull();
    expect(nextProvider(ROUTE, [{ provider: 'vonage' }])).toBe('webhook');
  });
});
