import { idCreatedWithin, idsCreatedWithin } from './partitions';
import { MARK_SMS_MESSAGE_SENT, MARK_SMS_MESSAGES_SENT, markSentBatchSql } from './sms-message-transitions';

/**
 * sms_attempt: one row per provider that took an SMS (seq 1 the first send, then one per
 * receipt-driven fallback, at most one per provider: UQ_sms_attempt_message_provider), and the
 * statements that keep it and sms_message in step. Attempt states follow the message's table:
 *
 *   SENDING → SENT, DELIVERED, FAILED        SENT → DELIVERED, FAILED        DELIVERED, FAILED: final
 *
 * so receipts stay idempotent and order-tolerant per attempt: a receipt of the first attempt
 * arriving after a fallback changes that attempt only as its own table allows, and the message
 * only forward (DELIVERED when any attempt is delivered; FAILED only when every attempt failed and
 * no fallback will follow).
 *
 * Locks, always in this order, so no two writers deadlock: sms_code (the code's use, and the
 * delivery watch's decision) → sms_message (FOR UPDATE; receipts, the watch) → sms_attempt. Every
 * decision (fallback or not, the message's final state) is taken by the delivery watch or a receipt
 * in a transaction that holds the message's row lock, reading in statements after the lock (READ
 * COMMITTED: each sees what committed before it), so a receipt, a timeout and the code's use
 * cannot interleave inside it. Statements are named and parameterised (run with `prepared`); those
 * on sms_message by id bound created_at by the id (idCreatedWithin), so they read one month.
 */

export interface SqlStatement {
  readonly name: string;
  readonly text: string;
  /** As SmsMessageStatement.customPlan. */
  readonly customPlan?: boolean;
}

const statement = (s: SqlStatement) => s;

/**
 * Worker: the provider accepted the first send. The message goes SENT by MARK_SMS_MESSAGE_SENT
 * itself (its text, so any change to it, e.g. partition pruning, holds here too) and its first
 * attempt is recorded in the same statement; `deadline` ($5) is set when a receipt must come by
 * then (the delivery watch then owns what follows), null otherwise.
 */
export const MARK_SMS_SENT_FIRST_ATTEMPT = statement({
  name: 'twofold_sms_sent_attempt',
  text: `WITH m AS (
    ${MARK_SMS_MESSAGE_SENT.text}
  ), a AS (
    INSERT INTO sms_attempt (message_id, seq, provider, status, provider_message_id, created_at, updated_at, sent_at, deadline_at)
    SELECT m.id, 1, $2, 'SENT', $3, $4, $4, $4, $5::timestamptz FROM m
    ON CONFLICT DO NOTHING
  )
  SELECT id FROM m`,
});

/**
 * The first sends of a batch: each message SENT (markSentBatchSql over `source`, rows
 * v(id, provider, pmid, at, deadline)) and its first attempt recorded. Over arrays here; over a
 * VALUES list in sms-batch-statements.ts.
 */
export const markSentFirstAttemptsBatchSql = (source: string, bounds: string) => `WITH m AS (
    ${markSentBatchSql(source, bounds)}
  ), a AS (
    INSERT INTO sms_attempt (message_id, seq, provider, status, provider_message_id, created_at, updated_at, sent_at, deadline_at)
    SELECT v.id, 1, v.provider, 'SENT', v.pmid, v.at, v.at, v.at, v.deadline
      FROM ${source}
      JOIN m ON m.id = v.id::text
    ON CONFLICT DO NOTHING
  )
  SELECT id FROM m`;

/** Worker: the first sends of one event-loop turn in one statement (MARK_SMS_MESSAGES_SENT's text, ids ascending). */
export const MARK_SMS_SENT_FIRST_ATTEMPTS = statement({
  name: 'twofold_sms_sent_attempt_many',
  customPlan: MARK_SMS_MESSAGES_SENT.customPlan,
  text: markSentFirstAttemptsBatchSql(
    'unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[]) AS v(id, provider, pmid, at, deadline)',
    idsCreatedWithin('$1', 'm.created_at'),
  ),
});

// ---- receipts (the API), in one transaction: find → lock the message → attempt → message ----

/** The attempt a receipt names. */
export const FIND_SMS_ATTEMPT = statement({
  name: 'twofold_sms_attempt_find',
  text: `SELECT message_id::text AS message_id, seq FROM sms_attempt WHERE provider = $1 AND provider_message_id = $2`,
});

