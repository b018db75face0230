import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SmsMessageEntity } from '@twofold/persistence';
import { isSmsLocale, renderNoticeSms, type NoticeKind } from '@twofold/two-factor-domain';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { TwoFactorService } from '../two-factor/two-factor.service';

/**
 * Security notices: a short SMS (never a code) to the account's enabled numbers other than the
 * one concerned, so a change made by someone else shows up on an independent channel.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly outbox: SmsOutboxService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async queue(
    em: EntityManager,
    args: { accountId: string; locale: string; kind: NoticeKind; exceptMethodId?: string | null; clientIp: string | null },
    now: Date,
  ): Promise<SmsMessageEntity[]> {
    const locale = isSmsLocale(args.locale) ? args.locale : 'en';
    const targets = (await this.twoFactor.enabledMethods(em, args.accountId)).filter((m) => m.id !== args.exceptMethodId);
    const body = renderNoticeSms(locale, args.kind);
    const messages: SmsMessageEntity[] = [];
    for (const m of targets) {
      messages.push(
        await this.outbox.add(
          em,
          { accountId: args.accountId, methodId: m.id, ticketId: null, phoneNumber: m.phoneNumber, purpose: 'NOTICE', locale, body, clientIp: args.clientIp, codeExpiresAt: null },
          now,
        ),
      );
    }
    return messages;
  }
}
