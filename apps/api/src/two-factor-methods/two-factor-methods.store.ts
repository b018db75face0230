import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { affectedCount } from '@twofold/persistence';
import { METHOD_TABLES, type ConfirmedMethodKind } from '../two-factor/two-factor.store';

/** SQL of the changes that concern every kind of method: renaming, removing an app or a key, turning 2FA off. */
@Injectable()
export class TwoFactorMethodsStore {
  async describe(em: EntityManager, kind: ConfirmedMethodKind, methodId: string, description: string | null): Promise<void> {
    await em.query(`UPDATE ${METHOD_TABLES[kind]} SET description = $2 WHERE id = $1`, [methodId, description]);
  }

  /** An authenticator app or a security key (numbers go the v1 way, through sms-methods/). */
  async deleteMethod(em: EntityManager, kind: 'TOTP' | 'SECURITY_KEY', methodId: string): Promise<void> {
    await em.query(`DELETE FROM ${METHOD_TABLES[kind]} WHERE id = $1`, [methodId]);
  }

  /** Every method of the account, of every kind, pending ones and enrollments included; answers how many confirmed ones went. */
  async deleteAll(em: EntityManager, accountId: string): Promise<number> {
    const sms = affectedCount(await em.query(`DELETE FROM sms_method WHERE account_id = $1 AND status = 'ENABLED'`, [accountId]));
    await em.query(`DELETE FROM sms_method WHERE account_id = $1`, [accountId]);
    const totp = affectedCount(await em.query(`DELETE FROM totp_method WHERE account_id = $1`, [accountId]));
    await em.query(`DELETE FROM totp_enrollment WHERE account_id = $1`, [accountId]);
    const keys = affectedCount(await em.query(`DELETE FROM security_key WHERE account_id = $1`, [accountId]));
    await em.query(`DELETE FROM security_key_registration WHERE account_id = $1`, [accountId]);
    return sms + totp + keys;
  }
}
