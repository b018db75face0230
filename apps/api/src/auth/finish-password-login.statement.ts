import type { DataSource } from 'typeorm';
import { preparedQuery } from '../common/sql';

/**
 * After a right password, in ONE statement (one round trip, one commit): the try counted before
 * hashing is given back, and when the account has no enabled second factor the session and its
 * LOGIN_SUCCEEDED event are inserted. With 2FA on it only answers `two_factor = true` (the try is
 * given back all the same) and the caller opens a login ticket.
 */
const SQL = `
WITH released AS (
  DELETE FROM login_failure WHERE id = $1
), factor AS (
  -- The 2FA state and the account's epoch from one snapshot: if a confirmation commits after it,
  -- the session below carries the old epoch and is refused when read (SessionsService.authenticate).
  SELECT EXISTS (SELECT 1 FROM sms_method WHERE account_id = $2 AND status = 'ENABLED') AS enabled,
         (SELECT two_factor_epoch FROM account WHERE id = $2) AS epoch
), s AS (
  INSERT INTO session (id, account_id, token_hash, created_at, last_used_at, expires_at, authenticated_at, revoked_at, ip_address, user_agent, second_factor, two_factor_epoch)
  SELECT $3, $2, $4, $5, $5, $6, $5, NULL, $7, $8, false, epoch FROM factor WHERE NOT enabled
  RETURNING expires_at
), e AS (
  INSERT INTO security_event (id, account_id, type, created_at, ip_address, user_agent, detail)
  SELECT $9, $2, 'LOGIN_SUCCEEDED', $5, $7, $8, 'password' FROM factor WHERE NOT enabled
)
SELECT (SELECT enabled FROM factor) AS two_factor, (SELECT expires_at FROM s) AS expires_at`;

export interface FinishPasswordLoginArgs {
  attemptId: string;
  accountId: string;
  session: { id: string; tokenHash: Buffer; expiresAt: Date };
  now: Date;
  ip: string | null;
  userAgent: string | null;
  eventId: string;
}

/** `{ twoFactor: true }`, or the new session's expiry. */
export async function finishPasswordLoginStatement(db: DataSource, a: FinishPasswordLoginArgs): Promise<{ twoFactor: true } | { twoFactor: false; expiresAt: Date }> {
  const rows = await preparedQuery<{ two_factor: boolean; expires_at: Date | null }>(db, 'finish-password-login', SQL, [a.attemptId, a.accountId, a.session.id, a.session.tokenHash, a.now, a.session.expiresAt, a.ip, a.userAgent, a.eventId]);
  const row = rows[0];
  if (!row || row.two_factor || !row.expires_at) return { twoFactor: true };
  return { twoFactor: false, expiresAt: row.expires_at };
}
