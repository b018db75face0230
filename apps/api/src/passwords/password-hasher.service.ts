import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Algorithm } from '@node-rs/argon2';
import { setTimeout as sleep } from 'node:timers/promises';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { HashPool } from './hash-pool';

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1); hashing runs on low-priority worker threads, off the event loop. */
const PASSWORD_PARAMS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
/** Emergency codes carry 80 random bits: a small work factor is enough to keep a dump useless. */
const BACKUP_CODE_PARAMS = { algorithm: Algorithm.Argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;
/** How many recent LOGIN_FAILED writes the typical write time is the median of. */
const TIMING_SAMPLES = 9;
/** Never pad an answer by more than this, however slow the machine has been. */
const MAX_DELAY_MS = 2000;

@Injectable()
export class PasswordHasher implements OnModuleInit, OnModuleDestroy {
  private dummyHash = '';
  private readonly pool: HashPool;
  /** How long the LOGIN_FAILED write alone took: the only work an unknown email does not do. */
  private readonly failureRecord = new RunningMedian(TIMING_SAMPLES);

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new HashPool(config.passwordHashThreads);
  }

  async onModuleInit(): Promise<void> {
    // Verified against for unknown emails, so they cost the same time as a wrong password.
    this.dummyHash = await this.pool.hash('twofold-dummy-password-for-timing', PASSWORD_PARAMS);
    await this.verifyPassword(this.dummyHash, 'twofold-warm-up');
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }

  hashPassword(password: string): Promise<string> {
    return this.pool.hash(password, PASSWORD_PARAMS);
  }

  verifyPassword(passwordHash: string, password: string): Promise<boolean> {
    return this.check(passwordHash, password);
  }

  async dummyVerify(password: string): Promise<false> {
    await this.verifyPassword(this.dummyHash, password);
    return false;
  }

  /** A wrong password for an existing account took `recordMs` to record its LOGIN_FAILED event. */
  recordFailedCheck(recordMs: number): void {
    this.failureRecord.push(recordMs);
  }

  /**
   * An unknown email runs the lookup and a real (dummy) verification but has no event to record:
   * it waits the typical time of that write instead, so it answers like a wrong password.
   */
  async padUnknownEmail(): Promise<void> {
    await sleep(Math.min(this.failureRecord.value, MAX_DELAY_MS));
  }

  /**
   * A sign-in refused by the email's throttle: the guess is never checked, but the refusal does an
   * unknown email's work (one verification of a constant against the dummy hash, then the event
   * write's wait), so it slows down under load exactly as a wrong password does. A sleep of a
   * recent median did not: under bursts of load on 2 cores it answered up to 2x faster.
   * The CPU this spends is what any unknown email already costs.
   */
  async padRefusedBeforeHashing(): Promise<void> {
    await this.verifyPassword(this.dummyHash, 'twofold-refused-before-checking');
    await this.padUnknownEmail();
  }

  hashBackupCode(normalizedCode: string): Promise<string> {
    return this.pool.hash(normalizedCode, BACKUP_CODE_PARAMS);
  }

  verifyBackupCode(codeHash: string, normalizedCode: string): Promise<boolean> {
    return this.check(codeHash, normalizedCode);
  }

  private async check(encoded: string, plain: string): Promise<boolean> {
    try {
      return await this.pool.verify(encoded, plain);
    } catch {
      return false;
    }
  }
}

/** The median of the last `size` samples. */
class RunningMedian {
  private readonly samples: number[] = [];
  value = 0;
  constructor(private readonly size: number) {}

  push(sample: number): void {
    this.samples.push(sample);
    if (this.samples.length > this.size) this.samples.shift();
    const sorted = [...this.samples].sort((a, b) => a - b);
    this.value = sorted[sorted.length >> 1];
  }
}
