import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { affectedCount, prepared } from '@twofold/persistence';

/** A session row as the read of a bearer token answers it, with its account. */
export interface SessionRow {
  id: string;
  account_id: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  authenticated_at: Date;
  second_factor: boolean;
  email: string;
  email_normalized: string;
  name: string;
  locale: string;
  account_created_at: Date;
  second_factor_blocked_until: Date | null;
  two_factor_enabled: boolean;
}

export interface NewSession {
  id: string;
  accountId: string;
  tokenHash: Buffer;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  secondFactor: boolean;
}

/**
 * The read of every authenticated request: absolute expiry, idle expiry, revocation and the
 * second-factor rule in the WHERE clause. A session that passed only the password is valid only
 * while 2FA is off and has not been turned on since it was created (same epoch).
 */
const AUTHENTICATE_SQL = `
SELECT s.id, s.account_id, s.created_at, s.last_used_at, s.expires_at, s.authenticated_at, s.second_factor,
       a.email, a.email_normalized, a.name, a.locale, a.created_at AS account_created_at, a.second_factor_blocked_until,
       f.enabled AS two_factor_enabled
  FROM session s JOIN account a ON a.id = s.account_id
 CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM sms_method m WHERE m.account_id = a.id AND m.status = 'ENABLED') AS enabled) f
 WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.last_used_at > $3
   AND (s.second_factor OR (s.two_factor_epoch = a.two_factor_epoch AND NOT f.enabled))`;

/** SQL of the session table (and the account's 2FA epoch, which decides single-factor sessions). */
@Injectable()
export class SessionStore {
  constructor(private readonly db: DataSource) {}

  async findLive(tokenHash: Buffer, now: Date, idleSince: Date): Promise<SessionRow | null> {
    const rows = await prepared<SessionRow>(this.db, 'authenticate-session', AUTHENTICATE_SQL, [tokenHash, now, idleSince]);
    return rows[0] ?? null;
  }

  async touch(sessionId: string, now: Date): Promise<void> {
    await this.db.query(`UPDATE session SET last_used_at = $2 WHERE id = $1 AND last_used_at < $2`, [sessionId, now]);
  }

  /** Inserts a session carrying its account's current 2FA epoch (read by the INSERT itself); answers that epoch, or null without the account. */
  async insert(em: EntityManager, s: NewSession, now: Date): Promise<number | null> {
    const rows: { two_factor_epoch: number }[] = await em.query(
      `INSERT INTO session (id, account_id, token_hash, created_at, last_used_at, expires_at, authenticated_at, revoked_at, ip_address, user_agent, second_factor, two_factor_epoch)
       SELECT $1, a.id, $3, $4, $4, $5, $4, NULL, $6, $7, $8, a.two_factor_epoch FROM account a WHERE a.id = $2
       RETURNING two_factor_epoch`,
      [s.id, s.accountId, s.tokenHash, now, s.expiresAt, s.ip, s.userAgent, s.secondFactor],
    );
    return rows[0]?.two_factor_epoch ?? null;
  }

  async markAuthenticated(em: EntityManager, sessionId: string, now: Date, secondFactor: boolean): Promise<void> {
    await em.query(`UPDATE session SET authenticated_at = $2, last_used_at = $2, second_factor = second_factor OR $3 WHERE id = $1`, [sessionId, now, secondFactor]);
  }

  /** 2FA turns on: the epoch moves on (every password-only session dies when read) and the confirming session has passed a second factor. */
  async startTwoFactorEpoch(em: EntityManager, accountId: string, keepSessionId: string): Promise<void> {
    await em.query(`UPDATE account SET two_factor_epoch = two_factor_epoch + 1 WHERE id = $1`, [accountId]);
    await em.query(`UPDATE session SET second_factor = true WHERE id = $1`, [keepSessionId]);
  }

  async revoke(sessionId: string, now: Date): Promise<boolean> {
    return affectedCount(await this.db.query(`UPDATE session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now])) > 0;
  }

  async revokeOthers(em: EntityManager, accountId: string, keepSessionId: string, now: Date): Promise<number> {
    return affectedCount(
      await em.query(`UPDATE session SET revoked_at = $3 WHERE account_id = $1 AND id <> $2 AND revoked_at IS NULL AND expires_at > $3`, [accountId, keepSessionId, now]),
    );
  }
}
