import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashOpaqueToken, isCleanText, isOpaqueTokenShape, normalizeEmail } from '@twofold/two-factor-domain';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import type { AuthState, RequestMeta } from '../common/request-context';
import { toAccountModel } from '../accounts/dto/to-account';
import { PasswordHasher } from '../passwords/password-hasher.service';
import type { TwoFactorChallengeModel } from '../second-factor/dto/two-factor-challenge.type';
import { SecondFactorService } from '../second-factor/second-factor.service';
import { orderedEventId } from '../security-events/event-id';
import { SecurityEventsService } from '../security-events/security-events.service';
import type { SessionModel } from '../sessions/dto/session.type';
import { SessionsService } from '../sessions/sessions.service';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordLoginStore } from './password-login.store';

/** The password step of login, logout, and sudo mode (`reauthenticate`). The second step is second-factor/'s. */
@Injectable()
export class LoginService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly store: PasswordLoginStore,
    private readonly events: SecurityEventsService,
    private readonly twoFactor: TwoFactorService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  async login(input: { email: string; password: string; trustedDeviceToken?: string | null }, meta: RequestMeta): Promise<SessionModel | TwoFactorChallengeModel> {
    if (typeof input.email !== 'string' || input.email.trim() === '' || input.email.length > 1000) throw Errors.badInput({ email: 'Enter your email address.' });
    // Before any SQL: a NUL or a lone surrogate cannot be in a registered email, and PostgreSQL would refuse it mid-script.
    if (!isCleanText(input.email.trim())) throw Errors.badInput({ email: 'Enter a valid email address.' });
    if (input.password === '' || input.password.length > 4096) throw Errors.badInput({ password: 'Enter your password.' });
    const emailNormalized = normalizeEmail(input.email);
    const now = this.clock.now();
    // The try is counted before hashing (a right password gives the count back below), and the
    // account read in the same round trip.
    const { retryAfter, attemptId, account } = await this.throttle.reserve(emailNormalized, meta.ip, now, true);
    if (retryAfter > 0 || !attemptId) {
      // The guess is never checked, yet the refusal does an unknown email's work: no timing tell.
      await this.hasher.padRefusedBeforeHashing();
      throw Errors.rateLimited(retryAfter, 'Too many failed sign-ins for this email.');
    }

    const ok = account ? await this.hasher.verifyPassword(account.passwordHash, input.password) : await this.hasher.dummyVerify(input.password);
    if (!account || !ok) {
      if (account) {
        const recording = performance.now();
        await this.events.record(null, account.id, 'LOGIN_FAILED', meta, now, 'wrong password');
        this.hasher.recordFailedCheck(performance.now() - recording);
      } else {
        // No event to record for an unknown email: wait as long as that write takes.
        await this.hasher.padUnknownEmail();
      }
      throw Errors.invalidCredentials();
    }
    const { token, ...session } = this.sessions.mint(now);
    // A token of another shape was never issued: ignored, as a wrong one is.
    const deviceTokenHash = isOpaqueTokenShape(input.trustedDeviceToken) ? hashOpaqueToken(input.trustedDeviceToken) : null;
    const finished = await this.store.finish({ attemptId, accountId: account.id, session, now, ip: meta.ip, userAgent: meta.userAgent, eventId: orderedEventId(now), deviceTokenHash });
    if (!finished.twoFactor) return { token, expiresAt: finished.expiresAt, account: toAccountModel(account) };
    return this.db.transaction((em) => this.secondFactor.openChallenge(em, account.id, 'LOGIN', null, now));
  }

  async logout(auth: AuthState, meta: RequestMeta): Promise<boolean> {
    const now = this.clock.now();
    const revoked = await this.sessions.revoke(auth.session.id, now);
    if (revoked) await this.events.record(null, auth.account.id, 'SESSION_REVOKED', meta, now, 'logout');
    return revoked;
  }

  /**
   * `changePassword`'s check of the current password, counted by the email's login throttle as a
   * sign-in is (RATE_LIMITED beyond it; a wrong one is INVALID_CREDENTIALS with a LOGIN_FAILED
   * event). Answers the hash it verified, for the change to apply only while it is still the one.
   */
  async checkCurrentPassword(accountId: string, password: string, meta: RequestMeta, now: Date): Promise<string> {
    const account = await this.store.accountById(accountId);
    const { retryAfter, attemptId } = await this.throttle.reserve(account.emailNormalized, meta.ip, now);
    if (retryAfter > 0 || !attemptId) throw Errors.rateLimited(retryAfter, 'Too many failed password attempts.');
    if (!(await this.hasher.verifyPassword(account.passwordHash, password))) {
      await this.events.record(null, account.id, 'LOGIN_FAILED', meta, now, 'wrong password (password change)');
      throw Errors.invalidCredentials();
    }
    await this.db.transaction((em) => this.throttle.release(em, attemptId));
    return account.passwordHash;
  }

  /** Sudo mode: the password again, then (2FA on) a second factor on a REAUTH ticket bound to this session. */
  async reauthenticate(auth: AuthState, password: string, meta: RequestMeta): Promise<SessionModel | TwoFactorChallengeModel> {
    if (!password || password.length > 4096) throw Errors.badInput({ password: 'Enter your password.' });
    const now = this.clock.now();
    const account = await this.store.accountById(auth.account.id);
    const { retryAfter, attemptId } = await this.throttle.reserve(account.emailNormalized, meta.ip, now);
    if (retryAfter > 0 || !attemptId) throw Errors.rateLimited(retryAfter, 'Too many failed password attempts.');
    if (!(await this.hasher.verifyPassword(account.passwordHash, password))) {
      await this.events.record(null, account.id, 'LOGIN_FAILED', meta, now, 'wrong password (re-authentication)');
      throw Errors.invalidCredentials();
    }
    return this.db.transaction(async (em) => {
      await this.throttle.release(em, attemptId);
      if (await this.twoFactor.isEnabled(em, account.id)) return this.secondFactor.openChallenge(em, account.id, 'REAUTH', auth.session.id, now);
      await this.sessions.markAuthenticated(em, auth.session.id, now);
      await this.events.record(em, account.id, 'REAUTHENTICATED', meta, now, 'password');
      return { token: auth.token, expiresAt: auth.session.expiresAt, account: toAccountModel(account) };
    });
  }
}
