import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { generateBackupCodeSet, normalizeBackupCode } from '@twofold/two-factor-domain';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { BackupCodeStore } from './backup-code.store';

/** Emergency codes: 10 at a time, shown once, stored as argon2id hashes, each usable once. */
@Injectable()
export class BackupCodesService {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly store: BackupCodeStore,
  ) {}

  /** Replaces the account's set; returns the plain codes (the only time they exist). */
  async replaceSet(em: EntityManager, accountId: string, now: Date): Promise<string[]> {
    const codes = generateBackupCodeSet();
    const hashes = await Promise.all(codes.map((c) => this.hasher.hashBackupCode(normalizeBackupCode(c) as string)));
    await this.store.replace(em, accountId, hashes, now);
    return codes;
  }

  deleteSet(em: EntityManager, accountId: string): Promise<number> {
    return this.store.deleteAll(em, accountId);
  }

  hasSet(em: EntityManager, accountId: string): Promise<boolean> {
    return this.store.exists(em, accountId);
  }

  /** Finds the unused code matching `normalized` and marks it used (single use under concurrency). */
  async consume(em: EntityManager, accountId: string, normalized: string, now: Date): Promise<boolean> {
    const unused = await this.store.unused(em, accountId);
    const matches = await Promise.all(unused.map((c) => this.hasher.verifyBackupCode(c.code_hash, normalized)));
    const hit = unused[matches.indexOf(true)];
    return hit ? this.store.markUsed(em, hit.id, now) : false;
  }
}
