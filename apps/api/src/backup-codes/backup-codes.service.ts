import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { BackupCodeEntity } from '@twofold/persistence';
import { generateBackupCodeSet, normalizeBackupCode } from '@twofold/two-factor-domain';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { affectedCount } from '../common/sql';

/** Emergency codes: 10 at a time, shown once, stored as argon2id hashes, each usable once. */
@Injectable()
export class BackupCodesService {
  constructor(private readonly hasher: PasswordHasher) {}

  /** Replaces the account's set; returns the plain codes (the only time they exist). */
  async replaceSet(em: EntityManager, accountId: string, now: Date): Promise<string[]> {
    const codes = generateBackupCodeSet();
    const hashes = await Promise.all(codes.map((c) => this.hasher.hashBackupCode(normalizeBackupCode(c) as string)));
    await em.delete(BackupCodeEntity, { accountId });
    await em.insert(
      BackupCodeEntity,
      hashes.map((codeHash) => ({ id: randomUUID(), accountId, codeHash, createdAt: now, usedAt: null })),
    );
    return codes;
  }

  async deleteSet(em: EntityManager, accountId: string): Promise<number> {
    return (await em.delete(BackupCodeEntity, { accountId })).affected ?? 0;
  }

  async hasSet(em: EntityManager, accountId: string): Promise<boolean> {
    return (await em.count(BackupCodeEntity, { where: { accountId } })) > 0;
  }

  /**
   * Finds the unused code matching `normalized` and marks it used. The UPDATE's
   * `used_at IS NULL` makes it single-use even when two requests race with the same code.
   */
  async consume(em: EntityManager, accountId: string, normalized: string, now: Date): Promise<boolean> {
    const unused: { id: string; code_hash: string }[] = await em.query(`SELECT id, code_hash FROM backup_code WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
    const matches = await Promise.all(unused.map((c) => this.hasher.verifyBackupCode(c.code_hash, normalized)));
    const hit = unused[matches.indexOf(true)];
    if (!hit) return false;
    const result = await em.query(`UPDATE backup_code SET used_at = $2 WHERE id = $1 AND used_at IS NULL`, [hit.id, now]);
    return affectedCount(result) === 1;
  }
}
