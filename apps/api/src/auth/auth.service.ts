import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AccountEntity, LoginTicketEntity, SmsMethodEntity, type SessionEntity, type SmsMessageEntity } from '@twofold/persistence';
import {
  addSeconds,
  cleanText,
  emailProblem,
  hashOpaqueToken,
  isCleanText,
  maskPhoneNumber,
  NAME_MAX_LENGTH,
  normalizeBackupCode,
  normalizeEmail,
  normalizeSmsCode,
  passwordProblem,
  pickLocale,
  secondsUntil,
} from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { lockAccount } from '../common/lock-account';
import { isUuid } from '../common/ids';
import type { AuthState, RequestMeta } from '../common/request-context';
import { affectedCount, preparedQueryIn } from '../common/sql';
import { toAccountModel } from '../accounts/dto/to-account';
import { BackupCodesService } from '../backup-codes/backup-codes.service';
import { NoticesService } from '../backup-codes/notices.service';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { SmsCodesService, type CodeCheck } from '../sms-codes/sms-codes.service';
import { toDispatchModel } from '../sms-codes/dto/to-dispatch';
import type { SmsCodeDispatchModel } from '../sms-codes/dto/sms-code-dispatch.type';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { TwoFactorService } from '../two-factor/two-factor.service';
import type { SessionModel } from './dto/session.type';
import { BACKUP_CODE_METHOD_ID, type LoginMethodModel, TwoFactorMethodKind, type TwoFactorChallengeModel } from './dto/two-factor-challenge.type';
import { LoginThrottleService } from './login-throttle.service';
import { TicketsService } from './tickets.service';
import { completeLoginWithSmsStatement } from './complete-login-with-sms.statement';
import { finishPasswordLoginStatement } from './finish-password-login.statement';
import { orderedEventId } from '../security-events/event-id';

const LOGIN_SEND_CONTEXT_SQL = `
SELECT t.id, t.account_id, t.token_hash, t.purpose, t.session_id, t.failed_attempts, t.created_at, t.expires_at, t.consumed_at,
       a.locale, a.second_factor_blocked_until,
       m.id AS m_id, m.phone_number AS m_phone_number, m.masked_phone_number AS m_masked_phone_number, m.country_code AS m_country_code,
       m.description AS m_description, m.status AS m_status, m.is_default AS m_is_default, m.failed_attempts AS m_failed_attempts,
       m.created_at AS m_created_at, m.verified_at AS m_verified_at, m.last_used_at AS m_last_used_at
  FROM login_ticket t
  JOIN account a ON a.id = t.account_id
  LEFT JOIN sms_method m ON m.id = $2::uuid AND m.account_id = t.account_id
 WHERE t.token_hash = $1
   FOR UPDATE OF t`;

interface LoginSendRow {
  id: string;
  account_id: string;
  token_hash: Buffer;
  purpose: LoginTicketEntity['purpose'];
  session_id: string | null;
  failed_attempts: number;
  created_at: Date;
  expires_at: Date;
  consumed_at: Date | null;
  locale: string;
  second_factor_blocked_until: Date | null;
  m_id: string | null;
  m_phone_number: string;
  m_masked_phone_number: string;
  m_country_code: string;
  m_description: string | null;
  m_status: SmsMethodEntity['status'];
  m_is_default: boolean;
  m_failed_attempts: number;
  m_created_at: Date;
  m_verified_at: Date | null;
  m_last_used_at: Date | null;
}

