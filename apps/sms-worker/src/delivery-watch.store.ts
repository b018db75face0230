import {
  INSERT_FALLBACK_ATTEMPT,
  LOCK_LIVE_SMS_CODE,
  LOCK_SMS_MESSAGE,
  LOST_SMS_WATCHES,
  MARK_ATTEMPT_FAILED,
  MARK_ATTEMPT_SENT,
  MESSAGE_FAILED_WHEN_ALL_ATTEMPTS_FAILED,
  prepared,
  SMS_ATTEMPTS_OF,
  SMS_MESSAGE_FOR_WATCH,
  type SqlStatement,
  type SqlTarget,
  UNWATCH_SMS_ATTEMPTS,
} from '@twofold/persistence/pg';
import type { SmsAttemptStatus, SmsFallbackCause } from '@twofold/sms-queue';
import { StoreUnavailableError } from './sms-message.store';

export interface AttemptRow {
  seq: number;
  provider: string;
  status: SmsAttemptStatus;
  provider_message_id: string | null;
  failure_reason: string | null;
  deadline_at: Date | null;
}

/** A watch the sweep may add again: the message, its number and the body the API sealed. */
export interface LostWatchRow {
  id: string;
  phone_number: string;
  body_sealed: string;
  code_expires_at: Date;
}

/** Deadlines older than this are not looked at: no code lives that long. */
const LOST_WATCH_HORIZON_MS = 24 * 3600 * 1000;

/** What the delivery watch does next with one message. */
export type WatchDecision =
  /** Nothing more: delivered, failed for good, a notice, the code used/replaced/expired, no provider left, no receipt expected. */
  | { kind: 'done'; reason: string }
  /** Look again at `until` (a receipt deadline, or the first send not recorded yet). */
  | { kind: 'wait'; until: Date }
  /** Send attempt `seq` through `provider` (just created, or left SENDING by a worker that died). */
  | {
      kind: 'send';
      seq: number;
      provider: string;
      cause: SmsFallbackCause | null;
      resumed: boolean;
      /** Another provider of the route is left after this one (so a receipt deadline makes sense). */
      moreAfter: boolean;
    };

interface Tx {
  q<T>(s: SqlStatement, values: unknown[]): Promise<T[]>;
}

interface PoolLike {
  connect(): Promise<{
    query(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: unknown[] }>;
    release(err?: Error | boolean): void;
  }>;
}

/** A pg Pool (not a TypeORM DataSource, which has a driver). */
function asPool(db: SqlTarget): PoolLike | null {
  const candidate = db as unknown as Partial<PoolLike> & { driver?: unknown; manager?: unknown };
  return typeof candidate.connect === 'function' && !candidate.driver && !candidate.manager ? (candidate as PoolLike) : null;
}

/**
 * The delivery watch's SQL (sms-attempt-transitions.ts). `decide` is the race-safe step: in one
 * transaction it locks the message's live code (so its use waits, or is seen), then the message
 * row (so a receipt of any of its attempts waits, or is seen), reads the attempts and writes what
 * follows: a new SENDING attempt through the next provider (at most one per provider, by a unique
 * key), or the end of the watch (and FAILED when every attempt failed). Two watch runs, a receipt
 * and the timeout therefore never both decide a fallback.
 */
export class DeliveryWatchStore {
  /** A pg Pool (the worker) or a TypeORM DataSource (tests). */
  constructor(private readonly db: SqlTarget) {}

