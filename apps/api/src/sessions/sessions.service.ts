import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AccountEntity, SessionEntity } from '@twofold/persistence';
import { addSeconds, generateOpaqueToken, hashOpaqueToken } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { AuthState, RequestMeta } from '../common/request-context';
import { affectedCount, preparedQuery } from '../common/sql';

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A new session's token (256 bits, returned once), row id, token hash (all that is stored) and
   * absolute expiry; the one-statement login paths insert the row themselves.
   */
  mint(now: Date): { token: string; id: string; tokenHash: Buffer; expiresAt: Date } {
    const token = generateOpaqueToken();
    return { token, id: randomUUID(), tokenHash: hashOpaqueToken(token), expiresAt: addSeconds(now, this.config.timings.sessionTtlSeconds) };
  }

  /**
   * A new session after a full login: 256-bit token returned once, only its hash stored.
   * `secondFactor`: whether it passed one. The account's 2FA epoch is read by the INSERT itself.
   */
  async create(em: EntityManager, accountId: string, meta: RequestMeta, now: Date, secondFactor: boolean): Promise<{ token: string; session: SessionEntity }> {
    const { token, id, tokenHash, expiresAt } = this.mint(now);
    const rows: { two_factor_epoch: number }[] = await em.query(
      `INSERT INTO session (id, account_id, token_hash, created_at, last_used_at, expires_at, authenticated_at, revoked_at, ip_address, user_agent, second_factor, two_factor_epoch)
       SELECT $1, a.id, $3, $4, $4, $5, $4, NULL, $6, $7, $8, a.two_factor_epoch FROM account a WHERE a.id = $2
       RETURNING two_factor_epoch`,
      [id, accountId, tokenHash, now, expiresAt, meta.ip, meta.userAgent, secondFactor],
    );
    if (rows.length !== 1) throw new Error('session: account not found');
    const session = Object.assign(new SessionEntity(), {
      id,
      accountId,
      tokenHash,
      createdAt: now,
      lastUsedAt: now,
      expiresAt,
      authenticatedAt: now,
      revokedAt: null,
      ipAddress: meta.ip,
      userAgent: meta.userAgent,
      secondFactor,
      twoFactorEpoch: rows[0].two_factor_epoch,
    });
    return { token, session };
  }

  /**
   * Resolves a bearer token: absolute expiry, idle expiry, revocation and the second-factor rule
   * are all checked by the WHERE clause. A session that passed only the password is valid only
   * while 2FA is off and has not been turned on since it was created (same epoch): the rule holds
   * where the session is read, so a login that raced the first confirmation is dead all the same. Read-only in the common case: `last_used_at` is written only when it is older
   * than a sixtieth of the idle window (a minute by default), so a burst of queries costs no WAL
   * flush per request and the idle timeout stays exact to within that step.
   */
  async authenticate(token: string, now: Date): Promise<AuthState | null> {
    const idleSince = addSeconds(now, -this.config.timings.sessionIdleSeconds);
    const touchStepMs = Math.min(60_000, (this.config.timings.sessionIdleSeconds * 1000) / 60);
    const rows = await preparedQuery<Record<string, unknown>>(
      this.db,
      'authenticate-session',
      `SELECT s.id, s.account_id, s.created_at, s.last_used_at, s.expires_at, s.authenticated_at,
              a.email, a.email_normalized, a.name, a.locale, a.created_at AS account_created_at, a.second_factor_blocked_until,
              s.second_factor, f.enabled AS two_factor_enabled
         FROM session s JOIN account a ON a.id = s.account_id
        CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM sms_method m WHERE m.account_id = a.id AND m.status = 'ENABLED') AS enabled) f
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.last_used_at > $3
          AND (s.second_factor OR (s.two_factor_epoch = a.two_factor_epoch AND NOT f.enabled))`,
      [hashOpaqueToken(token), now, idleSince],
    );
    const r = rows[0];
    if (r && (r['last_used_at'] as Date).getTime() <= now.getTime() - touchStepMs) {
      await this.db.query(`UPDATE session SET last_used_at = $2 WHERE id = $1 AND last_used_at < $2`, [r['id'], now]);
      r['last_used_at'] = now;
    }
    if (!r) return null;
    const session = Object.assign(new SessionEntity(), {
      id: r['id'],
      accountId: r['account_id'],
      createdAt: r['created_at'],
      lastUsedAt: r['last_used_at'],
      expiresAt: r['expires_at'],
      authenticatedAt: r['authenticated_at'],
      revokedAt: null,
      secondFactor: r['second_factor'] === true,
    });
    const account = Object.assign(new AccountEntity(), {
      id: r['account_id'],
      email: r['email'],
      emailNormalized: r['email_normalized'],
      name: r['name'],
      locale: r['locale'],
      createdAt: r['account_created_at'],
      secondFactorBlockedUntil: r['second_factor_blocked_until'],
    });
    return { session, account, token, twoFactorEnabled: r['two_factor_enabled'] === true };
  }

  /** Sudo mode: a full authentication within REAUTH_WINDOW_SECONDS. */
  isRecentlyAuthenticated(session: SessionEntity, now: Date): boolean {
    return session.authenticatedAt.getTime() > now.getTime() - this.config.timings.reauthWindowSeconds * 1000;
  }

  /** Sudo mode from now; `secondFactor` when the re-authentication (or confirmation) passed one. */
  async markAuthenticated(em: EntityManager, sessionId: string, now: Date, secondFactor = false): Promise<void> {
    await em.update(SessionEntity, { id: sessionId }, secondFactor ? { authenticatedAt: now, lastUsedAt: now, secondFactor: true } : { authenticatedAt: now, lastUsedAt: now });
  }

  /**
   * 2FA turns on (under the account lock): the account's epoch moves on, so every single-factor
   * session, including one a racing password login inserts after this, is refused when read;
   * `keepSessionId`, which just confirmed a code sent to the number, has passed a second factor.
   */
  async twoFactorTurnedOn(em: EntityManager, accountId: string, keepSessionId: string, now: Date): Promise<number> {
    await em.query(`UPDATE account SET two_factor_epoch = two_factor_epoch + 1 WHERE id = $1`, [accountId]);
    await em.query(`UPDATE session SET second_factor = true WHERE id = $1`, [keepSessionId]);
    return this.revokeOthers(em, accountId, keepSessionId, now);
  }

  async revoke(sessionId: string, now: Date): Promise<boolean> {
    const result = await this.db.query(`UPDATE session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now]);
    return affectedCount(result) > 0;
  }

  /** Ends every other live session of the account (they were single-factor); returns how many. */
  async revokeOthers(em: EntityManager, accountId: string, keepSessionId: string, now: Date): Promise<number> {
    const result = await em.query(
      `UPDATE session SET revoked_at = $3 WHERE account_id = $1 AND id <> $2 AND revoked_at IS NULL AND expires_at > $3`,
      [accountId, keepSessionId, now],
    );
    return affectedCount(result);
  }
}
