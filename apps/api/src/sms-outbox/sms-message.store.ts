import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  EXPIRE_QUEUED_CODES,
  EXPIRED_BEFORE_SENDING,
  MARK_SMS_MESSAGES_RELAYED,
  prepared,
  SELECT_SMS_DUE_FOR_RELAY,
  SMS_RELAY_BATCH,
  statementName,
  windowGateSql,
} from '@twofold/persistence';
import type { SmsChannel, SmsPurpose } from '@twofold/sms-queue';

/** A message row as the outbox writes it. */
export interface SmsMessageInsert {
  id: string;
  accountId: string;
  methodId: string | null;
  ticketId: string | null;
  phoneNumber: string;
  countryCode: string | null;
  destinationPrefix: string | null;
  purpose: SmsPurpose;
  locale: string;
  /** SMS, or VOICE (a call that reads the code out). */
  channel: SmsChannel;
  bodySealed: string;
  clientIp: string | null;
  codeExpiresAt: Date | null;
}

/** A message the relay hands (again) to the queue. */
export interface DueMessage {
  id: string;
  phone_number: string;
  body_sealed: string;
  code_expires_at: Date | null;
  purpose: SmsPurpose;
  channel: SmsChannel;
  locale: string;
}

/** The insert of a QUEUED message ($1–$14: smsMessageInsertValues); a code's send adds its code to the same statement (SmsCodeStore). */
export const SMS_MESSAGE_INSERT_SQL = `
INSERT INTO sms_message (id, account_id, method_id, ticket_id, phone_number, country_code, destination_prefix, verified_at, purpose, locale,
                         body_sealed, status, client_ip, code_expires_at, created_at, updated_at, enqueued_at, attempts, channel)
VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $10, 'QUEUED', $11, $12, $13, $13, $13, 0, $14)`;

/**
 * SQL of the outbox side of `sms_message`: the insert (QUEUED), the relay's reads, and the
 * notice budget. The delivery states the worker and the receipts write are elsewhere.
 */
@Injectable()
export class SmsMessageStore {
  constructor(private readonly db: DataSource) {}

  /** The insert, a prepared statement: TypeORM's insert builder cost more CPU than the insert itself. */
  async insert(em: EntityManager, m: SmsMessageInsert, now: Date): Promise<void> {
    await prepared(em, 'sms-message-insert', SMS_MESSAGE_INSERT_SQL, smsMessageInsertValues(m, now));
  }

  /** Codes that expired while still QUEUED are failed, not sent (the shared transition). */
  async failExpiredQueued(now: Date): Promise<void> {
    await prepared(this.db, EXPIRE_QUEUED_CODES.name, EXPIRE_QUEUED_CODES.text, [now, EXPIRED_BEFORE_SENDING]);
  }

  /**
   * Rows Redis may have lost, codes first (SELECT_SMS_DUE_FOR_RELAY), marked as handed over in
   * the same transaction (MARK_SMS_MESSAGES_RELAYED); SKIP LOCKED lets several API instances
   * relay at once.
   */
  claimDue(requeueBefore: Date, staleSendingBefore: Date, now: Date): Promise<DueMessage[]> {
    return this.db.transaction(async (em) => {
      const due = await prepared<DueMessage>(em, SELECT_SMS_DUE_FOR_RELAY.name, SELECT_SMS_DUE_FOR_RELAY.text, [requeueBefore, staleSendingBefore, SMS_RELAY_BATCH]);
      if (due.length > 0) await prepared(em, statementName(MARK_SMS_MESSAGES_RELAYED), MARK_SMS_MESSAGES_RELAYED.text, [due.map((r) => r.id), now]);
      return due;
    });
  }

  /**
   * The notice budget of an account: how many notices it sent in the window (counted up to the
   * budget), and whether `wanted` more would pass the global budget, which counts every SMS.
   * Under a per-account advisory lock taken in its own statement first, so the count after it
   * sees every notice committed before it.
   */
  async noticeBudget(em: EntityManager, accountId: string, since: Date, perAccount: number, global: number, wanted: number): Promise<{ sent: number; globalFull: boolean }> {
    await prepared(em, 'notice-budget-lock', `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sms:notice:${accountId}`]);
    const rows = await prepared<{ sent: number; global_full: Date | null }>(
      em,
      'notice-budget',
      `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE' AND created_at > $2 LIMIT $3) n) AS sent,
              ${windowGateSql({ table: 'sms_message', where: [], purpose: 'all', since: '$2', offset: '$4' })} AS global_full`,
      [accountId, since, perAccount, Math.max(0, global - wanted)],
    );
    return { sent: rows[0]?.sent ?? 0, globalFull: Boolean(rows[0]?.global_full) };
  }
}

export function smsMessageInsertValues(m: SmsMessageInsert, now: Date): unknown[] {
  return [m.id, m.accountId, m.methodId, m.ticketId, m.phoneNumber, m.countryCode, m.destinationPrefix, m.purpose, m.locale, m.bodySealed, m.clientIp, m.codeExpiresAt, now, m.channel];
}
