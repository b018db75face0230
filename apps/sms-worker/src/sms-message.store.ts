import {
  CLAIM_SMS_MESSAGE,
  CLAIM_SMS_MESSAGES,
  claimSmsMessagesSized,
  MARK_SMS_MESSAGE_FAILED,
  MARK_SMS_SENT_FIRST_ATTEMPT,
  MARK_SMS_SENT_FIRST_ATTEMPTS,
  markSmsSentFirstAttemptsSized,
  NOTE_SMS_MESSAGE_RETRY,
  prepared,
  smsBatchSize,
  smsBatchValues,
  statementName,
  type SqlStatement,
  type SqlTarget,
} from '@twofold/persistence/pg';

/** PostgreSQL did not answer: the job waits and comes back, without spending a send attempt. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export interface ClaimedMessage {
  attempts: number;
  codeExpiresAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type ClaimedRow = { id: string; attempts: number; code_expires_at: Date | null };

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
  deadline: Date | null;
}

/**
 * The worker's writes to sms_message: the transitions of libs/persistence's
 * sms-message-transitions.ts (claim, retry, failed; sent with its first attempt, sms-attempt-transitions.ts), each a conditional UPDATE, so two
 * workers, the API's relay and the delivery-report webhook can race without a lost update:
 * SENT never overwrites DELIVERED or FAILED, FAILED never overwrites SENT/DELIVERED.
 * Raw pg with named statements: each connection parses and plans them once, then only binds
 * (unnamed when DATABASE_PREPARED_STATEMENTS is off). Claims and SENT records of one event-loop
 * turn share one statement (see MicroBatch): a VALUES list of up to 8 rows, planned once per
 * connection, or arrays beyond (sms-batch-statements.ts).
 */
export class SmsMessageStore {
  private readonly claims = new MicroBatch<ClaimItem, ClaimedMessage | null>(async (items) => {
    const size = smsBatchSize(items.length);
    const rows = await (size === null
      ? this.query<ClaimedRow>(CLAIM_SMS_MESSAGES, [items.map((i) => i.id), items.map((i) => i.now)])
      : this.query<ClaimedRow>(claimSmsMessagesSized(size), smsBatchValues(size, items.map((i) => [i.id, i.now]))));
    return new Map(rows.map((r) => [r.id, claimedOf(r)]));
  }, null);

  private readonly sents = new MicroBatch<SentItem, boolean>(async (items) => {
    const size = smsBatchSize(items.length);
    const rows = await (size === null
      ? this.query<{ id: string }>(MARK_SMS_SENT_FIRST_ATTEMPTS, [
          items.map((i) => i.id),
          items.map((i) => i.provider),
          items.map((i) => i.providerMessageId),
          items.map((i) => i.now),
          items.map((i) => i.deadline),
        ])
      : this.query<{ id: string }>(markSmsSentFirstAttemptsSized(size), smsBatchValues(size, items.map((i) => [i.id, i.provider, i.providerMessageId, i.now, i.deadline]))));
    return new Map(rows.map((r) => [r.id, true]));
  }, false);

  /** A pg Pool (the worker), or a TypeORM DataSource (tests, tools): its pool, through the persistence wrapper. */
  constructor(private readonly db: SqlTarget) {}

  private async query<T>(statement: SqlStatement, values: unknown[]): Promise<T[]> {
    try {
      return await prepared<T>(this.db, statementName(statement), statement.text, values);
    } catch (err) {
      // pg errors name the failure, never the parameters (no number, no body).
      throw new StoreUnavailableError(`postgresql: ${(err as Error).message}`);
    }
  }

  /** QUEUED/SENDING → SENDING, attempts + 1. Null when the message is already done (or unknown). */
  async claim(id: string, now: Date): Promise<ClaimedMessage | null> {
    if (this.claims.accepts(id)) return this.claims.add({ id, now });
    const rows = await this.query<{ attempts: number; code_expires_at: Date | null }>(CLAIM_SMS_MESSAGE, [id, now]);
    return rows.length === 0 ? null : claimedOf(rows[0]);
  }

  /**
   * SENT, and the message's first attempt (sms_attempt seq 1) in the same statement. `deadline`:
   * when a delivered receipt must have come by, for the delivery watch (null: nothing follows).
   */
  async markSent(id: string, provider: string, providerMessageId: string, now: Date, deadline: Date | null = null): Promise<boolean> {
    if (this.sents.accepts(id)) return this.sents.add({ id, provider, providerMessageId, now, deadline });
    const rows = await this.query(MARK_SMS_SENT_FIRST_ATTEMPT, [id, provider, providerMessageId, now, deadline]);
    return rows.length > 0;
  }

  /** Keeps SENDING but records why the last attempt failed (shown by smsDispatch while retrying). */
  async noteRetry(id: string, reason: string, provider: string | null, now: Date): Promise<void> {
    await this.query(NOTE_SMS_MESSAGE_RETRY, [id, reason, provider, now]);
  }

  async markFailed(id: string, reason: string, provider: string | null, now: Date): Promise<boolean> {
    const rows = await this.query(MARK_SMS_MESSAGE_FAILED, [id, reason, provider, now]);
    return rows.length > 0;
  }
}

function claimedOf(row: { attempts: number; code_expires_at: Date | null }): ClaimedMessage {
  return {
    attempts: Number(row.attempts),
    codeExpiresAt: row.code_expires_at ? new Date(row.code_expires_at) : null,
  };
}
