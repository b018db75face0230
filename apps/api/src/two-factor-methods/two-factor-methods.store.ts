import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { affectedCount } from '@twofold/persistence';

/** SQL of the changes that concern every kind of method: renaming, removing an app, turning 2FA off. */
@Injectable()
export class TwoFactorMethodsStore {
  async describe(em: EntityManager, kind: 'SMS' | 'TOTP', methodId: string, description: string | null): Promise<void> {
    await em.query(kind === 'SMS' ? `UPDATE sms_method SET description = $2 WHERE id = $1` : `UPDATE totp_method SET description = $2 WHERE id = $1`, [methodId, description]);
  }

  async deleteTotp(em: EntityManager, methodId: string): Promise<void> {
    await em.query(`DELETE FROM totp_method WHERE id = $1`, [methodId]);
  }

  /** Every method of the account, of every kind, pending ones and enrollments included; answers how many confirmed ones went. */
  async deleteAll(em: EntityManager, accountId: string): Promise<number> {
    const sms = affectedCount(await em.query(`DELETE FROM sms_method WHERE account_id = $1 AND status = 'ENABLED'`, [accountId]));
    await em.query(`DELETE FROM sms_method WHERE account_id = $1`, [accountId]);
    const totp = affectedCount(await em.query(`DELETE FROM totp_method WHERE account_id = $1`, [accountId]));
    await em.query(`DELETE FROM totp_enrollment WHERE account_id = $1`, [accountId]);
    return sms + totp;
  }
}
