import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { addSeconds, generateOpaqueToken, hashOpaqueToken, isSmsLocale, type NoticeKind } from '@twofold/two-factor-domain';
import type { RequestMeta } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EmailOutboxService } from '../email-outbox/email-outbox.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { EmailNoticesStore } from './email-notices.store';

/** The longest user agent a notice e-mail carries (the worker names the browser and system from it). */
const USER_AGENT_MAX = 256;

/**
 * The e-mail side of every security notice (NoticesService.queue calls it, so every change that
 * notifies by SMS also e-mails the account's address, whatever its numbers): what changed, when
 * (UTC), from which address and browser, and a "This wasn't me" link. The link's 256-bit token
 * travels sealed (outbox row, job); only its SHA-256 is stored (`security_alert_token`, single use,
 * SECURITY_ALERT_TTL_SECONDS). Budget: EMAIL_NOTICES_PER_ACCOUNT_PER_HOUR and the global e-mail
 * budget, never the account's or an IP's (see EmailOutboxService). Beyond a budget the change
 * still happens, and an EMAIL_SEND_BLOCKED event and a log line say the notice was not sent.
 */
@Injectable()
export class EmailNoticesService {
  private readonly logger = new Logger('EmailNotices');

  constructor(
    private readonly outbox: EmailOutboxService,
    private readonly events: SecurityEventsService,
    private readonly store: EmailNoticesStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** In the caller's unit of work (either outbox's inTransaction): the notice e-mail of one change, when the budgets allow. */
  async queue(em: EntityManager, args: { accountId: string; locale: string; kind: NoticeKind; meta: RequestMeta }, now: Date): Promise<boolean> {
    const to = await this.store.recipient(em, args.accountId);
    if (!to) return false;
    const token = generateOpaqueToken();
    const expiresAt = addSeconds(now, this.config.mail.securityAlertTtlSeconds);
    const notice = { kind: args.kind, at: now.toISOString(), ip: args.meta.ip, userAgent: args.meta.userAgent?.slice(0, USER_AGENT_MAX) ?? null };
    const sent = await this.outbox.add(
      em,
      {
        accountId: args.accountId,
        to: to.email,
        template: 'SECURITY_NOTICE',
        locale: isSmsLocale(args.locale) ? args.locale : 'en',
        data: { name: to.name, token, expiresAt: expiresAt.toISOString(), notice },
        // No client IP: no IP budget may silence a notice (the IP is in the sealed data and the change's event).
        clientIp: null,
      },
      now,
    );
    if (sent.queued) {
      await this.store.insertToken(em, { id: randomUUID(), accountId: args.accountId, tokenHash: hashOpaqueToken(token), kind: args.kind, expiresAt }, now);
      return true;
    }
    const reason = sent.budget === 'global' ? 'global e-mail budget reached' : 'e-mail notice budget reached';
    this.logger.warn({ msg: `${args.kind} notice e-mail for account ${args.accountId} not sent: ${reason}`, requestId: args.meta.requestId });
    await this.events.record(em, args.accountId, 'EMAIL_SEND_BLOCKED', args.meta, now, `${args.kind} notice e-mail: ${reason}`);
    return false;
  }
}