type SecondFactorOutcome =
  | { kind: 'ok'; session: SessionModel; notices: SmsMessageEntity[] }
  | { kind: 'wrong'; remaining: number }
  | { kind: 'expired' }
  | { kind: 'blocked'; retryAfter: number };

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tickets: TicketsService,
    private readonly throttle: LoginThrottleService,
    private readonly events: SecurityEventsService,
    private readonly twoFactor: TwoFactorService,
    private readonly smsCodes: SmsCodesService,
    private readonly backupCodes: BackupCodesService,
    private readonly notices: NoticesService,
    private readonly outbox: SmsOutboxService,
  ) {}

  async signUp(input: { email: string; password: string; name: string }, meta: RequestMeta, acceptLanguage: string | undefined): Promise<SessionModel> {
    const fields: Record<string, string> = {};
    const emailIssue = emailProblem(input.email);
    if (emailIssue) fields['email'] = emailIssue;
    const passwordIssue = passwordProblem(input.password);
    if (passwordIssue) fields['password'] = passwordIssue;
    const name = cleanText(input.name, NAME_MAX_LENGTH);
    if (!name.ok) fields['name'] = name.message;
    else if (!name.value) fields['name'] = 'Enter your name.';
    if (Object.keys(fields).length > 0) throw Errors.badInput(fields);

    const emailNormalized = normalizeEmail(input.email);
    if (await this.db.manager.exists(AccountEntity, { where: { emailNormalized } })) throw Errors.emailTaken();
    const passwordHash = await this.hasher.hashPassword(input.password);
    const now = this.clock.now();
    try {
      return await this.db.transaction(async (em) => {
        const account = em.create(AccountEntity, {
          id: randomUUID(),
          email: input.email.trim(),
          emailNormalized,
          name: name.ok ? (name.value as string) : '',
          passwordHash,
          locale: pickLocale(acceptLanguage),
          secondFactorBlockedUntil: null,
          createdAt: now,
        });
        await em.insert(AccountEntity, account);
        await this.events.record(em, account.id, 'ACCOUNT_CREATED', meta, now);
        const { token, session } = await this.sessions.create(em, account.id, meta, now, false);
        return { token, expiresAt: session.expiresAt, account: toAccountModel(account) };
      });
    } catch (err) {
      // Two sign-ups with one email at the same instant: the unique index decides.
      if (err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '23505') throw Errors.emailTaken();
      throw err;
    }
  }

  async login(input: { email: string; password: string }, meta: RequestMeta): Promise<SessionModel | TwoFactorChallengeModel> {
    if (typeof input.email !== 'string' || input.email.trim() === '' || input.email.length > 1000) throw Errors.badInput({ email: 'Enter your email address.' });
    // Before any SQL: a NUL or a lone surrogate cannot be in a registered email, and PostgreSQL would refuse it mid-script.
    if (!isCleanText(input.email.trim())) throw Errors.badInput({ email: 'Enter a valid email address.' });
    if (input.password === '' || input.password.length > 4096) throw Errors.badInput({ password: 'Enter your password.' });
    const emailNormalized = normalizeEmail(input.email);
    const now = this.clock.now();
    // The try is counted before hashing (a right password gives the count back below), and the
    // account read in the same round trip.
    const { retryAfter, attemptId, also } = await this.throttle.reserve(
      emailNormalized,
      meta.ip,
      now,
      (literal) => `SELECT id, email, name, created_at, password_hash FROM account WHERE email_normalized = ${literal(emailNormalized)}`,
    );
    if (retryAfter > 0 || !attemptId) {
      // Refused before any hashing, yet answered in a wrong password's typical time: no timing tell.
      await this.hasher.padRefusedBeforeHashing();
      throw Errors.rateLimited(retryAfter, 'Too many failed sign-ins for this email.');
    }

    const started = performance.now();
    const row = also[0] as { id: string; email: string; name: string; created_at: Date; password_hash: string } | undefined;
    const account = row && { id: row.id, email: row.email, name: row.name, createdAt: row.created_at, passwordHash: row.password_hash };
    const ok = account ? await this.hasher.verifyPassword(account.passwordHash, input.password) : await this.hasher.dummyVerify(input.password);
    if (!account || !ok) {
      if (account) {
        const recording = performance.now();
        await this.events.record(null, account.id, 'LOGIN_FAILED', meta, now, 'wrong password');
        this.hasher.recordFailedCheck(performance.now() - started, performance.now() - recording);
      } else {
        // No event to record for an unknown email: wait as long as that write takes.
        await this.hasher.padUnknownEmail();
      }
      throw Errors.invalidCredentials();
    }
    const { token, ...session } = this.sessions.mint(now);
    const finished = await finishPasswordLoginStatement(this.db, {
      attemptId,
      accountId: account.id,
      session,
      now,
      ip: meta.ip,
      userAgent: meta.userAgent,
      eventId: orderedEventId(now),
    });
    if (!finished.twoFactor) return { token, expiresAt: finished.expiresAt, account: toAccountModel(account) };
    return this.db.transaction(async (em) => {
      const { ticket, entity } = await this.tickets.create(em, account.id, 'LOGIN', null, now);
      return this.challenge(em, account.id, ticket, entity);
    });
  }

  async logout(auth: AuthState, meta: RequestMeta): Promise<boolean> {
    const now = this.clock.now();
    const revoked = await this.sessions.revoke(auth.session.id, now);
    if (revoked) await this.events.record(null, auth.account.id, 'SESSION_REVOKED', meta, now, 'logout');
    return revoked;
  }

  /** Sudo mode: the password again, then (2FA on) a second factor on a REAUTH ticket bound to this session. */
  async reauthenticate(auth: AuthState, password: string, meta: RequestMeta): Promise<SessionModel | TwoFactorChallengeModel> {
    if (!password || password.length > 4096) throw Errors.badInput({ password: 'Enter your password.' });
    const now = this.clock.now();
    const account = await this.db.manager.findOneOrFail(AccountEntity, { where: { id: auth.account.id } });
    const { retryAfter, attemptId } = await this.throttle.reserve(account.emailNormalized, meta.ip, now);
    if (retryAfter > 0 || !attemptId) throw Errors.rateLimited(retryAfter, 'Too many failed password attempts.');
    if (!(await this.hasher.verifyPassword(account.passwordHash, password))) {
      await this.events.record(null, account.id, 'LOGIN_FAILED', meta, now, 'wrong password (re-authentication)');
      throw Errors.invalidCredentials();
    }
    return this.db.transaction(async (em) => {
      await this.throttle.release(em, attemptId);
      if (await this.twoFactor.isEnabled(em, account.id)) {
        const { ticket, entity } = await this.tickets.create(em, account.id, 'REAUTH', auth.session.id, now);
        return this.challenge(em, account.id, ticket, entity);
      }
      await this.sessions.markAuthenticated(em, auth.session.id, now);
      await this.events.record(em, account.id, 'REAUTHENTICATED', meta, now, 'password');
      return { token: auth.token, expiresAt: auth.session.expiresAt, account: toAccountModel(account) };
    });
  }

  async sendLoginSmsCode(ticket: string, methodId: string, meta: RequestMeta, auth: AuthState | null): Promise<SmsCodeDispatchModel> {
    const now = this.clock.now();
    const issued = await this.db.transaction(async (em) => {
      const { t, locale, method } = await this.loginSendContext(em, ticket, methodId, now);
      // A re-authentication ticket sends codes only for the session it belongs to, as it completes only with it.
      if (t.purpose === 'REAUTH' && auth?.session.id !== t.sessionId) throw Errors.ticketExpired();
      return this.smsCodes.issue(em, { method, purpose: 'LOGIN', ticket: t, locale, clientIp: meta.ip, requestId: meta.requestId }, now);
    });
    await this.outbox.enqueue([issued.message]);
    return toDispatchModel(issued.message, issued.resendAvailableAt);
  }

  /**
   * The live ticket (locked), its account's locale and the enabled method a login code goes to,
   * read in one prepared statement; the same errors, in the same order, as reading them one by one.
   */
  private async loginSendContext(em: EntityManager, ticket: string, methodId: string, now: Date): Promise<{ t: LoginTicketEntity; locale: string; method: SmsMethodEntity }> {
    if (!TicketsService.looksLikeTicket(ticket)) throw Errors.ticketExpired();
    const [r] = await preparedQueryIn<LoginSendRow>(em, 'login-send-context', LOGIN_SEND_CONTEXT_SQL, [hashOpaqueToken(ticket), isUuid(methodId) ? methodId : null]);
    const t = this.tickets.assertLive(
      r
        ? Object.assign(new LoginTicketEntity(), {
            id: r.id,
            accountId: r.account_id,
            tokenHash: r.token_hash,
            purpose: r.purpose,
            sessionId: r.session_id,
            failedAttempts: r.failed_attempts,
            createdAt: r.created_at,
            expiresAt: r.expires_at,
            consumedAt: r.consumed_at,
          })
        : null,
      now,
    );
    const row = r as LoginSendRow; // assertLive threw when there was no row
    this.assertNotBlocked({ secondFactorBlockedUntil: row.second_factor_blocked_until }, now);
    const method = enabledOrThrow(
      row.m_id
        ? Object.assign(new SmsMethodEntity(), {
            id: row.m_id,
            accountId: row.account_id,
            phoneNumber: row.m_phone_number,
            maskedPhoneNumber: row.m_masked_phone_number,
            countryCode: row.m_country_code,
            description: row.m_description,
            status: row.m_status,
            isDefault: row.m_is_default,
            failedAttempts: row.m_failed_attempts,
            createdAt: row.m_created_at,
            verifiedAt: row.m_verified_at,
            lastUsedAt: row.m_last_used_at,
          })
        : null,
    );
    return { t, locale: row.locale, method };
  }

  async completeWithSms(ticket: string, methodId: string, code: string, meta: RequestMeta, auth: AuthState | null): Promise<SessionModel> {
    const normalized = normalizeSmsCode(code);
    if (!normalized) throw Errors.badInput({ code: 'Enter the 6-digit code.' });
    // One instant for the whole request: the fast path, the locked path and the code check judge
    // the guess at the same time, so a guess compared before expiry is always counted.
    const now = this.clock.now();
    const done = await this.completeLoginWithSmsAtOnce(ticket, methodId, normalized, meta, now);
    if (done) return done;
    return this.completeSecondFactor(ticket, meta, auth, now, async (em, t) => {
      const method = await this.enabledMethodOf(em, t.accountId, methodId);
      const result = await this.smsCodes.check(em, { methodId: method.id, purpose: 'LOGIN', ticket: t, code: normalized }, now);
      if (result === 'ok') await em.update(SmsMethodEntity, { id: method.id }, { lastUsedAt: now });
      return { result, detail: `SMS to ${maskPhoneNumber(method.phoneNumber)}` };
    });
  }

  /** The success path in one statement (see the statement's comment); null sends the caller down the locked path. */
  private async completeLoginWithSmsAtOnce(ticket: string, methodId: string, code: string, meta: RequestMeta, now: Date): Promise<SessionModel | null> {
    if (!isUuid(methodId) || !TicketsService.looksLikeTicket(ticket)) return null;
    const ticketTokenHash = hashOpaqueToken(ticket);
    const { token, ...session } = this.sessions.mint(now);
    const row = await completeLoginWithSmsStatement(this.db, {
      ticketTokenHash,
      methodId,
      candidateHmac: this.smsCodes.codeHmac('LOGIN', methodId, { tokenHash: ticketTokenHash }, code),
      now,
      maxTicketFailures: this.config.limits.codeAttempts,
      session,
      ip: meta.ip,
      userAgent: meta.userAgent,
      eventId: orderedEventId(now),
    });
    if (!row) return null;
    return { token, expiresAt: row.expires_at, account: toAccountModel({ id: row.id, email: row.email, name: row.name, createdAt: row.created_at }) };
  }

  async completeWithBackupCode(ticket: string, code: string, meta: RequestMeta, auth: AuthState | null): Promise<SessionModel> {
    const normalized = normalizeBackupCode(code);
    if (!normalized) throw Errors.badInput({ code: 'Enter an emergency code like XXXX-XXXX-XXXX-XXXX.' });
    const now = this.clock.now();
    return this.completeSecondFactor(ticket, meta, auth, now, async (em, t) => {
      const ok = await this.backupCodes.consume(em, t.accountId, normalized, now);
      return { result: ok ? 'ok' : 'wrong', detail: 'emergency code', backupCodeUsed: ok };
    });
  }

  /**
   * The shared second-factor step. The ticket row is locked for the whole check, so parallel
   * tries on one ticket are counted one by one and at most one of them can succeed. Failures
   * are committed before the error is answered.
   */
  private async completeSecondFactor(
    ticket: string,
    meta: RequestMeta,
    auth: AuthState | null,
    now: Date,
    verify: (em: EntityManager, t: LoginTicketEntity) => Promise<{ result: CodeCheck; detail: string; backupCodeUsed?: boolean }>,
  ): Promise<SessionModel> {
    const outcome = await this.db.transaction(async (em): Promise<SecondFactorOutcome> => {
      const t = await this.tickets.live(em, ticket, now, true);
      if (t.purpose === 'REAUTH' && auth?.session.id !== t.sessionId) throw Errors.ticketExpired();
      const account = await lockAccount(em, t.accountId);
      const blocked = this.blockedFor(account, now);
      if (blocked > 0) return { kind: 'blocked', retryAfter: blocked };

      const { result, detail, backupCodeUsed } = await verify(em, t);
      if (result === 'expired') return { kind: 'expired' };
      if (result === 'wrong') return { kind: 'wrong', remaining: await this.recordSecondFactorFailure(em, t, account, meta, now, detail) };

      const consumed = await em.query(`UPDATE login_ticket SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL`, [t.id, now]);
      if (affectedCount(consumed) !== 1) throw Errors.ticketExpired();
      let notices: SmsMessageEntity[] = [];
      if (backupCodeUsed) {
        await this.events.record(em, account.id, 'BACKUP_CODE_USED', meta, now);
        notices = await this.notices.queue(em, { accountId: account.id, locale: account.locale, kind: 'BACKUP_CODE_USED', meta }, now);
      }
      if (t.purpose === 'REAUTH' && auth) {
        await this.sessions.markAuthenticated(em, auth.session.id, now, true);
        await this.events.record(em, account.id, 'REAUTHENTICATED', meta, now, detail);
        return { kind: 'ok', session: { token: auth.token, expiresAt: auth.session.expiresAt, account: toAccountModel(account) }, notices };
      }
      const { token, session } = await this.sessions.create(em, account.id, meta, now, true);
      await this.events.record(em, account.id, 'LOGIN_SUCCEEDED', meta, now, detail);
      return { kind: 'ok', session: sessionModel(token, session, account), notices };
    });

    switch (outcome.kind) {
      case 'ok':
        await this.outbox.enqueue(outcome.notices);
        return outcome.session;
      case 'wrong':
        throw Errors.invalidCode(outcome.remaining);
      case 'expired':
        throw Errors.codeExpired();
      case 'blocked':
        throw Errors.tooManyAttempts(outcome.retryAfter, 'Too many failed second-factor attempts on this account.');
    }
  }

  /** Counts a failure on the ticket and the account; returns the tries left on the ticket. */
  private async recordSecondFactorFailure(em: EntityManager, t: LoginTicketEntity, account: AccountEntity, meta: RequestMeta, now: Date, detail: string): Promise<number> {
    await em.query(`UPDATE login_ticket SET failed_attempts = failed_attempts + 1 WHERE id = $1`, [t.id]);
    await this.events.record(em, account.id, 'SECOND_FACTOR_FAILED', meta, now, detail);
    const { secondFactorFailures, secondFactorWindowSeconds, secondFactorBlockSeconds } = this.config.limits;
    const rows: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM security_event WHERE account_id = $1 AND type = 'SECOND_FACTOR_FAILED' AND created_at > $2`,
      [account.id, addSeconds(now, -secondFactorWindowSeconds)],
    );
    if ((rows[0]?.n ?? 0) >= secondFactorFailures) {
      await em.update(AccountEntity, { id: account.id }, { secondFactorBlockedUntil: addSeconds(now, secondFactorBlockSeconds) });
    }
    return Math.max(0, this.config.limits.codeAttempts - (t.failedAttempts + 1));
  }

  private blockedFor(account: Pick<AccountEntity, 'secondFactorBlockedUntil'>, now: Date): number {
    return account.secondFactorBlockedUntil ? secondsUntil(account.secondFactorBlockedUntil, now) : 0;
  }

  /** TOO_MANY_ATTEMPTS while the account's second factor is blocked. */
  private assertNotBlocked(account: Pick<AccountEntity, 'secondFactorBlockedUntil'>, now: Date): void {
    const blocked = this.blockedFor(account, now);
    if (blocked > 0) throw Errors.tooManyAttempts(blocked, 'Too many failed second-factor attempts on this account.');
  }

  private async enabledMethodOf(em: EntityManager, accountId: string, methodId: string): Promise<SmsMethodEntity> {
    return enabledOrThrow(isUuid(methodId) ? await em.findOne(SmsMethodEntity, { where: { id: methodId, accountId } }) : null);
  }

  /** The TwoFactorChallenge for a ticket: every enabled number, default first, then emergency codes while some remain. */
  async challenge(em: EntityManager, accountId: string, ticket: string, entity: LoginTicketEntity): Promise<TwoFactorChallengeModel> {
    const numbers = await this.twoFactor.enabledMethods(em, accountId);
    const backup = await this.twoFactor.backupCodes(em, accountId);
    const sorted = [...numbers.filter((m) => m.isDefault), ...numbers.filter((m) => !m.isDefault)];
    const methods: LoginMethodModel[] = sorted.map((m) => {
      const masked = maskPhoneNumber(m.phoneNumber);
      return { id: m.id, kind: TwoFactorMethodKind.SMS, label: `SMS to ${masked}${m.description ? ` (${m.description})` : ''}`, maskedPhoneNumber: masked, description: m.description };
    });
    if (backup.remaining > 0) {
      methods.push({ id: BACKUP_CODE_METHOD_ID, kind: TwoFactorMethodKind.BACKUP_CODE, label: 'Emergency code', maskedPhoneNumber: null, description: null });
    }
    return { ticket, expiresAt: entity.expiresAt, defaultMethod: methods[0], methods };
  }
}

/** NOT_FOUND for no method (or another account's), METHOD_NOT_ENABLED for a pending one. */
function enabledOrThrow(method: SmsMethodEntity | null): SmsMethodEntity {
  if (!method) throw Errors.notFound('Method');
  if (method.status !== 'ENABLED') throw Errors.methodNotEnabled();
  return method;
}

function sessionModel(token: string, session: SessionEntity, account: AccountEntity): SessionModel {
  return { token, expiresAt: session.expiresAt, account: toAccountModel(account) };
}
