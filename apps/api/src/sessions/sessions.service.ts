import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AccountEntity, SessionEntity } from '@twofold/persistence';
import { addSeconds, generateOpaqueToken, hashOpaqueToken } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { isUuid } from '../common/ids';
import { lockAccount } from '../common/lock-account';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SecurityEventsService } from '../security-events/security-events.service';
import { toSessionInfoModel } from './dto/to-session-info';
import type { SessionInfoModel } from './dto/session-info.type';
import { SessionStore, type SessionListRow } from './session.store';

/** No session's id: the lists read without a current session put none first, and "all but it" is every session. */
const NO_SESSION = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DataSource,
    private readonly store: SessionStore,
    private readonly events: SecurityEventsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A new session's token (256 bits, returned once), row id, token hash (all that is stored) and
   * absolute expiry; the one-statement login paths insert the row themselves.
   */
  mint(now: Date): { token: string; id: string; tokenHash: Buffer; expiresAt: Date } {
    const token = generateOpaqueToken();
    return {
      token,
      id: randomUUID(),
      tokenHash: hashOpaqueToken(token),
      expiresAt: addSeconds(now, this.config.timings.sessionTtlSeconds),
    };
  }

  /**
   * A new session after a full login: 256-bit token returned once, only its hash stored.
   * `secondFactor`: whether it passed one. The account's 2FA epoch is read by the INSERT itself.
   */
  async create(
    em: EntityManager,
    accountId: string,
    meta: RequestMeta,
    now: Date,
    secondFactor: boolean,
  ): Promise<{ token: string; session: SessionEntity }> {
    const { token, id, tokenHash, expiresAt } = this.mint(now);
    const epoch = await this.store.insert(
      em,
      { id, accountId, tokenHash, expiresAt, ip: meta.ip, userAgent: meta.userAgent, secondFactor },
      now,
    );
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
      lastIpAddress: null,
      lastUserAgent: null,
      secondFactor,
      twoFactorEpoch: epoch,
    });
    return { token, session };
  }

  /**
   * Resolves a bearer token (see SessionStore for the rules its read enforces). Read-only in the
   * common case: the use (`last_used_at`, with the request's IP address and user agent) is written
   * only when the last one recorded is older than a sixtieth of the idle window (a minute by
   * default) or came from another IP address or user agent, so a burst of queries costs no WAL
   * flush per request and the idle timeout stays exact to within that step.
   */
  async authenticate(token: string, meta: RequestMeta, now: Date): Promise<AuthState | null> {
    const touchStepMs = Math.min(60_000, (this.config.timings.sessionIdleSeconds * 1000) / 60);
    const r = await this.store.findLive(hashOpaqueToken(token), now, this.idleSince(now));
    if (!r) return null;
    let lastUsedAt = r.last_used_at;
    const movedOn = meta.ip !== r.last_ip || meta.userAgent !== r.last_user_agent;
    if (movedOn || lastUsedAt.getTime() <= now.getTime() - touchStepMs) {
      await this.store.touch(r.id, now, meta.ip, meta.userAgent);
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

  /**
   * The account's live sessions (SessionStore's rule), the current one first, then newest first.
   * The `sessions` query reads the replica (lag-safe, docs/scaling.md); a revocation's answer reads
   * the primary, so it reflects the revocation.
   */
  async list(auth: AuthState, from: 'replica' | 'primary'): Promise<SessionInfoModel[]> {
    const now = this.clock.now();
    let rows = await this.store.list(from, auth.account.id, auth.session.id, now, this.idleSince(now));
    // The caller's own session is live (the guard read it on the primary): a replica without it is
    // behind its login, so the list is the primary's (a new session never sees an empty list).
    if (from === 'replica' && !rows.some((r) => r.id === auth.session.id)) {
      rows = await this.store.list('primary', auth.account.id, auth.session.id, now, this.idleSince(now));
    }
    return rows.map((r) => toSessionInfoModel(r, auth.session.id));
  }

  /**
   * Ends one other live session of the account at once (no sudo: a customer who sees a stranger's
   * session must be able to end it straight away). NOT_FOUND for an unknown, malformed, ended or
   * foreign id; the current session is ended by logout.
   */
  async revokeOne(auth: AuthState, sessionId: string, meta: RequestMeta): Promise<SessionInfoModel[]> {
    if (!isUuid(sessionId)) throw Errors.notFound('Session');
    if (sessionId.toLowerCase() === auth.session.id) {
      throw Errors.badInput(
        { id: 'This is the current session: use logout to end it.' },
        'This is the current session: use logout to end it.',
      );
    }
    await this.whileStillLive(auth, async (em, now) => {
      if (!(await this.store.revokeLive(em, auth.account.id, sessionId, now, this.idleSince(now))))
        throw Errors.notFound('Session');
      await this.events.record(
        em,
        auth.account.id,
        'SESSION_REVOKED',
        meta,
        now,
        `session ${sessionId.toLowerCase()} ended from another session`,
      );
    });
    return this.list(auth, 'primary');
  }

  /** Ends every live session of the account but the current one; records how many. */
  async revokeOthers(auth: AuthState, meta: RequestMeta): Promise<SessionInfoModel[]> {
    await this.whileStillLive(auth, async (em, now) => {
      const ended = await this.store.revokeLiveOthers(em, auth.account.id, auth.session.id, now, this.idleSince(now));
      if (ended > 0)
        await this.events.record(em, auth.account.id, 'SESSION_REVOKED', meta, now, `${ended} other session(s) ended`);
    });
    return this.list(auth, 'primary');
  }

  /**
   * In the caller's transaction (which holds the account lock): ends every live session of the
   * account, the operator CLI's support reset and `sessions revoke`. Answers how many.
   */
  revokeAllOf(em: EntityManager, accountId: string, now: Date): Promise<number> {
    return this.store.revokeLiveAll(em, accountId, now, this.idleSince(now));
  }

  /** The account's live sessions (at most SESSION_LIST_MAX), newest first, read on the primary: what the operator CLI counts. */
  liveOf(accountId: string): Promise<SessionListRow[]> {
    const now = this.clock.now();
    return this.store.list('primary', accountId, NO_SESSION, now, this.idleSince(now));
  }

  /**
   * In the caller's transaction (which holds the account lock): ends every live session of the
   * account but `keepSessionId` (a password change keeps the session that made it; a reset, null,
   * keeps none). Answers how many.
   */
  revokeOthersOf(em: EntityManager, accountId: string, keepSessionId: string | null, now: Date): Promise<number> {
    return this.store.revokeLiveOthers(em, accountId, keepSessionId ?? NO_SESSION, now, this.idleSince(now));
  }

  /**
   * Runs `fn` under the account lock once the caller's session is known to be still live there.
   * Revocations of one account are taken one at a time, so two sessions ending each other at the
   * same instant cannot both succeed: the second finds its own session ended (UNAUTHENTICATED),
   * and one session of the two survives.
   */
  private async whileStillLive(auth: AuthState, fn: (em: EntityManager, now: Date) => Promise<void>): Promise<void> {
    await this.db.transaction(async (em) => {
      await lockAccount(em, auth.account.id);
      const now = this.clock.now();
      if (!(await this.store.isLive(em, auth.session.id, now, this.idleSince(now)))) throw Errors.unauthenticated();
      await fn(em, now);
    });
  }

  private idleSince(now: Date): Date {
    return addSeconds(now, -this.config.timings.sessionIdleSeconds);
  }
}
