import type { SmsDeliveryStatus } from '@twofold/sms-queue';
import { idCreatedWithin, idsCreatedWithin } from './partitions';

/**
 * The state machine of `sms_message.status`, written once for the three writers: the SMS worker
 * (claim, sent, retry, failed), the API's delivery receipts (sent, delivered, failed) and the API's
 * outbox relay (codes expired while queued, messages handed to the queue again).
 *
 *   QUEUED  → SENDING (claim), SENT (worker or receipt), DELIVERED (receipt), FAILED (worker, receipt, expired)
 *   SENDING → SENDING (retry, another worker), SENT, DELIVERED, FAILED
 *   SENT    → DELIVERED, FAILED (receipts)
 *
 * DELIVERED and FAILED are final: nothing moves a message out of them. Every transition is one
 * conditional UPDATE whose WHERE names its from-states, so the writers race without a lost update
 * (a late "sent" receipt never downgrades DELIVERED; a worker's SENT never overwrites a FAILED
 * receipt). Statements are parameterised (placeholders only) and named, so each connection plans
 * them once; run them with `prepared` / `preparedCount` (sql.ts), which honours
 * DATABASE_PREPARED_STATEMENTS. This file imports no TypeORM: the worker loads it on raw pg.
 */

/** Where each status may go (a row may also stay where it is, when no transition matches it). */
export const SMS_STATUS_MOVES: Readonly<Record<SmsDeliveryStatus, readonly SmsDeliveryStatus[]>> = {
  QUEUED: ['SENDING', 'SENT', 'DELIVERED', 'FAILED'],
  // SENDING → SENDING: a retry, or another worker taking over a stalled job.
  SENDING: ['SENDING', 'SENT', 'DELIVERED', 'FAILED'],
  SENT: ['DELIVERED', 'FAILED'],
  DELIVERED: [],
  FAILED: [],
};

export interface SmsMessageTransition {
  /** The states a row must be in for the statement to touch it. */
  readonly from: readonly SmsDeliveryStatus[];
  /** The state it leaves the row in; null when the status is kept (only other columns change). */
  readonly to: SmsDeliveryStatus | null;
}

/** Every write to sms_message.status (and the status-guarded bookkeeping next to it). */
export const SMS_MESSAGE_TRANSITIONS = {
  /** Worker: a job starts (attempts + 1). */
  claim: { from: ['QUEUED', 'SENDING'], to: 'SENDING' },
  /** Worker: the provider accepted the message. */
  markSent: { from: ['QUEUED', 'SENDING'], to: 'SENT' },
  /** Worker: an attempt failed and the job will retry; the reason is shown while retrying. */
  noteRetry: { from: ['QUEUED', 'SENDING'], to: null },
  /** Worker: out of attempts, a permanent provider error, or the code expired before sending. */
  markFailed: { from: ['QUEUED', 'SENDING'], to: 'FAILED' },
  /** Receipt: the provider says sent (a late one after DELIVERED or FAILED changes nothing). */
  receiptSent: { from: ['QUEUED', 'SENDING'], to: 'SENT' },
  /** Receipt: delivered to the handset. */
  receiptDelivered: { from: ['QUEUED', 'SENDING', 'SENT'], to: 'DELIVERED' },
  /** Receipt: undelivered, failed or canceled. */
  receiptFailed: { from: ['QUEUED', 'SENDING', 'SENT'], to: 'FAILED' },
  /** Relay: a code that expired while still queued is failed, not sent. */
  expireQueuedCode: { from: ['QUEUED'], to: 'FAILED' },
  /** Relay: a message Redis may have lost (queued, or sending with a vanished worker) is handed over again. */
  relay: { from: ['QUEUED', 'SENDING'], to: null },
} as const satisfies Record<string, SmsMessageTransition>;

export type SmsMessageTransitionName = keyof typeof SMS_MESSAGE_TRANSITIONS;

/** The status after `transition` is applied to a row in `current` (unchanged when it does not match). */
export function statusAfter(transition: SmsMessageTransitionName, current: SmsDeliveryStatus): SmsDeliveryStatus {
  const t: SmsMessageTransition = SMS_MESSAGE_TRANSITIONS[transition];
  return t.from.includes(current) ? (t.to ?? current) : current;
}

/** True when the table allows `from` → `to` (staying put is always allowed). */
export function canMove(from: SmsDeliveryStatus, to: SmsDeliveryStatus): boolean {
  return from === to || SMS_STATUS_MOVES[from].includes(to);
}

/** The failure reason of a code that expired before it could be sent (worker and relay). */
export const EXPIRED_BEFORE_SENDING = 'expired before sending';

