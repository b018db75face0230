import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { affectedCount, prepared } from '@twofold/persistence';
import { ReadReplica } from '../read-replica/read-replica';

/** A session row as the read of a bearer token answers it, with its account. */
export interface SessionRow {
  id: string;
  account_id: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  authenticated_at: Date;
  second_factor: boolean;
  last_ip: string | null;
  last_user_agent: string | null;
  email: string;
  email_normalized: string;
  name: string;
  locale: string;
  account_created_at: Date;
  second_factor_blocked_until: Date | null;
  two_factor_enabled: boolean;
}

/** A session as the sessions list shows it. */
export interface SessionListRow {
  id: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  second_factor: boolean;
  last_ip: string | null;
  last_user_agent: string | null;
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

/** `f.enabled`: the account `a` has 2FA on (a confirmed method of any kind). */
const TWO_FACTOR_OF_ACCOUNT = `CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM two_factor_method m WHERE m.account_id = a.id) AS enabled) f`;

/** The rows LIVE_SESSION speaks of: a session `s`, its account `a` and `f.enabled`. */
const SESSIONS_WITH_ACCOUNT = `session s JOIN account a ON a.id = s.account_id ${TWO_FACTOR_OF_ACCOUNT}`;

/**
 * What makes a session live, the one predicate of the per-request read, the sessions list and
 * the revocations (so they cannot disagree): not revoked, before its absolute expiry, used within
 * the idle window, and the second-factor rule: a session that passed only the password is live
 * only while 2FA is off and has not been turned on since it was created (same epoch).
 * `now` and `idleSince` are the placeholders of those instants in the statement.
 */
function liveSession(now: string, idleSince: string): string {
  return `s.revoked_at IS NULL AND s.expires_at > ${now} AND s.last_used_at > ${idleSince}
   AND (s.second_factor OR (s.two_factor_epoch = a.two_factor_epoch AND NOT f.enabled))`;
}

/** IP address and user agent of the last recorded use; NULL in both columns means the creation's. */
const LAST_USE = `CASE WHEN s.last_ip_address IS NULL AND s.last_user_agent IS NULL THEN s.ip_address ELSE s.last_ip_address END AS last_ip,
       CASE WHEN s.last_ip_address IS NULL AND s.last_user_agent IS NULL THEN s.user_agent ELSE s.last_user_agent END AS last_user_agent`;

/** The read of every authenticated request: one prepared statement, the session and its account. */
const AUTHENTICATE_SQL = `
SELECT s.id, s.account_id, s.created_at, s.last_used_at, s.expires_at, s.authenticated_at, s.second_factor, ${LAST_USE},
       a.email, a.email_normalized, a.name, a.locale, a.created_at AS account_created_at, a.second_factor_blocked_until,
       f.enabled AS two_factor_enabled
  FROM ${SESSIONS_WITH_ACCOUNT}
 WHERE s.token_hash = $1 AND ${liveSession('$2', '$3')}`;

/** At most this many sessions are listed (the current one always); revokeOtherSessions ends them all. */
export const SESSION_LIST_MAX = 100;

/** The account's live sessions: `$4` (the current one) first, then newest first. */
const LIST_SQL = `
SELECT s.id, s.created_at, s.last_used_at, s.expires_at, s.second_factor, ${LAST_USE}
  FROM ${SESSIONS_WITH_ACCOUNT}
 WHERE s.account_id = $1 AND ${liveSession('$2', '$3')}
 ORDER BY s.id = $4 DESC, s.created_at DESC, s.id DESC
 LIMIT ${SESSION_LIST_MAX}`;

/** SQL of the session table (and the account's 2FA epoch, which decides single-factor sessions). */
@Injectable()
export class SessionStore {
  constructor(
    private readonly db: DataSource,
    private readonly replica: ReadReplica,
  ) {}

  async findLive(tokenHash: Buffer, now: Date, idleSince: Date): Promise<SessionRow | null> {
    const rows = await prepared<SessionRow>(this.db, 'authenticate-session', AUTHENTICATE_SQL, [
      tokenHash,
      now,
      idleSince,
    ]);
    return rows[0] ?? null;
  }

