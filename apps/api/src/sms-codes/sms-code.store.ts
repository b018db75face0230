import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { affectedCount, idCreatedWithin, prepared, type Placeholder } from '@twofold/persistence';
import type { SmsCodePurpose } from '@twofold/persistence';
import type { SmsChannel } from '@twofold/sms-queue';
import { SMS_MESSAGE_INSERT_SQL, smsMessageInsertValues, type SmsMessageInsert } from '../sms-outbox/sms-message.store';

export interface NewSmsCode {
  id: string;
  accountId: string;
  methodId: string;
  purpose: SmsCodePurpose;
  ticketId: string | null;
  messageId: string;
  codeHmac: Buffer;
  expiresAt: Date;
}

type Placeholders = Record<'id' | 'accountId' | 'methodId' | 'purpose' | 'ticketId' | 'messageId' | 'now' | 'codeHmac' | 'expiresAt', Placeholder>;

/** The method's live code of this purpose replaced, and the new code stored: the tail of a WITH. */
const replaceAndInsertSql = (p: Placeholders) => `replaced AS (
  UPDATE sms_code SET replaced_at = ${p.now} WHERE method_id = ${p.methodId} AND purpose = ${p.purpose} AND consumed_at IS NULL AND replaced_at IS NULL
)
INSERT INTO sms_code (id, account_id, method_id, purpose, ticket_id, message_id, code_hmac, created_at, expires_at, consumed_at, replaced_at)
VALUES (${p.id}, ${p.accountId}, ${p.methodId}, ${p.purpose}, ${p.ticketId}, ${p.messageId}, ${p.codeHmac}, ${p.now}, ${p.expiresAt}, NULL, NULL)`;

const REPLACE_AND_INSERT_SQL = `WITH ${replaceAndInsertSql({ id: '$1', accountId: '$2', methodId: '$3', purpose: '$4', ticketId: '$5', messageId: '$6', now: '$7', codeHmac: '$8', expiresAt: '$9' })}`;

// A new code's SMS and the code in one round trip: the message (SMS_MESSAGE_INSERT_SQL, $1–$14), then
// the same replacement and insert (sms_code has no foreign key to sms_message).
const INSERT_WITH_MESSAGE_SQL = `WITH message AS (${SMS_MESSAGE_INSERT_SQL}),
${replaceAndInsertSql({ id: '$16', accountId: '$2', methodId: '$3', purpose: '$15', ticketId: '$4', messageId: '$1', now: '$13', codeHmac: '$17', expiresAt: '$18' })}`;

/** SQL of the sms_code table: one live code per method and purpose (and ticket), HMACs only. */
@Injectable()
export class SmsCodeStore {
  /** The method's live code of this purpose is replaced and the new one stored, in one statement. */
  async replaceAndInsert(em: EntityManager, c: NewSmsCode, now: Date): Promise<void> {
    await prepared(em, 'sms-code-replace-insert', REPLACE_AND_INSERT_SQL, [c.id, c.accountId, c.methodId, c.purpose, c.ticketId, c.messageId, now, c.codeHmac, c.expiresAt]);
  }

  /** The message carrying a new code (`m`, its method the code's) and the code, as replaceAndInsert, in one statement. */
  async insertWithMessage(em: EntityManager, m: SmsMessageInsert, c: Pick<NewSmsCode, 'id' | 'purpose' | 'codeHmac' | 'expiresAt'>, now: Date): Promise<void> {
    await prepared(em, 'sms-code-insert-with-message', INSERT_WITH_MESSAGE_SQL, [...smsMessageInsertValues(m, now), c.purpose, c.id, c.codeHmac, c.expiresAt]);
  }

  /** The newest live code of a method and purpose (for login: of that ticket). */
  async live(em: EntityManager, methodId: string, purpose: SmsCodePurpose, ticketId: string | null): Promise<{ id: string; code_hmac: Buffer; expires_at: Date } | null> {
    const rows: { id: string; code_hmac: Buffer; expires_at: Date }[] = await em.query(
      `SELECT id, code_hmac, expires_at FROM sms_code
        WHERE method_id = $1 AND purpose = $2 AND ticket_id IS NOT DISTINCT FROM $3::uuid AND consumed_at IS NULL AND replaced_at IS NULL
        ORDER BY created_at DESC LIMIT 1`,
      [methodId, purpose, ticketId],
    );
    return rows[0] ?? null;
  }

  /**
   * The live, unexpired code of a method and purpose (for login: of that ticket), its row locked
   * until the transaction ends, so a call that carries it and its use or replacement are one after
   * the other ("Call me instead": SmsCodesService.issue with channel VOICE).
   */
  async liveLocked(em: EntityManager, methodId: string, purpose: SmsCodePurpose, ticketId: string | null, now: Date): Promise<{ id: string; message_id: string | null; expires_at: Date } | null> {
    const rows: { id: string; message_id: string | null; expires_at: Date }[] = await em.query(
      `SELECT id, message_id, expires_at FROM sms_code
        WHERE method_id = $1 AND purpose = $2 AND ticket_id IS NOT DISTINCT FROM $3::uuid AND consumed_at IS NULL AND replaced_at IS NULL AND expires_at > $4
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [methodId, purpose, ticketId, now],
    );
    return rows[0] ?? null;
  }

  /** The channel and sealed body of the message that carries a code (bounded to its months: sms_message is partitioned). */
  async carrier(em: EntityManager, messageId: string): Promise<{ channel: SmsChannel; body_sealed: string } | null> {
    const rows: { channel: SmsChannel; body_sealed: string }[] = await em.query(`SELECT channel, body_sealed FROM sms_message WHERE id = $1 AND ${idCreatedWithin('$1')}`, [messageId]);
    return rows[0] ?? null;
  }

  /**
   * The live code is carried by a newer message now (a call that reads it out): its use marks that
   * message as entered, the SMS-pumping guard's conversion signal, as `sms retry` moves a code to its
   * copy. The code's value and expiry do not change.
   */
  async carryBy(em: EntityManager, codeId: string, messageId: string): Promise<boolean> {
    const moved = await em.query(`UPDATE sms_code SET message_id = $2 WHERE id = $1 AND consumed_at IS NULL AND replaced_at IS NULL RETURNING id`, [codeId, messageId]);
    return affectedCount(moved) === 1;
  }

  /**
   * Consumes the code (single use under concurrency: `consumed_at IS NULL`) and marks its SMS as
   * entered, the SMS-pumping guard's conversion signal. False when another request consumed it first.
   */
  async consume(em: EntityManager, codeId: string, now: Date): Promise<boolean> {
    const consumed = await em.query(`UPDATE sms_code SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL RETURNING id`, [codeId, now]);
    if (affectedCount(consumed) !== 1) return false;
    await em.query(`UPDATE sms_message SET verified_at = $2 WHERE id = (SELECT message_id FROM sms_code WHERE id = $1)`, [codeId, now]);
    return true;
  }
}
