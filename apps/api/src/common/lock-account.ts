import type { EntityManager } from 'typeorm';
import { AccountEntity } from '@twofold/persistence';

/**
 * Locks the account row until the transaction ends, so decisions about one account (the number
 * cap, the first confirmed number, the default, failure counts) are taken one at a time. NO KEY
 * UPDATE rather than UPDATE: other transactions may still insert rows that reference the account,
 * such as the security event of a blocked send.
 */
export function lockAccount(em: EntityManager, accountId: string): Promise<AccountEntity> {
  return em.getRepository(AccountEntity).createQueryBuilder('a').setLock('for_no_key_update').where('a.id = :id', { id: accountId }).getOneOrFail();
}
