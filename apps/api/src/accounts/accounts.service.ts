import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { AccountEntity } from '@twofold/persistence';
import { cleanText, emailProblem, isSmsLocale, NAME_MAX_LENGTH, normalizeEmail, passwordProblem, pickLocale, SMS_LOCALES } from '@twofold/two-factor-domain';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { EmailOutboxService } from '../email-outbox/email-outbox.service';
import { EmailVerificationService } from '../email-verification/email-verification.service';
import type { AuthState, RequestMeta } from '../common/request-context';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import type { SessionModel } from '../sessions/dto/session.type';
import type { AccountModel } from './dto/account.type';
import { toAccountModel } from './dto/to-account';
import { AccountStore } from './account.store';

/** Accounts: sign-up (the first session, password-only) and the account's own settings. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly outbox: EmailOutboxService,
    private readonly verification: EmailVerificationService,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly events: SecurityEventsService,
    private readonly store: AccountStore,
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
    if (await this.store.emailTaken(emailNormalized)) throw Errors.emailTaken();
    const passwordHash = await this.hasher.hashPassword(input.password);
    const now = this.clock.now();
    try {
      // The verification e-mail and its token hash are written in the sign-up's transaction and
      // handed to the e-mail queue after commit (a global e-mail budget reached: no e-mail, the account is still created).
      return await this.outbox.inTransaction(async (em) => {
        const account = em.create(AccountEntity, {
          id: randomUUID(),
          email: input.email.trim(),
          emailNormalized,
          name: name.ok ? (name.value as string) : '',
          passwordHash,
          locale: pickLocale(acceptLanguage),
          secondFactorBlockedUntil: null,
          twoFactorEpoch: 0,
          createdAt: now,
        });
        await em.insert(AccountEntity, account);
        await this.events.record(em, account.id, 'ACCOUNT_CREATED', meta, now);
        await this.verification.issue(em, account, meta.ip, now);
        const { token, session } = await this.sessions.create(em, account.id, meta, now, false);
        return { token, expiresAt: session.expiresAt, account: toAccountModel(account) };
      });
    } catch (err) {
      // Two sign-ups with one email at the same instant: the unique index decides.
      if (err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '23505') throw Errors.emailTaken();
      throw err;
    }
  }

  /** The account's language (SMS and the web app). Not a sensitive change: no sudo, no security event. */
  async update(auth: AuthState, input: { locale?: string | null }): Promise<AccountModel> {
    const account = { ...auth.account };
    if (input.locale !== undefined && input.locale !== null) {
      if (!isSmsLocale(input.locale)) throw Errors.badInput({ locale: `One of ${SMS_LOCALES.join(', ')}.` });
      if (input.locale !== account.locale) await this.store.setLocale(account.id, input.locale);
      account.locale = input.locale;
    }
    return toAccountModel(account);
  }
}
