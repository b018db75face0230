import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ErrorCode } from '@twofold/error-codes';
import { addSeconds, generateOpaqueToken, hashOpaqueToken, isOpaqueTokenShape, isSmsLocale } from '@twofold/two-factor-domain';
import { toAccountModel } from '../accounts/dto/to-account';
import { Clock } from '../common/clock';
import { appError, Errors } from '../common/errors';
import { lockAccount } from '../common/lock-account';
import type { RequestMeta } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EmailOutboxService } from '../email-outbox/email-outbox.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import type { SessionModel } from '../sessions/dto/session.type';
import { SessionsService } from '../sessions/sessions.service';
import { NoticesService } from '../sms-outbox/notices.service';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { TwoFactorMethodsService } from '../two-factor-methods/two-factor-methods.service';
import { AccountRecoveryStatus, type AccountRecoveryStateModel } from './dto/account-recovery-state.type';
import type { AccountRecoveryModel } from './dto/account-recovery.type';
import { AccountRecoveryStore, type RecoveryTicketRow } from './account-recovery.store';

/** After RECOVERY_DELAY_SECONDS, how long the password plus the link may still complete the recovery. */
const COMPLETION_WINDOW_SECONDS = 7 * 86400;

const invalidLink = () => appError(ErrorCode.BAD_USER_INPUT, 'This recovery link is not valid, has expired or was already used.', { fields: { token: 'Not valid, expired or already used.' } });

type Completion = { kind: 'ok'; session: SessionModel } | { kind: 'cancelled' };

/**
 * Lost every factor (issue 13 part 5): after the password step, a recovery link is e-mailed to the
 * account's verified address; its first use starts RECOVERY_DELAY_SECONDS of waiting, told to every
 * number and the address (RECOVERY_STARTED, the e-mail with its "This wasn't me" link, which
 * cancels). Any successful second factor in the meantime cancels it. After the delay, the password
 * (a fresh ticket) plus the same link turn 2FA off (methods, emergency codes, remembered devices)
 * and sign in. One clock per request; every decision under the locks of the rows it changes.
 */
