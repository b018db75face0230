import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SmsMessageEntity } from '@twofold/persistence';
import { addSeconds, isSmsLocale, maskPhoneNumber, renderNoticeSms, type NoticeKind } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { RequestMeta } from '../common/request-context';
import { EmailNoticesService } from '../email-notices/email-notices.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { SmsMessageStore } from './sms-message.store';
import { SmsOutboxService } from './sms-outbox.service';

const HOUR = 3600;

/** Where a notice goes: a number of the account (the row may be gone already, as when 2FA turns off). */
export interface NoticeTarget {
  id: string;
  phoneNumber: string;
}

/**
 * Security notices: a short SMS (never a code) to the account's enabled numbers other than the
 * one concerned, so a change made by someone else shows up on an independent channel, and one
 * e-mail to the account's address with a "This wasn't me" link (EmailNoticesService, its own
 * budget), so an account with a single number, or none, hears of every change too.
 *
 * Notices are budgeted like every SMS: SMS_NOTICES_PER_ACCOUNT_PER_HOUR per account, and they
 * count toward (and stop at) the global hourly budget. Beyond a budget the change still happens,
 * the notices are not sent, and a SMS_SEND_BLOCKED event and a log line say so. They go to the
 * queue behind every code (a lower BullMQ priority), so a flood of notices never delays a code.
 */
@Injectable()
export class NoticesService {
  private readonly logger = new Logger('Notices');

  constructor(
    private readonly outbox: SmsOutboxService,
    private readonly twoFactor: TwoFactorService,
    private readonly events: SecurityEventsService,
    private readonly store: SmsMessageStore,
    private readonly emailNotices: EmailNoticesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * In the caller's unit of work (either outbox's inTransaction): the notices of one change, by SMS
   * to `targets` (default: the enabled numbers but `exceptMethodId`) and by e-mail to the account's
   * address, as far as the budgets allow. Answers the SMS written (enqueued after commit).
   */
  async queue(
    em: EntityManager,
    args: { accountId: string; locale: string; kind: NoticeKind; exceptMethodId?: string | null; targets?: NoticeTarget[]; meta: RequestMeta },
    now: Date,
  ): Promise<SmsMessageEntity[]> {
    const locale = isSmsLocale(args.locale) ? args.locale : 'en';
    // Every notice also goes to the account's address, whatever its numbers (its own budget, see EmailNoticesService).
    await this.emailNotices.queue(em, { accountId: args.accountId, locale, kind: args.kind, meta: args.meta }, now);
    const targets = args.targets ?? (await this.twoFactor.enabledMethods(em, args.accountId)).filter((m) => m.id !== args.exceptMethodId);
    if (targets.length === 0) return [];
    const allowed = await this.budgetFor(em, args.accountId, targets.length, now);
    if (allowed < targets.length) {
      const reason = allowed === 0 ? 'notice budget reached' : `notice budget reached: ${targets.length - allowed} of ${targets.length} not sent`;
      const masked = targets.slice(allowed).map((t) => maskPhoneNumber(t.phoneNumber)).join(', ');
      this.logger.warn({ msg: `${args.kind} notice to ${masked} for account ${args.accountId} not sent: ${reason}`, requestId: args.meta.requestId });
      await this.events.record(em, args.accountId, 'SMS_SEND_BLOCKED', args.meta, now, `${args.kind} notice to ${masked}: ${reason}`);
    }
    const body = renderNoticeSms(locale, args.kind);
    const messages: SmsMessageEntity[] = [];
    for (const m of targets.slice(0, allowed)) {
      messages.push(
        await this.outbox.add(
          em,
          { accountId: args.accountId, methodId: m.id, ticketId: null, phoneNumber: m.phoneNumber, purpose: 'NOTICE', locale, body, clientIp: args.meta.ip, codeExpiresAt: null },
          now,
        ),
      );
    }
    return messages;
  }

  /**
   * How many of `wanted` notices may go now: what is left of the account's hourly notice budget,
   * and all or none of them within the global budget (the rows read are bounded by the budgets,
   * not by traffic). Under a per-account lock, so concurrent changes cannot both pass a budget.
   */
  private async budgetFor(em: EntityManager, accountId: string, wanted: number, now: Date): Promise<number> {
    const perAccount = this.config.limits.noticesPerAccountPerHour;
    const r = await this.store.noticeBudget(em, accountId, addSeconds(now, -HOUR), perAccount, this.config.pumping.globalBudgetPerHour, wanted);
    if (r.globalFull) return 0;
    return Math.max(0, Math.min(wanted, perAccount - r.sent));
  }
}
