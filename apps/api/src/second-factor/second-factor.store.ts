import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountEntity } from '@twofold/persistence';

/** SQL of the account-wide second-factor lockout: failures counted from security events, the block on the account. */
@Injectable()
export class SecondFactorStore {
  async failuresSince(em: EntityManager, accountId: string, since: Date): Promise<number> {
    const rows: { n: number }[] = await em.query(`SELECT count(*)::int AS n FROM security_event WHERE account_id = $1 AND type = 'SECOND_FACTOR_FAILED' AND created_at > $2`, [accountId, since]);
    return rows[0]?.n ?? 0;
  }

  async block(em: EntityManager, accountId: string, until: Date): Promise<void> {
    await em.update(AccountEntity, { id: accountId }, { secondFactorBlockedUntil: until });
  }
}
