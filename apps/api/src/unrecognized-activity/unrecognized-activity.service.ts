import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@twofold/error-codes';
import { hashOpaqueToken, isOpaqueTokenShape } from '@twofold/two-factor-domain';
import { AccountRecoveryService } from '../account-recovery/account-recovery.service';
import { Clock } from '../common/clock';
import { appError } from '../common/errors';
import { lockAccount } from '../common/lock-account';
import type { RequestMeta } from '../common/request-context';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { TrustedDevicesService } from '../trusted-devices/trusted-devices.service';
import type { ActivityReportModel } from './dto/activity-report.type';
import { UnrecognizedActivityStore } from './unrecognized-activity.store';

/**
 * "This wasn't me": the link of a security-notice e-mail, used once (SECURITY_ALERT_TTL_SECONDS),
 * ends every session and forgets every remembered device of the account, cancels any pending
 * lost-phone recovery, records an ACTIVITY_REPORTED event, and asks the customer to change the password. No session needed: the
 * 256-bit token (only its SHA-256 stored) is the proof of the mailbox.
 */
@Injectable()
export class UnrecognizedActivityService {
  constructor(
    private readonly db: DataSource,
    private readonly store: UnrecognizedActivityStore,
    private readonly sessions: SessionsService,
    private readonly devices: TrustedDevicesService,
    private readonly recovery: AccountRecoveryService,
    private readonly events: SecurityEventsService,
    private readonly clock: Clock,
  ) {}

  async report(token: string, meta: RequestMeta): Promise<ActivityReportModel> {
    // One answer for an unknown, used or expired link: the page says the same for each.
    const invalid = () => appError(ErrorCode.BAD_USER_INPUT, 'This link is not valid, has expired or was already used.', { fields: { token: 'Not valid, expired or already used.' } });
    if (!isOpaqueTokenShape(token)) throw invalid();
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const spent = await this.store.spend(em, hashOpaqueToken(token), now);
      if (!spent) throw invalid();
      // Under the account lock, as every change that ends sessions and devices is.
      await lockAccount(em, spent.account_id);
      const sessionsEnded = await this.sessions.revokeOthersOf(em, spent.account_id, null, now);
      const devicesForgotten = await this.devices.forgetAllOf(em, spent.account_id, meta, now, 'forgotten: activity reported');
      // A pending lost-phone recovery is someone else's: it ends here too.
      const recoveriesCancelled = await this.recovery.cancelAllOf(em, spent.account_id, meta, now, '"This wasn\'t me" reported');
      await this.events.record(
        em,
        spent.account_id,
        'ACTIVITY_REPORTED',
        meta,
        now,
        `"This wasn't me" on a ${spent.kind} notice: ${sessionsEnded} session(s) ended, ${devicesForgotten} remembered device(s) forgotten`,
      );
      return { sessionsEnded, devicesForgotten, recoveryCancelled: recoveriesCancelled > 0, mustChangePassword: true };
    });
  }
}