/** The message's row lock, taken before any attempt of it is written. */
export const LOCK_SMS_MESSAGE = statement({
  name: 'twofold_sms_message_lock',
  text: `SELECT status, purpose, method_id::text AS method_id, code_expires_at FROM sms_message WHERE id = $1 AND ${idCreatedWithin('$1')} FOR UPDATE`,
});

/** Receipt "sent" on an attempt (a late one after DELIVERED or FAILED changes nothing). */
export const RECEIPT_ATTEMPT_SENT = statement({
  name: 'twofold_sms_attempt_receipt_sent',
  text: `UPDATE sms_attempt SET status = 'SENT', sent_at = COALESCE(sent_at, $4), updated_at = $4
   WHERE message_id = $1 AND seq = $2 AND provider_message_id = $3 AND status IN ('SENDING')
  RETURNING deadline_at`,
});

/** Receipt "delivered" on an attempt. */
export const RECEIPT_ATTEMPT_DELIVERED = statement({
  name: 'twofold_sms_attempt_receipt_delivered',
  text: `UPDATE sms_attempt SET status = 'DELIVERED', delivered_at = $4, sent_at = COALESCE(sent_at, $4), failure_reason = NULL, updated_at = $4
   WHERE message_id = $1 AND seq = $2 AND provider_message_id = $3 AND status IN ('SENDING', 'SENT')
  RETURNING deadline_at`,
});

/** Receipt "failed" (undelivered, failed, canceled) on an attempt. */
export const RECEIPT_ATTEMPT_FAILED = statement({
  name: 'twofold_sms_attempt_receipt_failed',
  text: `UPDATE sms_attempt SET status = 'FAILED', failed_at = $4, failure_reason = $5, updated_at = $4
   WHERE message_id = $1 AND seq = $2 AND provider_message_id = $3 AND status IN ('SENDING', 'SENT')
  RETURNING deadline_at`,
});

/** The message after a "sent" receipt of one of its attempts. */
export const MESSAGE_AFTER_ATTEMPT_SENT = statement({
  name: 'twofold_sms_message_attempt_sent',
  text: `UPDATE sms_message SET status = 'SENT', sent_at = COALESCE(sent_at, $2), updated_at = $2
   WHERE id = $1 AND ${idCreatedWithin('$1')} AND status IN ('QUEUED', 'SENDING')`,
});

/** The message after a "delivered" receipt of any of its attempts: the customer has it. */
export const MESSAGE_AFTER_ATTEMPT_DELIVERED = statement({
  name: 'twofold_sms_message_attempt_delivered',
  text: `UPDATE sms_message SET status = 'DELIVERED', delivered_at = $2, sent_at = COALESCE(sent_at, $2), failure_reason = NULL, updated_at = $2
   WHERE id = $1 AND ${idCreatedWithin('$1')} AND status IN ('QUEUED', 'SENDING', 'SENT')`,
});

/**
 * The message FAILED once every attempt of it failed, and no fallback follows (the receipt's
 * attempt was not watched, or the delivery watch found no provider left). Run under the message's
 * lock, after the attempt's own update.
 */
export const MESSAGE_FAILED_WHEN_ALL_ATTEMPTS_FAILED = statement({
  name: 'twofold_sms_message_all_attempts_failed',
  text: `UPDATE sms_message SET status = 'FAILED', failed_at = $2, failure_reason = $3, updated_at = $2
   WHERE id = $1 AND ${idCreatedWithin('$1')} AND status IN ('QUEUED', 'SENDING', 'SENT')
     AND EXISTS (SELECT 1 FROM sms_attempt WHERE message_id = $1)
     AND NOT EXISTS (SELECT 1 FROM sms_attempt WHERE message_id = $1 AND status <> 'FAILED')`,
});

// ---- the delivery watch (the worker), in one transaction ----

/** What the watch needs of the message before it locks anything. */
export const SMS_MESSAGE_FOR_WATCH = statement({
  name: 'twofold_sms_watch_message',
  text: `SELECT purpose, method_id::text AS method_id FROM sms_message WHERE id = $1 AND ${idCreatedWithin('$1')}`,
});

/**
 * The message's code, locked, when it is still live (not used, not replaced by a newer code, not
 * expired): the use of a code (UPDATE sms_code … consumed_at) waits for the decision, or the
 * decision sees it used. Through the live-code index (method, purpose).
 */
export const LOCK_LIVE_SMS_CODE = statement({
  name: 'twofold_sms_watch_live_code',
  text: `SELECT id FROM sms_code
   WHERE method_id = $2 AND purpose = $3 AND message_id = $1 AND consumed_at IS NULL AND replaced_at IS NULL AND expires_at > $4
   FOR UPDATE`,
});

