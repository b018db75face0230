import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { affectedCount, BackupCodeEntity } from '@twofold/persistence';

/** SQL of the backup_code table (hashes only). */
@Injectable()
export class BackupCodeStore {
  async replace(em: EntityManager, accountId: string, hashes: string[], now: Date): Promise<void> {
    await em.delete(BackupCodeEntity, { accountId });
    await em.insert(
      BackupCodeEntity,
      hashes.map((codeHash) => ({ id: randomUUID(), accountId, codeHash, createdAt: now, usedAt: null })),
    );
  }

  async deleteAll(em: EntityManager, accountId: string): Promise<number> {
    return (await em.delete(BackupCodeEntity, { accountId })).affected ?? 0;
  }

  async exists(em: EntityManager, accountId: string): Promise<boolean> {
    return (await em.count(BackupCodeEntity, { where: { accountId } })) > 0;
  }

  unused(em: EntityManager, accountId: string): Promise<{ id: string; code_hash: string }[]> {
    return em.query(`SELECT id, code_hash FROM backup_code WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
  }

  /** `used_at IS NULL` makes a code single-use even when two requests race with it. */
  async markUsed(em: EntityManager, id: string, now: Date): Promise<boolean> {
    return affectedCount(await em.query(`UPDATE backup_code SET used_at = $2 WHERE id = $1 AND used_at IS NULL`, [id, now])) === 1;
  }
}
