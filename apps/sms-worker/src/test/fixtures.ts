import { randomUUID } from 'node:crypto';
import type IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { Queue } from 'bullmq';
import { deriveKey, open, seal, sealSmsJob, SEND_SMS_JOB, SMS_JOB_DEFAULTS, SmsJobSecret } from '@twofold/sms-queue';

export const TEST_APP_SECRET = 'test-app-secret-0123456789abcdefghijklmnopqrstuvwxyz';
export const payloadKey = deriveKey(TEST_APP_SECRET, 'sms-payload');
const bodyKey = deriveKey(TEST_APP_SECRET, 'sms-body');

/** A code SMS as the API renders it (libs/shared/two-factor-domain sms-text). */
export function codeText(code: string, host = 'localhost'): string {
  return `Twofold security code: ${code}. Valid 5 minutes. Never share it.\n@${host} #${code}`;
}

export function randomCode(): string {
  return String(100000 + Math.floor(Math.random() * 900000));
}

let nextNumber = Math.floor(Math.random() * 8_000_000);
/** Distinct UK mobile numbers within one test process (+44 7700 range). */
export function randomUkMobile(): string {
  nextNumber = (nextNumber + 1) % 10_000_000;
  return '+44770' + String(nextNumber).padStart(7, '0');
}

export interface TestMessage {
  id: string;
  to: string;
  body: string;
  code: string;
  expiresAt: Date | null;
}

/** What the API does in its transaction: the QUEUED row with the sealed body. */
export async function insertMessage(db: DataSource, opts: Partial<TestMessage> = {}): Promise<TestMessage> {
  const code = opts.code ?? randomCode();
  const m: TestMessage = {
    id: opts.id ?? randomUUID(),
    to: opts.to ?? randomUkMobile(),
    code,
    body: opts.body ?? codeText(code),
    expiresAt: opts.expiresAt === undefined ? new Date(Date.now() + 300_000) : opts.expiresAt,
  };
  const now = new Date();
  await db.query(
    `INSERT INTO sms_message (id, phone_number, purpose, locale, body_sealed, status, attempts, code_expires_at, created_at, updated_at, enqueued_at)
     VALUES ($1, $2, 'LOGIN', 'en', $3, 'QUEUED', 0, $4, $5, $5, $5)`,
    [m.id, m.to, seal(bodyKey, m.body, m.id), m.expiresAt, now],
  );
  return m;
}

/** What the API does after commit (and what its relay repeats): the sealed job, jobId = message id. */
export async function enqueue(
  queue: Queue,
  m: TestMessage,
  opts: { attempts?: number; backoffMs?: number } = {},
): Promise<void> {
  const secret: SmsJobSecret = {
    messageId: m.id,
    to: m.to,
    body: m.body,
    expiresAt: m.expiresAt ? m.expiresAt.toISOString() : null,
  };
  await queue.add(SEND_SMS_JOB, sealSmsJob(payloadKey, secret), {
    ...SMS_JOB_DEFAULTS,
    jobId: m.id,
    attempts: opts.attempts ?? 6,
    backoff: { type: 'exponential', delay: opts.backoffMs ?? 50, jitter: 0.5 },
  });
}

export interface MessageRow {
  id: string;
  status: string;
  provider: string | null;
  provider_message_id: string | null;
  attempts: number;
  failure_reason: string | null;
  sent_at: Date | null;
  failed_at: Date | null;
  delivered_at: Date | null;
}

export async function readMessage(db: DataSource, id: string): Promise<MessageRow> {
  const [row] = await db.query(
    `SELECT id, status, provider, provider_message_id, attempts, failure_reason, sent_at, failed_at, delivered_at FROM sms_message WHERE id = $1`,
    [id],
  );
  return row as MessageRow;
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 10000,
  everyMs = 25,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function waitForStatus(
  db: DataSource,
  id: string,
  statuses: string[],
  timeoutMs = 10000,
): Promise<MessageRow> {
  return waitFor(
    `message ${id} to reach ${statuses.join('/')}`,
    async () => {
      const row = await readMessage(db, id);
      return row && statuses.includes(row.status) ? row : undefined;
    },
    timeoutMs,
  );
}

/** Every key under a BullMQ prefix with its value(s) as text, for leak scans. */
export async function dumpRedis(redis: IORedis, prefix: string): Promise<string> {
  const out: string[] = [];
  const match = prefix.replace(/([*?[\]\\])/g, '\\$1') + '*';
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      out.push(key);
      if (type === 'string') out.push(String(await redis.get(key)));
      else if (type === 'hash') out.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'list') out.push(JSON.stringify(await redis.lrange(key, 0, -1)));
      else if (type === 'set') out.push(JSON.stringify(await redis.smembers(key)));
      else if (type === 'zset') out.push(JSON.stringify(await redis.zrange(key, 0, -1)));
      else if (type === 'stream') out.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
  } while (cursor !== '0');
  return out.join('\n');
}

/**
 * Stand-in for the API's relay (apps/api sms-outbox): re-enqueues rows still QUEUED after
 * `queuedAfterMs` and rows stuck in SENDING after `sendingAfterMs`, same jobId, resealed from
 * the row's body. Returns how many it re-enqueued.
 */
export async function relayOnce(
  db: DataSource,
  queue: Queue,
  opts: { queuedAfterMs: number; sendingAfterMs: number },
): Promise<number> {
  const rows: { id: string; phone_number: string; body_sealed: string; code_expires_at: Date | null }[] =
    await db.query(
      `SELECT id, phone_number, body_sealed, code_expires_at FROM sms_message
      WHERE (status = 'QUEUED' AND enqueued_at < now() - make_interval(secs => $1::float / 1000))
         OR (status = 'SENDING' AND updated_at < now() - make_interval(secs => $2::float / 1000))`,
      [opts.queuedAfterMs, opts.sendingAfterMs],
    );
  for (const r of rows) {
    const body = open(bodyKey, r.body_sealed, r.id);
    await enqueue(queue, { id: r.id, to: r.phone_number, body, code: '', expiresAt: r.code_expires_at });
    await db.query(`UPDATE sms_message SET enqueued_at = now() WHERE id = $1`, [r.id]);
  }
  return rows.length;
}

/**
 * Where a message's code or number appears in `text` as a whole token (not as digits inside a
 * longer number such as a millisecond timestamp), with some context; null when nowhere.
 */
export function findSecret(text: string, m: Pick<TestMessage, 'code' | 'to'>): string | null {
  for (const secret of [m.code, m.to.slice(1)]) {
    // Bounded by non-alphanumerics: a code or number leaks as its own token; the same digits inside a
    // longer number, a hex provider id (SMa638820c…) or a base64 payload are chance, not a leak.
    const match = new RegExp(`(?<![0-9A-Za-z])${secret}(?![0-9A-Za-z])`).exec(text);
    if (match) return `${secret} at …${text.slice(Math.max(0, match.index - 80), match.index + 40)}…`;
  }
  return null;
}
