import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SmsMethodEntity } from '@twofold/persistence';

/** SQL of the sms_method table for the numbers' lifecycle (add, confirm, describe, default, remove). */
@Injectable()
export class SmsMethodStore {
  byNumber(em: EntityManager, accountId: string, phoneNumber: string): Promise<SmsMethodEntity | null> {
    return em.findOne(SmsMethodEntity, { where: { accountId, phoneNumber } });
  }

  /** This account's method; with `lock`, locked until the transaction ends. */
  own(em: EntityManager, accountId: string, methodId: string, lock: boolean): Promise<SmsMethodEntity | null> {
    const qb = em.getRepository(SmsMethodEntity).createQueryBuilder('m').where('m.id = :methodId AND m.account_id = :accountId', { methodId, accountId });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async insert(em: EntityManager, method: SmsMethodEntity): Promise<void> {
    await em.insert(SmsMethodEntity, method);
  }

  async remove(em: EntityManager, methodId: string): Promise<void> {
    await em.delete(SmsMethodEntity, { id: methodId });
  }

  /** A wrong confirmation code, counted across resends (the count is on the method, not the code). */
  async countFailure(em: EntityManager, methodId: string): Promise<void> {
    await em.query('UPDATE sms_method SET failed_attempts = failed_attempts + 1 WHERE id = $1', [methodId]);
  }

  async enable(em: EntityManager, m: Pick<SmsMethodEntity, 'id' | 'verifiedAt' | 'description' | 'isDefault'>): Promise<void> {
    await em.update(SmsMethodEntity, { id: m.id }, { status: 'ENABLED', verifiedAt: m.verifiedAt, description: m.description, isDefault: m.isDefault });
  }

  async describe(em: EntityManager, methodId: string, description: string | null): Promise<void> {
    await em.update(SmsMethodEntity, { id: methodId }, { description });
  }
}
