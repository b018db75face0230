import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TotpEnrollmentEntity, TotpMethodEntity } from '@twofold/persistence';

/** SQL of adding authenticator apps: enrollments and the confirmed apps they become. */
@Injectable()
export class TotpMethodStore {
  async count(em: EntityManager, accountId: string): Promise<number> {
    return em.count(TotpMethodEntity, { where: { accountId } });
  }

  async insertEnrollment(em: EntityManager, enrollment: TotpEnrollmentEntity): Promise<void> {
    await em.insert(TotpEnrollmentEntity, enrollment);
  }

  /** This account's enrollment, locked until the transaction ends (confirmations are counted one at a time). */
  enrollment(em: EntityManager, accountId: string, enrollmentId: string): Promise<TotpEnrollmentEntity | null> {
    return em.getRepository(TotpEnrollmentEntity).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id AND e.account_id = :accountId', { id: enrollmentId, accountId }).getOne();
  }

  async countFailure(em: EntityManager, enrollmentId: string): Promise<void> {
    await em.query(`UPDATE totp_enrollment SET failed_attempts = failed_attempts + 1 WHERE id = $1`, [enrollmentId]);
  }

  async consume(em: EntityManager, enrollmentId: string, now: Date): Promise<void> {
    await em.query(`UPDATE totp_enrollment SET consumed_at = $2 WHERE id = $1`, [enrollmentId, now]);
  }

  async insertMethod(em: EntityManager, method: TotpMethodEntity): Promise<void> {
    await em.insert(TotpMethodEntity, method);
  }
}
