import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AccountEntity, SessionEntity } from '@twofold/persistence';
import { addSeconds, generateOpaqueToken, hashOpaqueToken } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SessionStore } from './session.store';

@Injectable()
export class SessionsService {
  constructor(
    private readonly store: SessionStore,
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
    const epoch = await this.store.insert(em, { id, accountId, tokenHash, expiresAt, ip: meta.ip, userAgent: meta.userAgent, secondFactor }, now);
    if (epoch === null) throw new Error('session: account not found');
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
      twoFactorEpoch: epoch,
    });
    return { token, session };
  }

  /**
   * Resolves a bearer token (see SessionStore for the rules its read enforces). Read-only in the
   * common case: `last_used_at` is written only when it is older than a sixtieth of the idle
   * window (a minute by default), so a burst of queries costs no WAL flush per request and the
   * idle timeout stays exact to within that step.
   */
  async authenticate(token: string, now: Date): Promise<AuthState | null> {
    const idleSince = addSeconds(now, -this.config.timings.sessionIdleSeconds);
    const touchStepMs = Math.min(60_000, (this.config.timings.sessionIdleSeconds * 1000) / 60);
    const r = await this.store.findLive(hashOpaqueToken(token), now, idleSince);
    if (!r) return null;
    let lastUsedAt = r.last_used_at;
    if (lastUsedAt.getTime() <= now.getTime() - touchStepMs) {
      await this.store.touch(r.id, now);
      lastUsedAt = now;
    }
    const session = Object.assign(new SessionEntity(), {
      id: r.id,
      accountId: r.account_id,
      createdAt: r.created_at,
      lastUsedAt,
      expiresAt: r.expires_at,
      authenticatedAt: r.authenticated_at,
      revokedAt: null,
      secondFactor: r.second_factor === true,
    });
    const account = Object.assign(new AccountEntity(), {
      id: r.account_id,
      email: r.email,
      emailNormalized: r.email_normalized,
      name: r.name,
      locale: r.locale,
      createdAt: r.account_created_at,
      secondFactorBlockedUntil: r.second_factor_blocked_until,
    });
    return { session, account, token, twoFactorEnabled: r.two_factor_enabled === true };
  }

  /** Sudo mode: a full authentication within REAUTH_WINDOW_SECONDS. */
  isRecentlyAuthenticated(session: SessionEntity, now: Date): boolean {
    return session.authenticatedAt.getTime() > now.getTime() - this.config.timings.reauthWindowSeconds * 1000;
  }

  /** Sudo mode from now; `secondFactor` when the re-authentication passed one. */
  markAuthenticated(em: EntityManager, sessionId: string, now: Date, secondFactor = false): Promise<void> {
    return this.store.markAuthenticated(em, sessionId, now, secondFactor);
  }

  /**
   * 2FA turns on (under the account lock): the account's epoch moves on, so every single-factor
   * session, including one a racing password login inserts after this, is refused when read;
   * `keepSessionId`, which just confirmed a code sent to the number, has passed a second factor.
   * The other sessions are revoked as well; answers how many.
   */
  async twoFactorTurnedOn(em: EntityManager, accountId: string, keepSessionId: string, now: Date): Promise<number> {
    await this.store.startTwoFactorEpoch(em, accountId, keepSessionId);
    return this.store.revokeOthers(em, accountId, keepSessionId, now);
  }

  revoke(sessionId: string, now: Date): Promise<boolean> {
    return this.store.revoke(sessionId, now);
  }
}
