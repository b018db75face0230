import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { affectedCount, idCreatedWithin } from '@twofold/persistence';
import type { SmsChannel, SmsDeliveryStatus, SmsPurpose } from '@twofold/sms-queue';

/** One sms_message row as the operator CLI shows it: everything but the sealed body. */
export interface SmsSupportRow {
  id: string;
  account_id: string | null;
  email: string | null;
  method_id: string | null;
  ticket_id: string | null;
  phone_number: string;
  country_code: string | null;
  destination_prefix: string | null;
  purpose: SmsPurpose;
  locale: string;
  /** SMS, or VOICE (a call that read the code out): a retry keeps it. */
  channel: SmsChannel;
  status: SmsDeliveryStatus;
  provider: string | null;
  provider_message_id: string | null;
  attempts: number;
  failure_reason: string | null;
  code_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
  enqueued_at: Date | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  verified_at: Date | null;
}

/** The code a message carried (its HMAC is not read), with what keeps it usable: its login ticket or its pending number. */
export interface CarriedCodeRow {
  id: string;
  message_id: string | null;
  purpose: string;
  expires_at: Date;
  consumed_at: Date | null;
  replaced_at: Date | null;
  ticket_id: string | null;
  ticket_expires_at: Date | null;
  ticket_consumed_at: Date | null;
  method_status: string | null;
  method_created_at: Date | null;
}

/** One provider's turn at a message (sms_attempt, receipt-driven fallback): its receipts. */
export interface SmsAttemptRow {
  seq: number;
  provider: string;
  status: string;
  provider_message_id: string | null;
  fallback_cause: string | null;
  failure_reason: string | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  failed_at: Date | null;
}

const ROW_COLUMNS = `m.id, m.account_id, a.email, m.method_id, m.ticket_id, m.phone_number, m.country_code, m.destination_prefix, m.purpose, m.locale, m.channel,
       m.status, m.provider, m.provider_message_id, m.attempts, m.failure_reason, m.code_expires_at, m.created_at, m.updated_at,
       m.enqueued_at, m.sent_at, m.delivered_at, m.failed_at, m.verified_at`;

/**
 * The code row a message carries: the one pointing at it, or, for a message retried since (the
 * code now points at the copy), the code issued with it (same method, purpose, ticket and instant:
 * SmsCodesService.issue writes both with one `now`).
 */
const CARRIED_CODE_SQL = `
SELECT c.id, c.message_id, c.purpose, c.expires_at, c.consumed_at, c.replaced_at, c.ticket_id,
       t.expires_at AS ticket_expires_at, t.consumed_at AS ticket_consumed_at, sm.status AS method_status, sm.created_at AS method_created_at
  FROM sms_message m
  JOIN sms_code c ON c.message_id = m.id
                  OR (c.method_id = m.method_id AND c.purpose = m.purpose AND c.ticket_id IS NOT DISTINCT FROM m.ticket_id AND c.created_at = m.created_at)
  LEFT JOIN login_ticket t ON t.id = c.ticket_id
  LEFT JOIN sms_method sm ON sm.id = c.method_id
 WHERE m.id = $1 AND ${idCreatedWithin('$1', 'm.created_at')}
 ORDER BY c.message_id = m.id DESC, c.created_at DESC
 LIMIT 1`;

/**
 * The decision of `sms retry`, one statement: the code the FAILED message carries moves to the
 * copy only while it is live (not used, not replaced, not expired, its login ticket open or its
 * number still pending). The UPDATE takes the code's row lock and PostgreSQL re-checks the WHERE
 * on the newest row version, so of two retries at once (or a retry and the code being used) one
 * wins and the other matches nothing.
 */
const CLAIM_RETRY_SQL = `
UPDATE sms_code c SET message_id = $2
  FROM sms_message m
 WHERE m.id = $1 AND ${idCreatedWithin('$1', 'm.created_at')} AND c.message_id = m.id AND m.status = 'FAILED' AND m.purpose <> 'NOTICE'
   AND c.consumed_at IS NULL AND c.replaced_at IS NULL AND c.expires_at > $3
   AND (c.ticket_id IS NULL OR EXISTS (SELECT 1 FROM login_ticket t WHERE t.id = c.ticket_id AND t.consumed_at IS NULL AND t.expires_at > $3))
   AND (c.purpose <> 'METHOD_CONFIRMATION' OR EXISTS (SELECT 1 FROM sms_method sm WHERE sm.id = c.method_id AND sm.status = 'PENDING_VERIFICATION' AND sm.created_at > $4))
RETURNING c.id`;

/** SQL of the operator CLI's `sms show` and `sms retry`; every lookup by id is bounded to its months (sms_message is partitioned, partitions.ts). */
@Injectable()
export class SmsSupportStore {
  constructor(private readonly db: DataSource) {}

  async message(id: string): Promise<SmsSupportRow | null> {
    const rows: SmsSupportRow[] = await this.db.query(`SELECT ${ROW_COLUMNS} FROM sms_message m LEFT JOIN account a ON a.id = m.account_id WHERE m.id = $1 AND ${idCreatedWithin('$1', 'm.created_at')}`, [id]);
    return rows[0] ?? null;
  }

  /** The sealed body, for the outbox's copy only (SmsOutboxService.addCopy opens it). */
  async sealedBody(em: EntityManager, id: string): Promise<string | null> {
    const rows: { body_sealed: string }[] = await em.query(`SELECT body_sealed FROM sms_message WHERE id = $1 AND ${idCreatedWithin('$1')}`, [id]);
    return rows[0]?.body_sealed ?? null;
  }

  /** The message's attempts, first send then each fallback (none for messages without receipts or sent before attempts existed). */
  attempts(id: string): Promise<SmsAttemptRow[]> {
    return this.db.query(
      `SELECT seq, provider, status, provider_message_id, fallback_cause, failure_reason, sent_at, delivered_at, failed_at FROM sms_attempt WHERE message_id = $1 ORDER BY seq`,
      [id],
    );
  }

  async carriedCode(id: string): Promise<CarriedCodeRow | null> {
    const rows: CarriedCodeRow[] = await this.db.query(CARRIED_CODE_SQL, [id]);
    return rows[0] ?? null;
  }

  /** True when the code moved to `copyId` (the retry may go); false when it is no longer live or another retry took it. */
  async claimRetry(em: EntityManager, id: string, copyId: string, now: Date, pendingCutoff: Date): Promise<boolean> {
    return affectedCount(await em.query(CLAIM_RETRY_SQL, [id, copyId, now, pendingCutoff])) === 1;
  }
}
