import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BackupCodesService } from '../../../backup-codes/backup-codes.service';
import { SecurityEventsService } from '../../../security-events/security-events.service';
import { NoticesService } from '../../../sms-outbox/notices.service';
import { TwoFactorService } from '../../../two-factor/two-factor.service';
import { backupCodeMethod, type DescribedMethod } from '../../challenge-labels';
import { TwoFactorMethodKind } from '../../dto/two-factor-challenge.type';
import type { SecondFactorMethod, VerifyContext, VerifyResult } from '../second-factor-method';

/** The emergency codes as a second factor: one unused code of the account's set, once. */
@Injectable()
export class BackupCodeMethod implements SecondFactorMethod {
  readonly kind = TwoFactorMethodKind.BACKUP_CODE;

  constructor(
    private readonly codes: BackupCodesService,
    private readonly twoFactor: TwoFactorService,
    private readonly events: SecurityEventsService,
    private readonly notices: NoticesService,
  ) {}

  /** Offered while codes remain. */
  async describe(em: EntityManager | null, accountId: string): Promise<DescribedMethod[]> {
    return (await this.twoFactor.backupCodes(em, accountId)).remaining > 0 ? [backupCodeMethod()] : [];
  }

  async verify(ctx: VerifyContext): Promise<VerifyResult> {
    const ok = await this.codes.consume(ctx.em, ctx.ticket.accountId, ctx.response, ctx.now);
    return { result: ok ? 'ok' : 'wrong', detail: 'emergency code' };
  }

  /** A used emergency code is a security event, told to the account's numbers. */
  async onUsed(ctx: VerifyContext): Promise<void> {
    await this.events.record(ctx.em, ctx.ticket.accountId, 'BACKUP_CODE_USED', ctx.meta, ctx.now);
    await this.notices.queue(ctx.em, { accountId: ctx.ticket.accountId, locale: ctx.locale, kind: 'BACKUP_CODE_USED', meta: ctx.meta }, ctx.now);
  }
}
