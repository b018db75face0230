import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { lockAccount } from '../common/lock-account';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { TrustedDevicesService } from '../trusted-devices/trusted-devices.service';
import { TwoFactorService, type BackupCodesState } from '../two-factor/two-factor.service';
import { BackupCodesService } from './backup-codes.service';
import { NoticesService } from '../sms-outbox/notices.service';

/** The customer-facing operations on emergency codes: regenerate and delete, both in sudo mode. */
@Injectable()
export class BackupCodesManager {
  constructor(
    private readonly clock: Clock,
    private readonly codes: BackupCodesService,
    private readonly notices: NoticesService,
    private readonly outbox: SmsOutboxService,
    private readonly sessions: SessionsService,
    private readonly twoFactor: TwoFactorService,
    private readonly events: SecurityEventsService,
    private readonly trustedDevices: TrustedDevicesService,
  ) {}

  async regenerate(auth: AuthState, meta: RequestMeta): Promise<{ codes: string[]; status: BackupCodesState }> {
    const now = this.clock.now();
    if (!this.sessions.isRecentlyAuthenticated(auth.session, now)) throw Errors.reauthRequired();
    const accountId = auth.account.id;
    const codes = await this.outbox.inTransaction(async (em) => {
      const account = await lockAccount(em, accountId);
      if (!(await this.twoFactor.isEnabled(em, accountId))) throw Errors.forbidden('Turn on two-factor authentication first.');
      const codes = await this.codes.replaceSet(em, accountId, now);
      await this.events.record(em, accountId, 'BACKUP_CODES_GENERATED', meta, now);
      await this.trustedDevices.forgetAllOf(em, accountId, meta, now, 'forgotten: new emergency codes');
      await this.notices.queue(em, { accountId, locale: account.locale, kind: 'BACKUP_CODES_GENERATED', meta }, now);
      return codes;
    });
    return { codes, status: await this.twoFactor.backupCodes(null, accountId) };
  }

  async remove(auth: AuthState, meta: RequestMeta): Promise<void> {
    const now = this.clock.now();
    if (!this.sessions.isRecentlyAuthenticated(auth.session, now)) throw Errors.reauthRequired();
    const accountId = auth.account.id;
    await this.outbox.inTransaction(async (em) => {
      const account = await lockAccount(em, accountId);
      await this.trustedDevices.forgetAllOf(em, accountId, meta, now, 'forgotten: emergency codes deleted');
      const deleted = await this.codes.deleteSet(em, accountId);
      if (deleted === 0) return;
      await this.events.record(em, accountId, 'BACKUP_CODES_DELETED', meta, now);
      await this.notices.queue(em, { accountId, locale: account.locale, kind: 'BACKUP_CODES_DELETED', meta }, now);
    });
  }
}
