import { Injectable, OnModuleInit } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1); hashing runs on the binding's own threads, off the event loop. */
const PASSWORD_PARAMS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
/** Emergency codes carry 80 random bits: a small work factor is enough to keep a dump useless. */
const BACKUP_CODE_PARAMS = { algorithm: Algorithm.Argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    // Verified against for unknown emails, so they cost the same time as a wrong password.
    this.dummyHash = await hash('twofold-dummy-password-for-timing', PASSWORD_PARAMS);
  }

  hashPassword(password: string): Promise<string> {
    return hash(password, PASSWORD_PARAMS);
  }

  async verifyPassword(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  async dummyVerify(password: string): Promise<false> {
    await this.verifyPassword(this.dummyHash, password);
    return false;
  }

  hashBackupCode(normalizedCode: string): Promise<string> {
    return hash(normalizedCode, BACKUP_CODE_PARAMS);
  }

  verifyBackupCode(codeHash: string, normalizedCode: string): Promise<boolean> {
    return this.verifyPassword(codeHash, normalizedCode);
  }
}
