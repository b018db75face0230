import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { affectedCount, TotpMethodEntity } from '@twofold/persistence';

/** SQL of the authenticator-app second factor: the account's apps and the replay guard. */
@Injectable()
export class TotpLoginStore {
  methods(em: EntityManager | null, accountId: string): Promise<TotpMethodEntity[]> {
    if (!em) throw new Error('totp: describe runs in the challenge transaction');
    return em.find(TotpMethodEntity, { where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  method(em: EntityManager, accountId: string, methodId: string): Promise<TotpMethodEntity | null> {
    return em.findOne(TotpMethodEntity, { where: { id: methodId, accountId } });
  }

  /**
   * Accepts `step` for the app only if it is newer than every step accepted before, in one
   * conditional UPDATE: of two requests with the same code at once (two tickets), one wins.
   */
  async acceptStep(em: EntityManager, methodId: string, step: number, now: Date): Promise<boolean> {
    const result = await em.query(
      `UPDATE totp_method SET last_time_step = $2, last_used_at = $3 WHERE id = $1 AND (last_time_step IS NULL OR last_time_step < $2)`,
      [methodId, step, now],
    );
    return affectedCount(result) === 1;
  }
}
