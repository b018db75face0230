import type { DataSource } from 'typeorm';
import { preparedQuery } from '../common/sql';

/**
 * The whole successful `completeLoginWithSms` as ONE statement (one round trip, one commit):
 * the live code of this method and ticket is consumed only when its stored HMAC equals the
 * candidate, then the ticket is consumed, the SMS marked as entered (the SMS-pumping guard's
 * conversion signal), the method's last use stamped, the session and its LOGIN_SUCCEEDED event
 * inserted. Each UPDATE re-checks its conditions on the row it locks (READ COMMITTED re-reads a
 * row changed meanwhile), so of 50 parallel uses of one code exactly one consumes it, and a
 * ticket that reached 5 failures or was used in the meantime consumes nothing after the code.
 *
 * It answers no row whenever anything is not right (wrong, expired or replaced code, ticket
 * unknown/expired/used/exhausted, account blocked, method not enabled, a REAUTH ticket): the
 * caller then runs the locked, step-by-step path, which counts the failure and names the error.
 * So failures keep their exact semantics and successes cost one statement.
 *
 * The HMAC is compared with `=` in PostgreSQL, not in constant time: the attacker controls the
 * candidate, not the stored digest, and learns nothing from how many bytes of an HMAC matched.
 */
const SQL = `
WITH t AS (
  SELECT id, account_id FROM login_ticket
   WHERE token_hash = $1 AND purpose = 'LOGIN' AND consumed_at IS NULL AND expires_at > $4 AND failed_attempts < $5
), a AS (
  SELECT acc.id, acc.email, acc.name, acc.created_at, acc.two_factor_epoch FROM account acc JOIN t ON acc.id = t.account_id
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
SELECT a.id, a.email, a.name, a.created_at, s.expires_at FROM a, s`;

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

export interface SmsLoginRow {
  id: string;
  email: string;
  name: string;
  created_at: Date;
  expires_at: Date;
}

/** The new session's account and expiry, or null when the caller must take the step-by-step path. */
export async function completeLoginWithSmsStatement(db: DataSource, a: SmsLoginArgs): Promise<SmsLoginRow | null> {
  const rows = await preparedQuery<SmsLoginRow>(db, 'complete-login-with-sms', SQL, [
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