/** A named, parameterised statement: `params` names the placeholders $1, $2, … in order. */
export interface SmsMessageStatement {
  readonly name: string;
  readonly text: string;
  readonly transition: SmsMessageTransitionName;
  readonly params: readonly string[];
  /**
   * Always planned with its values (sent unnamed, see statementName): a batch by ids bounds
   * created_at by a window of the ids' times, and a generic plan, blind to that window's size,
   * scanned every row in it and hash-joined (the bench: 8–11 ms of PostgreSQL per call on 13,000
   * rows, against 0.1 ms for the custom plan's probes by key; planning costs ≈ 1 ms a batch).
   */
  readonly customPlan?: boolean;
}

const statement = (s: SmsMessageStatement) => s;

/** Worker: one message starts sending. Returns attempts, code_expires_at; no row when it is done (or unknown). */
export const CLAIM_SMS_MESSAGE = statement({
  name: 'twofold_sms_claim',
  transition: 'claim',
  params: ['id', 'now'],
  text: `UPDATE sms_message SET status = 'SENDING', attempts = attempts + 1, updated_at = $2
  WHERE id = $1 AND ${idCreatedWithin('$1')} AND status IN ('QUEUED', 'SENDING')
  RETURNING attempts, code_expires_at`,
});

/**
 * The claim of a batch: `source` is a FROM item naming its rows v(id, at), `bounds` bounds
 * m.created_at by their ids. Over arrays here; over a VALUES list in sms-batch-statements.ts.
 */
export const claimBatchSql = (source: string, bounds: string) => `UPDATE sms_message m SET status = 'SENDING', attempts = m.attempts + 1, updated_at = v.at
  FROM ${source}
  WHERE m.id = v.id AND ${bounds} AND m.status IN ('QUEUED', 'SENDING')
  RETURNING m.id::text AS id, m.attempts, m.code_expires_at`;

/** The SENT records of a batch, as claimBatchSql: rows v(id, provider, pmid, at). */
export const markSentBatchSql = (source: string, bounds: string) => `UPDATE sms_message m SET status = 'SENT', provider = v.provider, provider_message_id = v.pmid, sent_at = v.at, updated_at = v.at, failure_reason = NULL
  FROM ${source}
  WHERE m.id = v.id AND ${bounds} AND m.status IN ('QUEUED', 'SENDING')
  RETURNING m.id::text AS id`;

/** Worker: the claims of one event-loop turn in one statement (ids ascending, as the API locks rows). */
export const CLAIM_SMS_MESSAGES = statement({
  name: 'twofold_sms_claim_many',
  customPlan: true,
  transition: 'claim',
  params: ['ids', 'nows'],
  text: claimBatchSql('unnest($1::uuid[], $2::timestamptz[]) AS v(id, at)', idsCreatedWithin('$1', 'm.created_at')),
});

/** Worker: the provider accepted one message. */
export const MARK_SMS_MESSAGE_SENT = statement({
  name: 'twofold_sms_sent',
  transition: 'markSent',
  params: ['id', 'provider', 'providerMessageId', 'now'],
  text: `UPDATE sms_message SET status = 'SENT', provider = $2, provider_message_id = $3, sent_at = $4, updated_at = $4, failure_reason = NULL
  WHERE id = $1 AND ${idCreatedWithin('$1')} AND status IN ('QUEUED', 'SENDING')
  RETURNING id`,
});

/** Worker: the SENT records of one event-loop turn in one statement. */
export const MARK_SMS_MESSAGES_SENT = statement({
  name: 'twofold_sms_sent_many',
  customPlan: true,
  transition: 'markSent',
  params: ['ids', 'providers', 'providerMessageIds', 'nows'],
  text: markSentBatchSql('unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS v(id, provider, pmid, at)', idsCreatedWithin('$1', 'm.created_at')),
});

/** Worker: keeps SENDING but records why the last attempt failed. */
export const NOTE_SMS_MESSAGE_RETRY = statement({
  name: 'twofold_sms_retry',
  transition: 'noteRetry',
  params: ['id', 'reason', 'provider', 'now'],
  text: `UPDATE sms_message SET failure_reason = $2, provider = COALESCE($3, provider), updated_at = $4
  WHERE id = $1 AND ${idCreatedWithin('$1')} AND status IN ('QUEUED', 'SENDING')`,
});

/** Worker: the message will not be sent. */
export const MARK_SMS_MESSAGE_FAILED = statement({
  name: 'twofold_sms_failed',
  transition: 'markFailed',
  params: ['id', 'reason', 'provider', 'now'],
  text: `UPDATE sms_message SET status = 'FAILED', failure_reason = $2, provider = COALESCE($3, provider), failed_at = $4, updated_at = $4
  WHERE id = $1 AND ${idCreatedWithin('$1')} AND status IN ('QUEUED', 'SENDING')
  RETURNING id`,
});

