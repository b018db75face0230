import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, SmsMethodEntity, type LoginTicketEntity } from '@twofold/persistence';
import type { FastLoginRow } from '../fast-login-row';

/** The live ticket (locked), its account's locale and block, and the method a login code goes to. */
export interface LoginSendRow {
  id: string;
  account_id: string;
  token_hash: Buffer;
  purpose: LoginTicketEntity['purpose'];
  session_id: string | null;
  failed_attempts: number;
  created_at: Date;
  expires_at: Date;
  consumed_at: Date | null;
  locale: string;
  second_factor_blocked_until: Date | null;
  m_id: string | null;
  m_phone_number: string;
  m_masked_phone_number: string;
  m_country_code: string;
  m_description: string | null;
  m_status: SmsMethodEntity['status'];
  m_is_default: boolean;
  m_failed_attempts: number;
  m_created_at: Date;
  m_verified_at: Date | null;
  m_last_used_at: Date | null;
}

const LOGIN_SEND_CONTEXT_SQL = `
SELECT t.id, t.account_id, t.token_hash, t.purpose, t.session_id, t.failed_attempts, t.created_at, t.expires_at, t.consumed_at,
       a.locale, a.second_factor_blocked_until,
       m.id AS m_id, m.phone_number AS m_phone_number, m.masked_phone_number AS m_masked_phone_number, m.country_code AS m_country_code,
       m.description AS m_description, m.status AS m_status, m.is_default AS m_is_default, m.failed_attempts AS m_failed_attempts,
       m.created_at AS m_created_at, m.verified_at AS m_verified_at, m.last_used_at AS m_last_used_at
  FROM login_ticket t
  JOIN account a ON a.id = t.account_id
  LEFT JOIN sms_method m ON m.id = $2::uuid AND m.account_id = t.account_id
 WHERE t.token_hash = $1
   FOR UPDATE OF t`;

/**
 * The whole successful `completeLoginWithSms` as ONE statement (one round trip, one commit):
 * the live code of this method and ticket is consumed only when its stored HMAC equals the
 * candidate, then the ticket is consumed, the SMS marked as entered (the SMS-pumping guard's
 * conversion signal), the method's last use stamped, the session (second factor passed) and its
 * LOGIN_SUCCEEDED event inserted. Each UPDATE re-checks its conditions on the row it locks (READ
 * COMMITTED re-reads a row changed meanwhile), so of 50 parallel uses of one code exactly one
 * consumes it, and a ticket that reached 5 failures or was used in the meantime consumes nothing.
 *
 * It answers no row whenever anything is not right (wrong, expired or replaced code, ticket
 * unknown/expired/used/exhausted, account blocked, method not enabled, a REAUTH ticket): the
 * caller then runs the locked, step-by-step path (its twin: SecondFactorService.completeLocked
 * with SmsMethod.verify and onUsed), which counts the failure and names the error. The spec
 * `sms-login-paths.integration-spec.ts` shows both write the same rows.
 *
 * The HMAC is compared with `=` in PostgreSQL, not in constant time: the attacker controls the
 * candidate, not the stored digest, and learns nothing from how many bytes of an HMAC matched.
 */
