import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { prepared } from '@twofold/persistence';
import type { FastLoginRow } from '../fast-login-row';

/**
 * The fast path of `completeLoginWithTotp`, in two round trips instead of the locked path's seven.
 * A TOTP code cannot be checked inside PostgreSQL (the secret is sealed with a key it never sees),
 * so: read the ticket's app (no lock), check the code in Node, then ONE statement that accepts the
 * step (the replay guard), consumes the ticket and inserts the session and its event. Its twin is
 * SecondFactorService.completeLocked with TotpMethod.verify; `totp-login-paths.integration-spec.ts`
 * shows both write the same rows. Any "no" (wrong code, replayed step, ticket used or exhausted,
 * account blocked, a REAUTH ticket) answers no row: the caller takes the locked path, which counts
 * the failure and names the error.
 */
const APP_OF_TICKET_SQL = `
SELECT tm.id, tm.secret_sealed
  FROM login_ticket t
  JOIN account a ON a.id = t.account_id
  JOIN totp_method tm ON tm.account_id = t.account_id AND tm.id = $2
 WHERE t.token_hash = $1 AND t.purpose = 'LOGIN' AND t.consumed_at IS NULL AND t.expires_at > $3 AND t.failed_attempts < $4
   AND (a.second_factor_blocked_until IS NULL OR a.second_factor_blocked_until <= $3)`;

/**
 * Each UPDATE re-checks its conditions on the row it locks (READ COMMITTED re-reads a row changed
 * meanwhile): of parallel uses of one step on several tickets one accepts it, of parallel uses of
 * one ticket one consumes it. The event's detail is TotpMethod's label, built the same way.
 */
const COMPLETE_AT_ONCE_SQL = `
WITH t AS (
  SELECT id, account_id FROM login_ticket
   WHERE token_hash = $1 AND purpose = 'LOGIN' AND consumed_at IS NULL AND expires_at > $4 AND failed_attempts < $5
), a AS (
  SELECT acc.id, acc.email, acc.name, acc.created_at, acc.locale, acc.two_factor_epoch FROM account acc JOIN t ON acc.id = t.account_id
   WHERE acc.second_factor_blocked_until IS NULL OR acc.second_factor_blocked_until <= $4
), step AS (
  UPDATE totp_method tm SET last_time_step = $3, last_used_at = $4
   WHERE tm.id = $2 AND tm.account_id = (SELECT id FROM a) AND (tm.last_time_step IS NULL OR tm.last_time_step < $3)
  RETURNING tm.description
), ticket AS (
  UPDATE login_ticket lt SET consumed_at = $4 FROM step, t
   WHERE lt.id = t.id AND lt.consumed_at IS NULL AND lt.expires_at > $4 AND lt.failed_attempts < $5
  RETURNING lt.account_id
), s AS (
  INSERT INTO session (id, account_id, token_hash, created_at, last_used_at, expires_at, authenticated_at, revoked_at, ip_address, user_agent, second_factor, two_factor_epoch)
  SELECT $6, ticket.account_id, $7, $4, $4, $8, $4, NULL, $9, $10, true, a.two_factor_epoch FROM ticket, a
  RETURNING expires_at
), e AS (
  INSERT INTO security_event (id, account_id, type, created_at, ip_address, user_agent, detail)
  SELECT $11, ticket.account_id, 'LOGIN_SUCCEEDED', $4, $9, $10, CASE WHEN step.description IS NULL THEN $12::text ELSE $12::text || ' (' || step.description || ')' END FROM ticket, step
)
SELECT a.id, a.email, a.name, a.created_at, a.locale, s.expires_at FROM a, s`;

export interface TotpLoginArgs {
  ticketTokenHash: Buffer;
  methodId: string;
  step: number;
  now: Date;
  maxTicketFailures: number;
  session: { id: string; tokenHash: Buffer; expiresAt: Date };
  ip: string | null;
  userAgent: string | null;
  eventId: string;
  label: string;
}


@Injectable()
export class TotpLoginFastStore {
  constructor(private readonly db: DataSource) {}

  /** The app's sealed secret when the ticket is live for LOGIN and the account not blocked; else null. */
  async appOfTicket(ticketTokenHash: Buffer, methodId: string, now: Date, maxTicketFailures: number): Promise<{ id: string; secret_sealed: string } | null> {
    const rows = await prepared<{ id: string; secret_sealed: string }>(this.db, 'totp-app-of-ticket', APP_OF_TICKET_SQL, [ticketTokenHash, methodId, now, maxTicketFailures]);
    return rows[0] ?? null;
  }

  async completeAtOnce(a: TotpLoginArgs): Promise<FastLoginRow | null> {
    const rows = await prepared<FastLoginRow>(this.db, 'complete-login-with-totp', COMPLETE_AT_ONCE_SQL, [
      a.ticketTokenHash,
      a.methodId,
      a.step,
      a.now,
      a.maxTicketFailures,
      a.session.id,
      a.session.tokenHash,
      a.session.expiresAt,
      a.ip,
      a.userAgent,
      a.eventId,
      a.label,
    ]);
    return rows[0] ?? null;
  }
}