  private async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      const pool = asPool(this.db);
      if (pool) {
        const client = await pool.connect();
        const target = client as unknown as SqlTarget;
        try {
          await client.query({ text: 'BEGIN' });
          const result = await fn({ q: (s, v) => prepared(target, s.name, s.text, v) });
          await client.query({ text: 'COMMIT' });
          client.release();
          return result;
        } catch (err) {
          await client.query({ text: 'ROLLBACK' }).catch(() => undefined);
          client.release();
          throw err;
        }
      }
      const ds = this.db as unknown as { transaction<R>(f: (em: SqlTarget) => Promise<R>): Promise<R> };
      return await ds.transaction((em) => fn({ q: (s, v) => prepared(em, s.name, s.text, v) }));
    } catch (err) {
      throw new StoreUnavailableError(`postgresql: ${(err as Error).message}`);
    }
  }

  /**
   * The next step for `messageId`. `route`: the providers of its number in failover order
   * (SMS_ROUTES, else SMS_PROVIDER); `initialWaitMs`: how long to wait when the first send is not
   * recorded yet; `skipped`: providers to pass over while another is left (breaker open, paused).
   */
  decide(messageId: string, route: readonly string[], now: Date, initialWaitMs: number, skipped?: ReadonlySet<string>): Promise<WatchDecision> {
    return this.transaction(async (tx) => {
      const [message] = await tx.q<{ purpose: string; method_id: string | null }>(SMS_MESSAGE_FOR_WATCH, [messageId]);
      if (!message) return { kind: 'done', reason: 'unknown message' };
      if (message.purpose === 'NOTICE' || !message.method_id) return { kind: 'done', reason: 'not a code' };
      const live = await tx.q(LOCK_LIVE_SMS_CODE, [messageId, message.method_id, message.purpose, now]);
      const [locked] = await tx.q<{ status: string; code_expires_at: Date | null }>(LOCK_SMS_MESSAGE, [messageId]);
      const codeLive = live.length > 0 && !!locked?.code_expires_at && new Date(locked.code_expires_at).getTime() > now.getTime();
      const attempts = await tx.q<AttemptRow>(SMS_ATTEMPTS_OF, [messageId]);
      const finish = async (reason: string): Promise<WatchDecision> => {
        await tx.q(UNWATCH_SMS_ATTEMPTS, [messageId]);
        const last = attempts[attempts.length - 1];
        await tx.q(MESSAGE_FAILED_WHEN_ALL_ATTEMPTS_FAILED, [messageId, now, last?.failure_reason ?? reason]);
        return { kind: 'done', reason };
      };
      if (!locked) return { kind: 'done', reason: 'unknown message' };
      if (locked.status === 'DELIVERED' || locked.status === 'FAILED') return finish(`message ${locked.status}`);
      if (attempts.some((a) => a.status === 'DELIVERED')) return finish('delivered');
      const last = attempts[attempts.length - 1];
      if (!last) {
        if (!codeLive) return { kind: 'done', reason: 'code no longer valid' };
        return { kind: 'wait', until: new Date(now.getTime() + initialWaitMs) };
      }
      if (last.status === 'SENDING') {
        // A fallback its worker did not finish (killed mid-send): the same attempt again, same text.
        if (codeLive)
          return { kind: 'send', seq: last.seq, provider: last.provider, cause: null, resumed: true, moreAfter: providerLeftAfter(route, attempts, last.provider) };
        await tx.q(MARK_ATTEMPT_FAILED, [messageId, last.seq, 'not sent: the code was used, replaced or expired', now]);
        last.status = 'FAILED';
        return finish('code no longer valid');
      }
      let cause: SmsFallbackCause;
      if (last.status === 'SENT') {
        if (!last.deadline_at) return finish('no receipt expected');
        const deadline = new Date(last.deadline_at);
        if (deadline.getTime() > now.getTime()) return { kind: 'wait', until: deadline };
        cause = 'NO_RECEIPT';
      } else {
        cause = last.provider_message_id ? 'FAILED_RECEIPT' : 'SEND_FAILED';
      }
      if (!codeLive) return finish('code no longer valid');
      const next = nextProvider(route, attempts, skipped);
      if (!next) return finish('no provider left on the route');
      const inserted = await tx.q(INSERT_FALLBACK_ATTEMPT, [messageId, last.seq + 1, next, cause, now]);
      if (inserted.length === 0) return { kind: 'done', reason: 'another watch run took this fallback' };
      return { kind: 'send', seq: last.seq + 1, provider: next, cause, resumed: false, moreAfter: providerLeftAfter(route, attempts, next) };
    });
  }

  /** One statement on its own (autocommit): no transaction round trips. */
  private async one<T>(statement: SqlStatement, values: unknown[]): Promise<T[]> {
    try {
      return await prepared<T>(this.db, statement.name, statement.text, values);
    } catch (err) {
      throw new StoreUnavailableError(`postgresql: ${(err as Error).message}`);
    }
  }

  async markAttemptSent(messageId: string, seq: number, providerMessageId: string, now: Date, deadline: Date | null): Promise<boolean> {
    return (await this.one(MARK_ATTEMPT_SENT, [messageId, seq, providerMessageId, now, deadline])).length > 0;
  }

  async markAttemptFailed(messageId: string, seq: number, reason: string, now: Date): Promise<void> {
    await this.one(MARK_ATTEMPT_FAILED, [messageId, seq, reason, now]);
  }

  /**
   * Code messages whose watch should have acted more than `graceMs` ago and has not finished
   * (LOST_SMS_WATCHES), the code still live: candidates for the sweep, oldest deadline first.
   */
  lostWatches(now: Date, graceMs: number, limit: number): Promise<LostWatchRow[]> {
    const horizon = new Date(now.getTime() - LOST_WATCH_HORIZON_MS);
    return this.one<LostWatchRow>(LOST_SMS_WATCHES, [new Date(now.getTime() - graceMs), horizon, now, limit]);
  }
}

/**
 * The provider after the last attempt's in route order (wrapping), skipping every provider that
 * already had its turn: each provider at most once per message. Null when none is left. One in
 * `skipped` (its breaker open, paused by a 429) is taken only when no other is left: it keeps its
 * turn for later.
 */
export function nextProvider(route: readonly string[], attempts: readonly Pick<AttemptRow, 'provider'>[], skipped?: ReadonlySet<string>): string | null {
  const tried = new Set(attempts.map((a) => a.provider));
  const last = attempts[attempts.length - 1]?.provider;
  const start = last ? route.indexOf(last) + 1 : 0;
  let fallback: string | null = null;
  for (let k = 0; k < route.length; k++) {
    const candidate = route[(start + k) % route.length];
    if (tried.has(candidate)) continue;
    if (!skipped?.has(candidate)) return candidate;
    fallback ??= candidate;
  }
  return fallback;
}

/** True when a provider of `route` other than those tried (and `also`) is left for a later fallback. */
export function providerLeftAfter(route: readonly string[], attempts: readonly Pick<AttemptRow, 'provider'>[], also: string): boolean {
  const tried = new Set([...attempts.map((a) => a.provider), also]);
  return route.some((p) => !tried.has(p));
}
