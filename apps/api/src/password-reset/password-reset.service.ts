import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { addSeconds, generateOpaqueToken, hashOpaqueToken, isCleanText, isOpaqueTokenShape, isSmsLocale, normalizeEmail, passwordProblem } from '@twofold/two-factor-domain';
import { ErrorCode } from '@twofold/error-codes';
import { Clock } from '../common/clock';
import { appError, Errors } from '../common/errors';
import { lockAccount } from '../common/lock-account';
import type { RequestMeta } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EmailOutboxService } from '../email-outbox/email-outbox.service';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { NoticesService } from '../sms-outbox/notices.service';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { TrustedDevicesService } from '../trusted-devices/trusted-devices.service';
import { PasswordResetStore } from './password-reset.store';
import { BackgroundQueue } from './utils/background-queue.util';

/** How long a reset link works (issue 13: 15 minutes). */
export const PASSWORD_RESET_TTL_SECONDS = 900;
/** Reset requests waiting for their work in one process; a flood beyond it is dropped (and logged). */
const WAITING_MAX = 1000;
const HOUR = 3600;

interface ResetRequest {
  emailNormalized: string;
  meta: RequestMeta;
  now: Date;
}

/**
 * Forgotten password: `requestPasswordReset` e-mails a single-use link (256-bit token, only its
 * SHA-256 stored, 15 minutes) and `resetPassword` spends it.
 *
 * No enumeration: the request answers `true` as soon as the input has the shape of an address,
 * before anything is looked up; the lookup, the budgets and the e-mail run after the answer (one
 * request at a time per process), so neither the answer nor its time depends on whether the
 * address has an account, is verified or is over a budget. Reset e-mails have their own
 * per-account budget (PASSWORD_RESET_EMAILS_PER_ACCOUNT_PER_HOUR), so a stranger cannot spend the
 * account's own EMAIL_PER_ACCOUNT_PER_HOUR; they pass the per-IP and global e-mail budgets too.
 */
@Injectable()
export class PasswordResetService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('PasswordReset');
  private readonly requests = new BackgroundQueue<ResetRequest>(WAITING_MAX, (r) => this.send(r), (err) => this.logger.error(`reset request failed: ${(err as Error).message}`));

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: PasswordResetStore,
    private readonly email: EmailOutboxService,
    private readonly sms: SmsOutboxService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly devices: TrustedDevicesService,
    private readonly events: SecurityEventsService,
    private readonly notices: NoticesService,
  ) {}

  /** Before the database and the e-mail queue close (their onApplicationShutdown): the accepted requests are handled. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /** Resolves once every accepted request has been handled (tests; shutdown). */
  settled(): Promise<void> {
    return this.requests.idle();
  }

  /** `requestPasswordReset`: true for any address-shaped input, whatever happens after. */
  request(email: string, meta: RequestMeta): boolean {
    if (typeof email !== 'string' || email.trim() === '' || email.length > 1000 || !isCleanText(email.trim())) {
      throw Errors.badInput({ email: 'Enter your email address.' });
    }
    const now = this.clock.now();
    if (!this.requests.push({ emailNormalized: normalizeEmail(email), meta, now })) {
      this.logger.warn({ msg: 'password reset request dropped: too many waiting in this process', requestId: meta.requestId });
    }
    return true;
  }

  /** After the answer: the link and its e-mail for an existing account, within the budgets. */
  private async send({ emailNormalized, meta, now }: ResetRequest): Promise<void> {
    const account = await this.store.accountByEmail(emailNormalized);
    if (!account) return;
    const token = generateOpaqueToken();
    const expiresAt = addSeconds(now, PASSWORD_RESET_TTL_SECONDS);
    const locale = isSmsLocale(account.locale) ? account.locale : 'en';
    const sent = await this.email.inTransaction(async (em) => {
      const r = await this.email.add(em, { accountId: account.id, to: account.email, template: 'PASSWORD_RESET', locale, data: { name: account.name, token, expiresAt: expiresAt.toISOString() }, clientIp: meta.ip }, now);
      if (r.queued) {
        await this.store.insert(em, { id: randomUUID(), accountId: account.id, tokenHash: hashOpaqueToken(token), expiresAt }, now);
        await this.events.record(em, account.id, 'PASSWORD_RESET_REQUESTED', meta, now, 'reset link e-mailed');
      }
      return r;
    });
    if (sent.queued) return;
    this.logger.warn({ msg: `password reset e-mail for account ${account.id} not sent: ${sent.budget} budget reached`, requestId: meta.requestId });
    // One event per hour at most, however long a stranger's flood lasts.
    if (!(await this.store.refusalRecordedSince(account.id, addSeconds(now, -HOUR)))) {
      await this.events.record(null, account.id, 'PASSWORD_RESET_REQUESTED', meta, now, `no e-mail sent: ${sent.budget} limit reached`);
    }
  }

  /**
   * `resetPassword`: the link is spent by the statement that checks it (INVALID_TOKEN when unknown,
   * used or expired), the password set, every session ended, every remembered device forgotten (a
   * link stands in for the password, never for the second factor), an event and the notices. No
   * session is returned: the next login asks for the second factor as always.
   */
  async reset(input: { token: string; newPassword: string }, meta: RequestMeta): Promise<boolean> {
    const now = this.clock.now();
    if (!isOpaqueTokenShape(input.token)) throw invalidToken();
    const tokenHash = hashOpaqueToken(input.token);
    // A read that decides nothing: a dead link is refused before any hashing.
    const accountId = await this.store.liveAccount(tokenHash, now);
    if (!accountId) throw invalidToken();
    const problem = passwordProblem(input.newPassword ?? '');
    if (problem) throw Errors.badInput({ newPassword: problem });
    const passwordHash = await this.hasher.hashPassword(input.newPassword);
    return this.sms.inTransaction(async (em) => {
      // The account lock first, then the link (the order of a password change, which drops links under that lock).
      const account = await lockAccount(em, accountId);
      if ((await this.store.consume(em, tokenHash, now)) !== accountId) throw invalidToken();
      await this.store.setPasswordHash(em, accountId, passwordHash, null);
      await this.forgetOldPassword(em, accountId, now);
      const ended = await this.sessions.revokeOthersOf(em, accountId, null, now);
      await this.devices.forgetAllOf(em, accountId, meta, now, 'forgotten: password reset');
      await this.events.record(em, accountId, 'PASSWORD_RESET', meta, now, ended > 0 ? `by e-mail link; ${ended} session(s) ended` : 'by e-mail link');
      await this.notices.queue(em, { accountId, locale: account.locale, kind: 'PASSWORD_RESET', meta }, now);
      return true;
    });
  }

  /**
   * In the caller's transaction, the password just changed: the account's unused reset links go,
   * and its pending second-factor tickets (opened with the old password) end. Before the sessions
   * are ended, so a sign-in completing meanwhile either ends with them or finds its ticket spent.
   */
  async forgetOldPassword(em: EntityManager, accountId: string, now: Date): Promise<void> {
    await this.store.dropUnused(em, accountId);
    await this.store.endPendingTickets(em, accountId, now);
  }

  /** In the caller's transaction: the new hash, only while the stored one is still `expectedHash`. */
  setPasswordHash(em: EntityManager, accountId: string, passwordHash: string, expectedHash: string): Promise<boolean> {
    return this.store.setPasswordHash(em, accountId, passwordHash, expectedHash);
  }
}

const invalidToken = () => appError(ErrorCode.INVALID_TOKEN, 'This link is not valid, has expired or was already used: ask for a new one.');