const COMPLETE_AT_ONCE_SQL = `
WITH t AS (
  SELECT id, account_id FROM login_ticket
   WHERE token_hash = $1 AND purpose = 'LOGIN' AND consumed_at IS NULL AND expires_at > $4 AND failed_attempts < $5
), a AS (
  SELECT acc.id, acc.email, acc.name, acc.created_at, acc.locale, acc.two_factor_epoch FROM account acc JOIN t ON acc.id = t.account_id
   WHERE acc.second_factor_blocked_until IS NULL OR acc.second_factor_blocked_until <= $4
), m AS (
  SELECT sm.id, sm.masked_phone_number FROM sms_method sm JOIN a ON sm.account_id = a.id
   WHERE sm.id = $2 AND sm.status = 'ENABLED'
), code AS (
  -- method_id = $2 (not = m.id): the live-code index is searched by method, whatever plan is cached.
  UPDATE sms_code sc SET consumed_at = $4
   WHERE sc.method_id = $2 AND sc.purpose = 'LOGIN' AND sc.ticket_id = (SELECT id FROM t) AND EXISTS (SELECT 1 FROM m)
     AND sc.code_hmac = $3 AND sc.consumed_at IS NULL AND sc.replaced_at IS NULL AND sc.expires_at > $4
  RETURNING sc.message_id
), ticket AS (
  UPDATE login_ticket lt SET consumed_at = $4 FROM code, t
   WHERE lt.id = t.id AND lt.consumed_at IS NULL AND lt.expires_at > $4 AND lt.failed_attempts < $5
  RETURNING lt.account_id
), entered AS (
  UPDATE sms_message SET verified_at = $4 FROM code, ticket WHERE sms_message.id = code.message_id
), used AS (
  UPDATE sms_method SET last_used_at = $4 FROM m, ticket WHERE sms_method.id = m.id
), s AS (
  INSERT INTO session (id, account_id, token_hash, created_at, last_used_at, expires_at, authenticated_at, revoked_at, ip_address, user_agent, second_factor, two_factor_epoch)
  SELECT $6, ticket.account_id, $7, $4, $4, $8, $4, NULL, $9, $10, true, a.two_factor_epoch FROM ticket, a
  RETURNING expires_at
), e AS (
  INSERT INTO security_event (id, account_id, type, created_at, ip_address, user_agent, detail)
  SELECT $11, ticket.account_id, 'LOGIN_SUCCEEDED', $4, $9, $10, 'SMS to ' || m.masked_phone_number FROM ticket, m
)
SELECT a.id, a.email, a.name, a.created_at, a.locale, s.expires_at FROM a, s`;

export interface SmsLoginArgs {
  ticketTokenHash: Buffer;
  methodId: string;
  candidateHmac: Buffer;
  now: Date;
  maxTicketFailures: number;
  session: { id: string; tokenHash: Buffer; expiresAt: Date };
  ip: string | null;
  userAgent: string | null;
  eventId: string;
}


/** SQL of the SMS second factor: the send context, the one-statement completion, the method's last use. */
@Injectable()
export class SmsLoginStore {
  constructor(private readonly db: DataSource) {}

  /** In one prepared statement: the ticket (locked), its account's locale and block, and the method (this account's only). */
  async sendContext(em: EntityManager, ticketTokenHash: Buffer, methodId: string | null): Promise<LoginSendRow | undefined> {
    return (await prepared<LoginSendRow>(em, 'login-send-context', LOGIN_SEND_CONTEXT_SQL, [ticketTokenHash, methodId]))[0];
  }

  /** The new session's account and expiry, or null when the caller must take the locked path. */
  async completeAtOnce(a: SmsLoginArgs): Promise<FastLoginRow | null> {
    const rows = await prepared<FastLoginRow>(this.db, 'complete-login-with-sms', COMPLETE_AT_ONCE_SQL, [
      a.ticketTokenHash,
      a.methodId,
      a.candidateHmac,
      a.now,
      a.maxTicketFailures,
      a.session.id,
      a.session.tokenHash,
      a.session.expiresAt,
      a.ip,
      a.userAgent,
      a.eventId,
    ]);
    return rows[0] ?? null;
  }

  /** The locked path's twin of the statement's `used` part. */
  async stampUsed(em: EntityManager, methodId: string, now: Date): Promise<void> {
    await em.update(SmsMethodEntity, { id: methodId }, { lastUsedAt: now });
  }

  /** This account's method, or null. */
  method(em: EntityManager, accountId: string, methodId: string): Promise<SmsMethodEntity | null> {
    return em.findOne(SmsMethodEntity, { where: { id: methodId, accountId } });
  }
}
