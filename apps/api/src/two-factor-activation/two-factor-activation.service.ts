import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RequestMeta } from '../common/request-context';
import { BackupCodesService } from '../backup-codes/backup-codes.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';

/**
 * What happens when the first method of any kind is confirmed, in the confirming transaction
 * (under the account lock): the event, the other sessions ended (the confirming one has passed a
 * second factor), and emergency codes handed out once when none exist. One place for every kind.
 */
@Injectable()
export class TwoFactorActivationService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly backupCodes: BackupCodesService,
    private readonly events: SecurityEventsService,
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
}
