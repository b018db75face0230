import type { EmailDeliveryStatus } from '@twofold/sms-queue';

/**
 * The `email_message` state machine, written once like sms_message's: QUEUED → SENDING → SENT,
 * or FAILED (SMTP refused for good, or attempts exhausted). SENDING → SENDING is a retry (or a
 * job taken again after its worker vanished). SENT and FAILED are final. Every statement below
 * is one conditional UPDATE whose WHERE names exactly the from-states of the table, so two
 * workers and the API's relay can race without a lost update.
 */
export const EMAIL_STATUS_MOVES: Readonly<Record<EmailDeliveryStatus, readonly EmailDeliveryStatus[]>> = {
  QUEUED: ['SENDING', 'FAILED'],
  SENDING: ['SENDING', 'SENT', 'FAILED'],
  SENT: [],
  FAILED: [],
};

export interface EmailMessageStatement {
  readonly name: string;
  readonly text: string;
  /** The states the statement moves a row from (its WHERE), and the state it moves it to. */
  readonly from: readonly EmailDeliveryStatus[];
  readonly to: EmailDeliveryStatus | null;
}

const statement = (s: EmailMessageStatement) => s;

/** Worker: one message starts sending (attempts + 1). No row when it is done (or unknown). */
export const CLAIM_EMAIL_MESSAGE = statement({
  name: 'twofold_email_claim',
  from: ['QUEUED', 'SENDING'],
  to: 'SENDING',
  text: `UPDATE email_message SET status = 'SENDING', attempts = attempts + 1, updated_at = $2
  WHERE id = $1 AND status IN ('QUEUED', 'SENDING')
  RETURNING attempts`,
});

/** Worker: the SMTP server accepted the message ($2: its Message-ID). */
export const MARK_EMAIL_MESSAGE_SENT = statement({
  name: 'twofold_email_sent',
  from: ['SENDING'],
  to: 'SENT',
  text: `UPDATE email_message SET status = 'SENT', provider_message_id = $2, failure_reason = NULL, sent_at = $3, updated_at = $3
  WHERE id = $1 AND status = 'SENDING'
  RETURNING id`,
});

/** Worker: an attempt failed and BullMQ retries; the row stays SENDING with the reason. */
export const NOTE_EMAIL_MESSAGE_RETRY = statement({
  name: 'twofold_email_retry',
  from: ['SENDING'],
  to: 'SENDING',
  text: `UPDATE email_message SET failure_reason = $2, updated_at = $3
  WHERE id = $1 AND status = 'SENDING'
  RETURNING id`,
});

/** Worker: refused for good, or attempts exhausted. */
export const MARK_EMAIL_MESSAGE_FAILED = statement({
  name: 'twofold_email_failed',
  from: ['QUEUED', 'SENDING'],
  to: 'FAILED',
  text: `UPDATE email_message SET status = 'FAILED', failure_reason = $2, failed_at = $3, updated_at = $3
  WHERE id = $1 AND status IN ('QUEUED', 'SENDING')
  RETURNING id`,
});

/**
 * Relay, in a transaction: messages Redis may have lost (QUEUED rows never or long ago handed
 * over, SENDING rows whose worker vanished), SKIP LOCKED, then MARK_EMAIL_MESSAGES_RELAYED.
 */
export const SELECT_EMAIL_DUE_FOR_RELAY = statement({
  name: 'twofold_email_due_for_relay',
  from: ['QUEUED', 'SENDING'],
  to: null,
  text: `SELECT id, account_id, to_address, template, locale, data_sealed FROM email_message
  WHERE (status = 'QUEUED' AND (enqueued_at IS NULL OR enqueued_at < $1))
     OR (status = 'SENDING' AND updated_at < $2)
  ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
});

export const MARK_EMAIL_MESSAGES_RELAYED = statement({
  name: 'twofold_email_mark_relayed',
  from: ['QUEUED', 'SENDING'],
  to: null,
  text: `UPDATE email_message SET enqueued_at = $2
  WHERE id = ANY($1) AND status IN ('QUEUED', 'SENDING')`,
});

export const EMAIL_RELAY_BATCH = 200;

export const EMAIL_MESSAGE_STATEMENTS: readonly EmailMessageStatement[] = [
  CLAIM_EMAIL_MESSAGE,
  MARK_EMAIL_MESSAGE_SENT,
  NOTE_EMAIL_MESSAGE_RETRY,
  MARK_EMAIL_MESSAGE_FAILED,
  SELECT_EMAIL_DUE_FOR_RELAY,
  MARK_EMAIL_MESSAGES_RELAYED,
];
