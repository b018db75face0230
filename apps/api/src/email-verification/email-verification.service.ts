import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { addSeconds, isOpaqueTokenShape, isSmsLocale } from '@twofold/two-factor-domain';
import { Clock } from '../common/clock';
import { appError, Errors } from '../common/errors';
import type { AuthState, RequestMeta } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EmailOutboxService, type EmailAddResult } from '../email-outbox/email-outbox.service';
import { EmailVerificationStore } from './email-verification.store';
import { ErrorCode } from '@twofold/error-codes';

/** The account a verification link is for. */
export interface VerificationTarget {
  id: string;
  email: string;
  emailNormalized: string;
  name: string;
  locale: string;
}

export const hashVerificationToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * Verified e-mail: a 256-bit single-use link (only its SHA-256 stored, EMAIL_VERIFICATION_TTL_SECONDS),
 * sent through the e-mail outbox, so within the e-mail budgets. The token travels sealed (outbox
 * row, job) and is rendered into `${WEB_ORIGIN}/verify-email?token=…` by the worker.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly outbox: EmailOutboxService,
    private readonly store: EmailVerificationStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * In the caller's unit of work (EmailOutboxService.inTransaction): a new link, replacing the
   * account's unused ones, and its e-mail. Nothing is written when a budget refuses the e-mail.
   */
  async issue(em: EntityManager, account: VerificationTarget, clientIp: string | null, now: Date): Promise<EmailAddResult> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = addSeconds(now, this.config.mail.verificationTtlSeconds);
    const locale = isSmsLocale(account.locale) ? account.locale : 'en';
    const sent = await this.outbox.add(
      em,
      { accountId: account.id, to: account.email, template: 'VERIFY_EMAIL', locale, data: { name: account.name, token, expiresAt: expiresAt.toISOString() }, clientIp },
      now,
    );
    if (sent.queued) {
      await this.store.replace(em, { id: randomUUID(), accountId: account.id, tokenHash: hashVerificationToken(token), emailNormalized: account.emailNormalized, expiresAt }, now);
    }
    return sent;
  }

  /** `resendVerificationEmail`: false when the address is already verified (nothing sent). */
  async resend(auth: AuthState, meta: RequestMeta): Promise<boolean> {
    if (await this.store.isVerified(auth.account.id)) return false;
    const now = this.clock.now();
    const sent = await this.outbox.inTransaction((em) => this.issue(em, auth.account, meta.ip, now));
    if (!sent.queued) {
      const message = { account: 'Too many e-mails for this account.', ip: 'Too many e-mails requested from this network.', global: 'Too many e-mails are being sent right now.' }[sent.budget];
      throw Errors.rateLimited(sent.retryAfterSeconds, message);
    }
    return true;
  }

  /** `verifyEmail`: spends a live link of the account's current address. */
  async verify(token: string): Promise<boolean> {
    const invalid = () => appError(ErrorCode.BAD_USER_INPUT, 'This link is not valid or was already used.', { fields: { token: 'Not valid or already used.' } });
    if (!isOpaqueTokenShape(token)) throw invalid();
    const now = this.clock.now();
    return this.outbox.inTransaction(async (em) => {
      const row = await this.store.lockByHash(em, hashVerificationToken(token));
      if (!row || row.used_at || row.account_email_normalized !== row.email_normalized) throw invalid();
      if (new Date(row.expires_at).getTime() <= now.getTime()) throw appError(ErrorCode.CODE_EXPIRED, 'This link has expired: ask for a new one.');
      await this.store.spend(em, row.id, row.account_id, now);
      return true;
    });
  }

  isVerified(accountId: string): Promise<boolean> {
    return this.store.isVerified(accountId);
  }
}
