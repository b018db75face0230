import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RequestMeta } from '../common/request-context';
import { BackupCodesService } from '../backup-codes/backup-codes.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { TrustedDevicesService } from '../trusted-devices/trusted-devices.service';
import { TwoFactorService } from '../two-factor/two-factor.service';

/**
 * What happens when the first method of any kind is confirmed, in the confirming transaction
 * (under the account lock): the event, the other sessions ended (the confirming one has passed a
 * second factor), and emergency codes handed out once when none exist. And its mirror, what a
 * confirmed method's removal does. One place for every kind.
 */
@Injectable()
export class TwoFactorActivationService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly backupCodes: BackupCodesService,
    private readonly events: SecurityEventsService,
    private readonly twoFactor: TwoFactorService,
    private readonly trustedDevices: TrustedDevicesService,
  ) {}

  /** Answers the new emergency codes, or null when a set already existed. */
  async turnedOn(em: EntityManager, accountId: string, confirmingSessionId: string, meta: RequestMeta, now: Date): Promise<string[] | null> {
    await this.events.record(em, accountId, 'TWO_FACTOR_ENABLED', meta, now);
    const revoked = await this.sessions.twoFactorTurnedOn(em, accountId, confirmingSessionId, now);
    if (revoked > 0) await this.events.record(em, accountId, 'SESSION_REVOKED', meta, now, `${revoked} other session(s) ended: two-factor authentication turned on`);
    if (await this.backupCodes.hasSet(em, accountId)) return null;
    const codes = await this.backupCodes.replaceSet(em, accountId, now);
    await this.events.record(em, accountId, 'BACKUP_CODES_GENERATED', meta, now);
    return codes;
  }

  /**
   * After a confirmed method of any kind is deleted, in the removing transaction (under the
   * account lock): every remembered device is forgotten; the last method gone turns 2FA off (the
   * emergency codes go, `lastDetail` names it in the event); else a removed default passes to the
   * oldest remaining method. Answers whether 2FA is now off.
   */
  async methodRemoved(em: EntityManager, accountId: string, wasDefault: boolean, meta: RequestMeta, now: Date, lastDetail: string): Promise<{ turnedOff: boolean }> {
    await this.trustedDevices.forgetAllOf(em, accountId, meta, now, 'forgotten: a method was removed');
    const remaining = await this.twoFactor.confirmedMethods(em, accountId);
    if (remaining.length === 0) {
      await this.backupCodes.deleteSet(em, accountId);
      await this.events.record(em, accountId, 'TWO_FACTOR_DISABLED', meta, now, lastDetail);
      return { turnedOff: true };
    }
    if (wasDefault) {
      const next = remaining[0];
      await this.twoFactor.makeDefault(em, accountId, next.kind, next.id);
      await this.events.record(em, accountId, 'DEFAULT_METHOD_CHANGED', meta, now, await this.twoFactor.eventLabel(em, accountId, next));
    }
    return { turnedOff: false };
  }
}