/** Every attempt of a message, in order. */
export const SMS_ATTEMPTS_OF = statement({
  name: 'twofold_sms_attempts_of',
  text: `SELECT seq, provider, status, provider_message_id, failure_reason, deadline_at FROM sms_attempt WHERE message_id = $1 ORDER BY seq`,
});

/** A fallback attempt through `provider` ($3), SENDING; nothing when that provider (or that seq) already had its turn. */
export const INSERT_FALLBACK_ATTEMPT = statement({
  name: 'twofold_sms_fallback_attempt',
  text: `INSERT INTO sms_attempt (message_id, seq, provider, status, fallback_cause, created_at, updated_at)
  VALUES ($1, $2, $3, 'SENDING', $4, $5, $5)
  ON CONFLICT DO NOTHING
  RETURNING seq`,
});

/** The watch is done with this message: no attempt waits for a receipt deadline any more. */
export const UNWATCH_SMS_ATTEMPTS = statement({
  name: 'twofold_sms_unwatch',
  text: `UPDATE sms_attempt SET deadline_at = NULL WHERE message_id = $1 AND deadline_at IS NOT NULL`,
});

/** A fallback attempt the provider accepted; `deadline` ($5) as for the first send. */
export const MARK_ATTEMPT_SENT = statement({
  name: 'twofold_sms_attempt_sent',
  text: `UPDATE sms_attempt SET status = 'SENT', provider_message_id = $3, sent_at = $4, updated_at = $4, deadline_at = $5::timestamptz, failure_reason = NULL
   WHERE message_id = $1 AND seq = $2 AND status = 'SENDING'
  RETURNING seq`,
});

/** A fallback attempt that will not be sent (the provider refused it, retries ran out, the code was used meanwhile). */
export const MARK_ATTEMPT_FAILED = statement({
  name: 'twofold_sms_attempt_failed',
  text: `UPDATE sms_attempt SET status = 'FAILED', failure_reason = $3, failed_at = $4, updated_at = $4
   WHERE message_id = $1 AND seq = $2 AND status = 'SENDING'`,
});

/**
 * Watches Redis may have lost (a Redis restarted empty): code messages still SENT whose watch has
 * not finished (some attempt keeps a deadline: the watch clears them when it ends) and whose last
 * deadline passed before $1 (now minus a grace), the code still live at $3 (now), deadlines after
 * $2 (a horizon). The worker's sweep adds each watch again (job id = message id: a no-op while the
 * job is still in Redis), with the body the API stored, sealed like the first send's.
 */
export const LOST_SMS_WATCHES = statement({
  name: 'twofold_sms_lost_watches',
  text: `SELECT m.id::text AS id, m.phone_number, m.body_sealed, m.code_expires_at
   FROM sms_attempt a
   JOIN sms_message m ON m.id = a.message_id AND ${idCreatedWithin('a.message_id', 'm.created_at')}
   WHERE a.deadline_at IS NOT NULL AND a.deadline_at > $2 AND m.created_at > $2::timestamptz - interval '1 day'
     AND m.status = 'SENT' AND m.code_expires_at > $3
   GROUP BY m.id, m.phone_number, m.body_sealed, m.code_expires_at
   HAVING max(a.deadline_at) < $1
   ORDER BY max(a.deadline_at)
   LIMIT $4`,
});

/** Every statement above, for the spec that checks them against the schema. */
export const SMS_ATTEMPT_STATEMENTS: readonly SqlStatement[] = [
  MARK_SMS_SENT_FIRST_ATTEMPT,
  MARK_SMS_SENT_FIRST_ATTEMPTS,
  FIND_SMS_ATTEMPT,
  LOCK_SMS_MESSAGE,
  RECEIPT_ATTEMPT_SENT,
  RECEIPT_ATTEMPT_DELIVERED,
  RECEIPT_ATTEMPT_FAILED,
  MESSAGE_AFTER_ATTEMPT_SENT,
  MESSAGE_AFTER_ATTEMPT_DELIVERED,
  MESSAGE_FAILED_WHEN_ALL_ATTEMPTS_FAILED,
  SMS_MESSAGE_FOR_WATCH,
  LOCK_LIVE_SMS_CODE,
  SMS_ATTEMPTS_OF,
  INSERT_FALLBACK_ATTEMPT,
  UNWATCH_SMS_ATTEMPTS,
  MARK_ATTEMPT_SENT,
  MARK_ATTEMPT_FAILED,
  LOST_SMS_WATCHES,
];