@Injectable()
export class AccountRecoveryService {
  constructor(
    private readonly outbox: SmsOutboxService,
    private readonly email: EmailOutboxService,
    private readonly store: AccountRecoveryStore,
    private readonly notices: NoticesService,
    private readonly events: SecurityEventsService,
    private readonly sessions: SessionsService,
    private readonly twoFactor: TwoFactorService,
    private readonly methods: TwoFactorMethodsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `startAccountRecovery`: e-mails the recovery link; true (also when a recovery is already waiting, nothing sent). */
  async start(ticket: string, meta: RequestMeta): Promise<boolean> {
    const now = this.clock.now();
    const sent = await this.outbox.inTransaction(async (em) => {
      const t = await this.liveTicket(em, ticket, now);
      await lockAccount(em, t.account_id);
      const account = await this.store.account(em, t.account_id);
      if (!account || !(await this.twoFactor.isEnabled(em, t.account_id))) throw Errors.ticketExpired();
      if (!account.verified) throw Errors.forbidden('Recovery needs a confirmed e-mail address, and this account has none: contact support.');
      if (await this.store.replaceRequested(em, t.account_id, now)) return { queued: true as const };
      const token = generateOpaqueToken();
      const expiresAt = addSeconds(now, this.config.mail.recoveryLinkTtlSeconds);
      const locale = isSmsLocale(account.locale) ? account.locale : 'en';
      const mail = await this.email.add(em, { accountId: t.account_id, to: account.email, template: 'ACCOUNT_RECOVERY', locale, data: { name: account.name, token, expiresAt: expiresAt.toISOString() }, clientIp: meta.ip }, now);
      if (!mail.queued) return mail;
      await this.store.insert(em, { id: randomUUID(), accountId: t.account_id, tokenHash: hashOpaqueToken(token), expiresAt }, now);
      await this.events.record(em, t.account_id, 'RECOVERY_REQUESTED', meta, now, 'recovery link e-mailed');
      return mail;
    });
    if (!sent.queued) throw Errors.rateLimited(sent.retryAfterSeconds, 'Too many e-mails for this account.');
    return true;
  }

  /** `confirmAccountRecovery`: the link's first use starts the waiting period and tells every method and the address. */
  async confirm(token: string, meta: RequestMeta): Promise<AccountRecoveryModel> {
    if (!isOpaqueTokenShape(token)) throw invalidLink();
    const now = this.clock.now();
    return this.outbox.inTransaction(async (em) => {
      // The account lock first, then the recovery row (the order of every change here: no deadlock).
      const tokenHash = hashOpaqueToken(token);
      const accountId = await this.store.accountOf(em, tokenHash);
      if (!accountId) throw invalidLink();
      const account = await lockAccount(em, accountId);
      const readyAt = addSeconds(now, this.config.mail.recoveryDelaySeconds);
      const r = await this.store.confirm(em, tokenHash, now, readyAt, addSeconds(readyAt, COMPLETION_WINDOW_SECONDS));
      if (!r) throw invalidLink();
      await this.events.record(em, r.account_id, 'RECOVERY_STARTED', meta, now, `2FA removable from ${r.ready_at.toISOString()}`);
      await this.notices.queue(em, { accountId: r.account_id, locale: account.locale, kind: 'RECOVERY_STARTED', meta }, now);
      return { readyAt: r.ready_at };
    });
  }

  /**
   * `accountRecovery`: where the link's recovery stands, for its page (the customer may come back
   * days later with the same link). Reads only: the link is not spent, and a WAITING recovery a
   * second factor cancelled reads CANCELLED (the state `complete` would record). An unknown link
   * answers as confirm does.
   */
  async state(token: string): Promise<AccountRecoveryStateModel> {
    if (!isOpaqueTokenShape(token)) throw invalidLink();
    const now = this.clock.now().getTime();
    const r = await this.store.stateByHash(hashOpaqueToken(token));
    if (!r) throw invalidLink();
    const open = r.status === 'REQUESTED' || r.status === 'WAITING';
    const status =
      open && r.expires_at.getTime() <= now
        ? AccountRecoveryStatus.EXPIRED
        : r.second_factor_used
          ? AccountRecoveryStatus.CANCELLED
          : r.status === 'WAITING' && r.ready_at && r.ready_at.getTime() <= now
            ? AccountRecoveryStatus.READY
            : AccountRecoveryStatus[r.status];
    return { status, readyAt: r.ready_at, delaySeconds: this.config.mail.recoveryDelaySeconds, locale: isSmsLocale(r.locale) ? r.locale : 'en' };
  }

  /** `completeAccountRecovery`: after the delay, a fresh password step plus the same link turn 2FA off and sign in. */
  async complete(ticket: string, token: string, meta: RequestMeta): Promise<SessionModel> {
    if (!isOpaqueTokenShape(token)) throw invalidLink();
    const now = this.clock.now();
    const outcome = await this.outbox.inTransaction(async (em): Promise<Completion> => {
      // Locks in the order of the second-factor steps: the ticket, the account, then the recovery row.
      const t = await this.liveTicket(em, ticket, now);
      const account = await lockAccount(em, t.account_id);
      const r = await this.store.lockByHash(em, hashOpaqueToken(token));
      if (!r || r.account_id !== t.account_id || r.status !== 'WAITING' || r.expires_at.getTime() <= now.getTime() || !r.ready_at || !r.confirmed_at) throw invalidLink();
      if (r.ready_at.getTime() > now.getTime()) {
        throw appError(ErrorCode.BAD_USER_INPUT, `The waiting period is not over: come back after ${r.ready_at.toISOString()}.`, { fields: { token: `Not before ${r.ready_at.toISOString()}.` } });
      }
      if (await this.store.secondFactorSince(em, r.account_id, r.confirmed_at)) {
        // Committed before the answer: the owner still has a factor, so this recovery is over for good.
        await this.store.end(em, r.id, 'CANCELLED', now);
        await this.events.record(em, r.account_id, 'RECOVERY_CANCELLED', meta, now, 'a second factor was used');
        return { kind: 'cancelled' };
      }
      if (!(await this.store.consumeTicket(em, t.id, now))) throw Errors.ticketExpired();
      const off = await this.methods.turnOffIn(em, r.account_id, meta, now, 'forgotten: 2FA turned off');
      if (off.methods > 0) await this.events.record(em, r.account_id, 'TWO_FACTOR_DISABLED', meta, now, `turned off: ${off.methods} method(s) removed`);
      if (off.codes > 0) await this.events.record(em, r.account_id, 'BACKUP_CODES_DELETED', meta, now);
      await this.store.end(em, r.id, 'COMPLETED', now);
      await this.events.record(em, r.account_id, 'RECOVERY_COMPLETED', meta, now, `2FA turned off after the waiting period`);
      await this.notices.queue(em, { accountId: r.account_id, locale: account.locale, kind: 'TWO_FACTOR_DISABLED', targets: off.numbers, meta }, now);
      const { token: sessionToken, session } = await this.sessions.create(em, r.account_id, meta, now, false);
      await this.events.record(em, r.account_id, 'LOGIN_SUCCEEDED', meta, now, 'password and account recovery');
      return { kind: 'ok', session: { token: sessionToken, expiresAt: session.expiresAt, account: toAccountModel(account) } };
    });
    if (outcome.kind === 'cancelled') {
      throw appError(ErrorCode.BAD_USER_INPUT, 'This recovery was cancelled: a second factor of the account was used since it started.', { fields: { token: 'Cancelled.' } });
    }
    return outcome.session;
  }

  /** In the caller's transaction (which holds the account lock): cancels the account's open recoveries, with an event when any. */
  async cancelAllOf(em: EntityManager, accountId: string, meta: RequestMeta, now: Date, reason: string): Promise<number> {
    const n = await this.store.cancelOpen(em, accountId, now);
    if (n > 0) await this.events.record(em, accountId, 'RECOVERY_CANCELLED', meta, now, reason);
    return n;
  }

  /** The password step's live LOGIN ticket, locked; TICKET_EXPIRED otherwise (as the second-factor steps answer). */
  private async liveTicket(em: EntityManager, ticket: string, now: Date): Promise<RecoveryTicketRow> {
    if (!isOpaqueTokenShape(ticket)) throw Errors.ticketExpired();
    const t = await this.store.lockTicket(em, hashOpaqueToken(ticket));
    if (!t || t.purpose !== 'LOGIN' || t.consumed_at || t.expires_at.getTime() <= now.getTime()) throw Errors.ticketExpired();
    if (t.failed_attempts >= this.config.limits.codeAttempts) throw Errors.tooManyAttempts(0, 'Too many wrong codes for this sign-in: start again.');
    return t;
  }
}
