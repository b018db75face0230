import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SecurityKeyEntity, SecurityKeyRegistrationEntity } from '@twofold/persistence';

/** SQL of registering security keys: registrations (challenges) and the keys they become. */
@Injectable()
export class SecurityKeyStore {
  keys(em: EntityManager, accountId: string): Promise<SecurityKeyEntity[]> {
    return em.find(SecurityKeyEntity, { where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  count(em: EntityManager, accountId: string): Promise<number> {
    return em.count(SecurityKeyEntity, { where: { accountId } });
  }

  /** Whether any account holds this credential id already (it is unique across accounts). */
  async credentialTaken(em: EntityManager, credentialId: string): Promise<boolean> {
    return (await em.count(SecurityKeyEntity, { where: { credentialId } })) > 0;
  }

  async insertRegistration(em: EntityManager, registration: SecurityKeyRegistrationEntity): Promise<void> {
    await em.insert(SecurityKeyRegistrationEntity, registration);
  }

  /** This account's registration, locked until the transaction ends: finishes are judged one at a time, one wins. */
  registration(em: EntityManager, accountId: string, registrationId: string): Promise<SecurityKeyRegistrationEntity | null> {
    return em
      .getRepository(SecurityKeyRegistrationEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id AND r.account_id = :accountId', { id: registrationId, accountId })
      .getOne();
  }

  async countFailure(em: EntityManager, registrationId: string): Promise<void> {
    await em.query(`UPDATE security_key_registration SET failed_attempts = failed_attempts + 1 WHERE id = $1`, [registrationId]);
  }

  async consume(em: EntityManager, registrationId: string, now: Date): Promise<void> {
    await em.query(`UPDATE security_key_registration SET consumed_at = $2 WHERE id = $1`, [registrationId, now]);
  }

  async insertKey(em: EntityManager, key: SecurityKeyEntity): Promise<void> {
    await em.insert(SecurityKeyEntity, key);
  }
}
