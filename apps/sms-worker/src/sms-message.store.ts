import type { DataSource } from 'typeorm';

/** PostgreSQL did not answer: the job waits and comes back, without spending a send attempt. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export interface ClaimedMessage {
  attempts: number;
  codeExpiresAt: Date | null;
}

/** What the store needs of a pg Pool: named (prepared) parameterised queries. */
export interface SqlPool {
  query(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** A TypeORM DataSource on PostgreSQL (tests, tools): its pg Pool, used directly. */
function poolOf(db: SqlPool | DataSource): SqlPool {
  if (!('driver' in db)) return db;
  const master = (db.driver as unknown as { master?: SqlPool }).master;
  if (!master) throw new StoreUnavailableError('postgresql: the data source is not initialised');
  return master;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Waiter<T, R> {
  item: T;
  resolve(result: R): void;
  reject(err: unknown): void;
}

/**
 * Gathers the calls made during one turn of the event loop (a busy worker starts or finishes
 * dozens of jobs per turn) and runs them as one statement: one round trip to PostgreSQL for
 * the lot instead of one each. Each row is still updated by its own condition, so the result
 * for every message is what its single UPDATE would have given. Only distinct message ids
 * (lower-case UUIDs) are batched; anything else takes the single-statement path.
 */
class MicroBatch<T extends { id: string }, R> {
  private waiters: Waiter<T, R>[] = [];
  private ids = new Set<string>();

  constructor(
    private readonly run: (items: T[]) => Promise<Map<string, R>>,
    private readonly missing: R,
    private readonly maxSize = 500,
  ) {}

  /** False when the item cannot join the current batch (then the caller runs it alone). */
  accepts(id: string): boolean {
    return UUID.test(id) && !this.ids.has(id);
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.waiters.length === 0) setImmediate(() => this.flush());
      this.waiters.push({ item, resolve, reject });
      this.ids.add(item.id);
      if (this.waiters.length >= this.maxSize) this.flush();
    });
  }

  private flush(): void {
    const waiters = this.waiters;
    if (waiters.length === 0) return;
    this.waiters = [];
    this.ids = new Set();
    // Ascending ids: rows are locked in the same order as the API's `id = ANY($1)` updates.
    waiters.sort((a, b) => (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
    this.run(waiters.map((w) => w.item)).then(
      (results) => {
        for (const w of waiters) w.resolve(results.has(w.item.id) ? (results.get(w.item.id) as R) : this.missing);
      },
      (err) => {
        for (const w of waiters) w.reject(err);
      },
    );
  }
}

interface ClaimItem {
  id: string;
  now: Date;
}

interface SentItem {
  id: string;
  provider: string;
  providerMessageId: string;
  now: Date;
}

const CLAIM_ONE = `UPDATE sms_message SET status = 'SENDING', attempts = attempts + 1, updated_at = $2
  WHERE id = $1 AND status IN ('QUEUED', 'SENDING')
  RETURNING attempts, code_expires_at`;

const CLAIM_MANY = `UPDATE sms_message m SET status = 'SENDING', attempts = m.attempts + 1, updated_at = v.at
  FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at)
  WHERE m.id = v.id AND m.status IN ('QUEUED', 'SENDING')
  RETURNING m.id::text AS id, m.attempts, m.code_expires_at`;

const SENT_ONE = `UPDATE sms_message SET status = 'SENT', provider = $2, provider_message_id = $3, sent_at = $4, updated_at = $4, failure_reason = NULL
  WHERE id = $1 AND status IN ('QUEUED', 'SENDING')
  RETURNING id`;

const SENT_MANY = `UPDATE sms_message m SET status = 'SENT', provider = v.provider, provider_message_id = v.pmid, sent_at = v.at, updated_at = v.at, failure_reason = NULL
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS v(id, provider, pmid, at)
  WHERE m.id = v.id AND m.status IN ('QUEUED', 'SENDING')
  RETURNING m.id::text AS id`;

/**
 * The worker's writes to sms_message. Every transition is a conditional UPDATE, so two
 * workers, the API's relay and the delivery-report webhook can race without a lost update:
 * SENT never overwrites DELIVERED or FAILED, FAILED never overwrites SENT/DELIVERED.
 * Raw pg with named statements: each connection parses and plans them once, then only binds.
 * Claims and SENT records of one event-loop turn share one statement (see MicroBatch).
 */
export class SmsMessageStore {
  private pool: SqlPool | null = null;

  private readonly claims = new MicroBatch<ClaimItem, ClaimedMessage | null>(async (items) => {
    const rows = await this.query<{ id: string; attempts: number; code_expires_at: Date | null }>(
      'twofold_sms_claim_many',
      CLAIM_MANY,
      [items.map((i) => i.id), items.map((i) => i.now)],
    );
    return new Map(rows.map((r) => [r.id, claimedOf(r)]));
  }, null);

  private readonly sents = new MicroBatch<SentItem, boolean>(async (items) => {
    const rows = await this.query<{ id: string }>('twofold_sms_sent_many', SENT_MANY, [
      items.map((i) => i.id),
      items.map((i) => i.provider),
      items.map((i) => i.providerMessageId),
      items.map((i) => i.now),
    ]);
    return new Map(rows.map((r) => [r.id, true]));
  }, false);

  constructor(private readonly db: SqlPool | DataSource) {}

  private async query<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    try {
      this.pool ??= poolOf(this.db);
      return (await this.pool.query({ name, text, values })).rows as T[];
    } catch (err) {
      // pg errors name the failure, never the parameters (no number, no body).
      throw new StoreUnavailableError(`postgresql: ${(err as Error).message}`);
    }
  }

  /** QUEUED/SENDING → SENDING, attempts + 1. Null when the message is already done (or unknown). */
  async claim(id: string, now: Date): Promise<ClaimedMessage | null> {
    if (this.claims.accepts(id)) return this.claims.add({ id, now });
    const rows = await this.query<{ attempts: number; code_expires_at: Date | null }>('twofold_sms_claim', CLAIM_ONE, [
      id,
      now,
    ]);
    return rows.length === 0 ? null : claimedOf(rows[0]);
  }

  async markSent(id: string, provider: string, providerMessageId: string, now: Date): Promise<boolean> {
    if (this.sents.accepts(id)) return this.sents.add({ id, provider, providerMessageId, now });
    const rows = await this.query('twofold_sms_sent', SENT_ONE, [id, provider, providerMessageId, now]);
    return rows.length > 0;
  }

  /** Keeps SENDING but records why the last attempt failed (shown by smsDispatch while retrying). */
  async noteRetry(id: string, reason: string, provider: string | null, now: Date): Promise<void> {
    await this.query(
      'twofold_sms_retry',
      `UPDATE sms_message SET failure_reason = $2, provider = COALESCE($3, provider), updated_at = $4 WHERE id = $1 AND status IN ('QUEUED', 'SENDING')`,
      [id, reason, provider, now],
    );
  }

  async markFailed(id: string, reason: string, provider: string | null, now: Date): Promise<boolean> {
    const rows = await this.query(
      'twofold_sms_failed',
      `UPDATE sms_message SET status = 'FAILED', failure_reason = $2, provider = COALESCE($3, provider), failed_at = $4, updated_at = $4
          WHERE id = $1 AND status IN ('QUEUED', 'SENDING')
          RETURNING id`,
      [id, reason, provider, now],
    );
    return rows.length > 0;
  }
}

function claimedOf(row: { attempts: number; code_expires_at: Date | null }): ClaimedMessage {
  return {
    attempts: Number(row.attempts),
    codeExpiresAt: row.code_expires_at ? new Date(row.code_expires_at) : null,
  };
}