/** Receipt "sent", by the provider's message id. */
export const RECEIPT_SMS_SENT = statement({
  name: 'twofold_sms_receipt_sent',
  transition: 'receiptSent',
  params: ['provider', 'providerMessageId', 'now'],
  text: `UPDATE sms_message SET status = 'SENT', sent_at = COALESCE(sent_at, $3), updated_at = $3
  WHERE provider = $1 AND provider_message_id = $2 AND status IN ('QUEUED', 'SENDING')
  RETURNING id`,
});

/** Receipt "delivered", by the provider's message id. */
export const RECEIPT_SMS_DELIVERED = statement({
  name: 'twofold_sms_receipt_delivered',
  transition: 'receiptDelivered',
  params: ['provider', 'providerMessageId', 'now'],
  text: `UPDATE sms_message SET status = 'DELIVERED', delivered_at = $3, sent_at = COALESCE(sent_at, $3), failure_reason = NULL, updated_at = $3
  WHERE provider = $1 AND provider_message_id = $2 AND status IN ('QUEUED', 'SENDING', 'SENT')
  RETURNING id`,
});

/** Receipt "failed" (undelivered, failed, canceled), by the provider's message id. */
export const RECEIPT_SMS_FAILED = statement({
  name: 'twofold_sms_receipt_failed',
  transition: 'receiptFailed',
  params: ['provider', 'providerMessageId', 'now', 'reason'],
  text: `UPDATE sms_message SET status = 'FAILED', failed_at = $3, failure_reason = $4, updated_at = $3
  WHERE provider = $1 AND provider_message_id = $2 AND status IN ('QUEUED', 'SENDING', 'SENT')
  RETURNING id`,
});

/** Relay: codes that expired while still QUEUED are failed with `reason` (EXPIRED_BEFORE_SENDING). */
export const EXPIRE_QUEUED_CODES = statement({
  name: 'twofold_sms_expire_queued',
  transition: 'expireQueuedCode',
  params: ['now', 'reason'],
  text: `UPDATE sms_message SET status = 'FAILED', failure_reason = $2, failed_at = $1, updated_at = $1
  WHERE status IN ('QUEUED') AND code_expires_at IS NOT NULL AND code_expires_at <= $1`,
});

/**
 * Relay, in a transaction: messages Redis may have lost, codes first. QUEUED rows never (or long
 * ago) handed over, SENDING rows whose worker vanished; SKIP LOCKED lets several API instances
 * relay at once. Then MARK_SMS_MESSAGES_RELAYED in the same transaction.
 */
export const SELECT_SMS_DUE_FOR_RELAY = statement({
  name: 'twofold_sms_due_for_relay',
  transition: 'relay',
  params: ['requeueBefore', 'staleSendingBefore', 'limit'],
  text: `SELECT id, phone_number, body_sealed, code_expires_at, purpose, channel, locale FROM sms_message
  WHERE (status = 'QUEUED' AND (enqueued_at IS NULL OR enqueued_at < $1))
     OR (status = 'SENDING' AND updated_at < $2)
  ORDER BY purpose = 'NOTICE', created_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
});

/** Relay: the rows SELECT_SMS_DUE_FOR_RELAY locked are handed over now. */
export const MARK_SMS_MESSAGES_RELAYED = statement({
  name: 'twofold_sms_mark_relayed',
  customPlan: true,
  transition: 'relay',
  params: ['ids', 'now'],
  text: `UPDATE sms_message SET enqueued_at = $2
  WHERE id = ANY($1) AND ${idsCreatedWithin('$1')} AND status IN ('QUEUED', 'SENDING')`,
});

/** How many rows the relay hands over per round. */
export const SMS_RELAY_BATCH = 500;

/** Every statement above, for the spec that holds them to the table. */
export const SMS_MESSAGE_STATEMENTS: readonly SmsMessageStatement[] = [
  CLAIM_SMS_MESSAGE,
  CLAIM_SMS_MESSAGES,
  MARK_SMS_MESSAGE_SENT,
  MARK_SMS_MESSAGES_SENT,
  NOTE_SMS_MESSAGE_RETRY,
  MARK_SMS_MESSAGE_FAILED,
  RECEIPT_SMS_SENT,
  RECEIPT_SMS_DELIVERED,
  RECEIPT_SMS_FAILED,
  EXPIRE_QUEUED_CODES,
  SELECT_SMS_DUE_FOR_RELAY,
  MARK_SMS_MESSAGES_RELAYED,
];