  /** Records a use: its instant, IP address and user agent (a later use already recorded wins). */
  async touch(sessionId: string, now: Date, ip: string | null, userAgent: string | null): Promise<void> {
    await this.db.query(
      `UPDATE session SET last_used_at = $2, last_ip_address = $3, last_user_agent = $4 WHERE id = $1 AND last_used_at <= $2`,
      [sessionId, now, ip, userAgent],
    );
  }

  /**
   * The account's live sessions. `from`: 'replica' for the `sessions` query (a revocation shows
   * there after the replication lag, while the revoked token is refused at once: its read is the
   * primary's), 'primary' for the list a revocation answers, which must reflect it.
   */
  list(from: 'replica' | 'primary', accountId: string, currentSessionId: string, now: Date, idleSince: Date): Promise<SessionListRow[]> {
    return (from === 'replica' ? this.replica.db : this.db).query(LIST_SQL, [accountId, now, idleSince, currentSessionId]);
  }

  /** Whether the session is still live, read inside `em` (under the account lock: after any revocation that went first). */
  async isLive(em: EntityManager, sessionId: string, now: Date, idleSince: Date): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM ${SESSIONS_WITH_ACCOUNT} WHERE s.id = $1 AND ${liveSession('$2', '$3')}`,
      [sessionId, now, idleSince],
    );
    return rows.length > 0;
  }

  /** Ends one live session of the account; false when there is none of that id. */
  async revokeLive(
    em: EntityManager,
    accountId: string,
    sessionId: string,
    now: Date,
    idleSince: Date,
  ): Promise<boolean> {
    const result = await em.query(
      `UPDATE session SET revoked_at = $3
        WHERE id = (SELECT s.id FROM ${SESSIONS_WITH_ACCOUNT} WHERE s.id = $1 AND s.account_id = $2 AND ${liveSession('$3', '$4')})`,
      [sessionId, accountId, now, idleSince],
    );
    return affectedCount(result) > 0;
  }

  /** Ends every live session of the account but `keepSessionId`; answers how many. */
  async revokeLiveOthers(
    em: EntityManager,
    accountId: string,
    keepSessionId: string,
    now: Date,
    idleSince: Date,
  ): Promise<number> {
    const result = await em.query(
      `UPDATE session SET revoked_at = $3
        WHERE id IN (SELECT s.id FROM ${SESSIONS_WITH_ACCOUNT} WHERE s.account_id = $1 AND s.id <> $2 AND ${liveSession('$3', '$4')})`,
      [accountId, keepSessionId, now, idleSince],
    );
    return affectedCount(result);
  }

  /** Ends every live session of the account (a support reset, `twofold sessions revoke`); answers how many. */
  async revokeLiveAll(em: EntityManager, accountId: string, now: Date, idleSince: Date): Promise<number> {
    const result = await em.query(
      `UPDATE session SET revoked_at = $2
        WHERE id IN (SELECT s.id FROM ${SESSIONS_WITH_ACCOUNT} WHERE s.account_id = $1 AND ${liveSession('$2', '$3')})`,
      [accountId, now, idleSince],
    );
    return affectedCount(result);
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
    await em.query(
      `UPDATE session SET authenticated_at = $2, last_used_at = $2, second_factor = second_factor OR $3 WHERE id = $1`,
      [sessionId, now, secondFactor],
    );
  }

  /** 2FA turns on: the epoch moves on (every password-only session dies when read) and the confirming session has passed a second factor. */
  async startTwoFactorEpoch(em: EntityManager, accountId: string, keepSessionId: string): Promise<void> {
    await em.query(`UPDATE account SET two_factor_epoch = two_factor_epoch + 1 WHERE id = $1`, [accountId]);
    await em.query(`UPDATE session SET second_factor = true WHERE id = $1`, [keepSessionId]);
  }

  async revoke(sessionId: string, now: Date): Promise<boolean> {
    return (
      affectedCount(
        await this.db.query(`UPDATE session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [
          sessionId,
          now,
        ]),
      ) > 0
    );
  }

  async revokeOthers(em: EntityManager, accountId: string, keepSessionId: string, now: Date): Promise<number> {
    return affectedCount(
      await em.query(
        `UPDATE session SET revoked_at = $3 WHERE account_id = $1 AND id <> $2 AND revoked_at IS NULL AND expires_at > $3`,
        [accountId, keepSessionId, now],
      ),
    );
  }
}
