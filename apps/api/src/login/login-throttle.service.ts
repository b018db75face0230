import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addSeconds } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { gateRetryAfter } from '../common/sliding-window';
import { PasswordLoginStore, type PasswordAccount } from './password-login.store';

/**
 * Password failures per email (existing or not) in PostgreSQL: 10 within 15 minutes block the
 * email until the window passes, checked before the guess is hashed.
 *
 * A try is counted as a failure *before* the password is hashed (`reserve`, under a per-email
 * advisory lock) and the count is given back when the password turns out right (`release`), so
 * parallel requests cannot get more than 10 guesses checked between a check and its record.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly store: PasswordLoginStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Either the seconds to wait (nothing recorded) or the id of the failure recorded for this try,
   * to `release` when the password is right; with `readAccount`, the email's account too, read
   * in the same round trip (the password login needs both before hashing).
   */
  async reserve(emailNormalized: string, ip: string | null, now: Date, readAccount = false): Promise<{ retryAfter: number; attemptId: string | null; account: PasswordAccount | null }> {
    const { loginFailures, loginFailureWindowSeconds } = this.config.limits;
    const r = await this.store.reserveTry(emailNormalized, ip, now, addSeconds(now, -loginFailureWindowSeconds), loginFailures - 1, readAccount);
    if (r.gate) return { retryAfter: Math.max(1, gateRetryAfter(r.gate, loginFailureWindowSeconds, now)), attemptId: null, account: r.account };
    if (!r.attemptId) throw new Error('login throttle: no try recorded');
    return { retryAfter: 0, attemptId: r.attemptId, account: r.account };
  }

  /** The password was right: this try is not a failure. */
  release(em: EntityManager, attemptId: string): Promise<void> {
    return this.store.releaseTry(em, attemptId);
  }
}
