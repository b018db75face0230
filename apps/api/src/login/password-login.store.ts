import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccountEntity, prepared, runScript, windowGateSql } from '@twofold/persistence';

/** The account as the password step reads it. */
export interface PasswordAccount {
  id: string;
  email: string;
  name: string;
  locale: string;
  createdAt: Date;
  passwordHash: string;
}

/**
 * After a right password, in ONE statement (one round trip, one commit): the try counted before
 * hashing is given back, and when the account has no enabled second factor the session and its
 * LOGIN_SUCCEEDED event are inserted. With 2FA on it only answers `two_factor = true` (the try is
 * given back all the same) and the caller opens a login ticket.
 */
const FINISH_SQL = `
WITH released AS (
  DELETE FROM login_failure WHERE id = $1
), factor AS (
  -- The 2FA state and the account's epoch from one snapshot: if a confirmation commits after it,
  -- the session below carries the old epoch and is refused when read (SessionStore).
  SELECT EXISTS (SELECT 1 FROM two_factor_method WHERE account_id = $2) AS enabled,
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

/**
 * The same with a remembered device's token: a live device of this account (its row locked and its
 * use stamped by the UPDATE, so a concurrent forget either waits for this statement or leaves it
 * nothing to match) stands in for the second factor, and the session is marked as having passed
 * one. A foreign, expired or forgotten token matches no row: the answer is the challenge.
 */
const FINISH_WITH_DEVICE_SQL = `
WITH released AS (
  DELETE FROM login_failure WHERE id = $1
), device AS (
  UPDATE trusted_device SET last_used_at = $5, ip_address = $7, user_agent = $8
  WHERE token_hash = $10 AND account_id = $2 AND expires_at > $5
  RETURNING id
), factor AS (
  SELECT EXISTS (SELECT 1 FROM two_factor_method WHERE account_id = $2) AS enabled,
         EXISTS (SELECT 1 FROM device) AS remembered,
         (SELECT two_factor_epoch FROM account WHERE id = $2) AS epoch
), s AS (
  INSERT INTO session (id, account_id, token_hash, created_at, last_used_at, expires_at, authenticated_at, revoked_at, ip_address, user_agent, second_factor, two_factor_epoch)
  SELECT $3, $2, $4, $5, $5, $6, $5, NULL, $7, $8, enabled, epoch FROM factor WHERE NOT enabled OR remembered
  RETURNING expires_at
), e AS (
  INSERT INTO security_event (id, account_id, type, created_at, ip_address, user_agent, detail)
  SELECT $9, $2, 'LOGIN_SUCCEEDED', $5, $7, $8, CASE WHEN enabled THEN 'password and remembered device' ELSE 'password' END FROM factor WHERE NOT enabled OR remembered
)
SELECT (SELECT enabled AND NOT remembered FROM factor) AS two_factor, (SELECT expires_at FROM s) AS expires_at`;

export interface FinishPasswordLoginArgs {
  attemptId: string;
  accountId: string;
  session: { id: string; tokenHash: Buffer; expiresAt: Date };
  now: Date;
  ip: string | null;
  userAgent: string | null;
  eventId: string;
  /** SHA-256 of a remembered device's token, when the request carries one. */
  deviceTokenHash?: Buffer | null;
}

/** SQL of the password step: the login_failure ledger (the throttle) and the account it guards. */
@Injectable()
export class PasswordLoginStore {
  constructor(private readonly db: DataSource) {}

  /**
   * One round trip, four statements: the per-email advisory lock first, in its own statement (the
   * check after it must see every try committed before it: each statement takes a fresh snapshot),
   * then the window's gate and, when it is open, the try counted as a failure; the commit does not
   * wait for the WAL flush (a crash losing the last few counted tries is acceptable). With
   * `readAccount`, the account of that email is read in the same round trip, after the commit.
   */
  async reserveTry(
    emailNormalized: string,
    ip: string | null,
    now: Date,
    since: Date,
    offset: number,
    readAccount: boolean,
  ): Promise<{ gate: Date | null; attemptId: string | null; account: PasswordAccount | null }> {
    const results = await runScript(this.db, (literal) => {
      const email = literal(emailNormalized);
      const gate = windowGateSql({ table: 'login_failure', where: [{ column: 'email_normalized', value: email }], since: literal(since), offset: Math.trunc(offset) });
      return `BEGIN;
        SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(hashtextextended(${literal(`login:${emailNormalized}`)}, 0));
        WITH gate AS (
          SELECT ${gate} AS created_at
        ), counted AS (
          INSERT INTO login_failure (email_normalized, created_at, ip_address)
          SELECT ${email}, ${literal(now)}::timestamptz, ${literal(ip)} WHERE NOT EXISTS (SELECT 1 FROM gate WHERE created_at IS NOT NULL) RETURNING id
        )
        SELECT (SELECT created_at FROM gate) AS gate, (SELECT id FROM counted) AS id;
        COMMIT;${readAccount ? `\n        SELECT id, email, name, locale, created_at, password_hash FROM account WHERE email_normalized = ${email};` : ''}`;
    });
    const row = results[2]?.[0] as { gate: Date | null; id: string | number | null } | undefined;
    const a = readAccount ? (results[4]?.[0] as { id: string; email: string; name: string; locale: string; created_at: Date; password_hash: string } | undefined) : undefined;
    return {
      gate: row?.gate ?? null,
      attemptId: row?.id === null || row?.id === undefined ? null : String(row.id),
      account: a ? { id: a.id, email: a.email, name: a.name, locale: a.locale, createdAt: a.created_at, passwordHash: a.password_hash } : null,
    };
  }

  /** The right password: this try is not a failure. */
  async releaseTry(em: EntityManager, attemptId: string): Promise<void> {
    await em.query(`DELETE FROM login_failure WHERE id = $1`, [attemptId]);
  }

  async finish(a: FinishPasswordLoginArgs): Promise<{ twoFactor: true } | { twoFactor: false; expiresAt: Date }> {
    const params: unknown[] = [a.attemptId, a.accountId, a.session.id, a.session.tokenHash, a.now, a.session.expiresAt, a.ip, a.userAgent, a.eventId];
    const rows = a.deviceTokenHash
      ? await prepared<{ two_factor: boolean; expires_at: Date | null }>(this.db, 'finish-password-login-device', FINISH_WITH_DEVICE_SQL, [...params, a.deviceTokenHash])
      : await prepared<{ two_factor: boolean; expires_at: Date | null }>(this.db, 'finish-password-login', FINISH_SQL, params);
    const row = rows[0];
    if (!row || row.two_factor || !row.expires_at) return { twoFactor: true };
    return { twoFactor: false, expiresAt: row.expires_at };
  }

  /** The signed-in account's password hash (re-authentication). */
  accountById(accountId: string): Promise<AccountEntity> {
    return this.db.manager.findOneOrFail(AccountEntity, { where: { id: accountId } });
  }
}
