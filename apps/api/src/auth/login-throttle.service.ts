import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { returnedRows } from '../common/sql';
import { windowRetryAfter } from '../common/sliding-window';

/**
 * Password failures per email (existing or not) in PostgreSQL: 10 within 15 minutes block the
 * email until the window passes, checked before any hashing.
 *
 * A try is counted as a failure *before* the password is hashed (`reserve`, under a per-email
 * advisory lock) and the count is given back when the password turns out right (`release`), so
 * parallel requests cannot get more than 10 guesses checked between a check and its record.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async retryAfter(em: EntityManager, emailNormalized: string, now: Date): Promise<number> {
    const { loginFailures, loginFailureWindowSeconds } = this.config.limits;
    return windowRetryAfter(em, 'login_failure', 'email_normalized = $1', [emailNormalized], loginFailures, loginFailureWindowSeconds, now);
  }

  /**
   * Either the seconds to wait (nothing recorded) or the id of the failure recorded for this try,
   * to `release` when the password is right. Check and record are one locked step per email.
   */
  async reserve(emailNormalized: string, ip: string | null, now: Date): Promise<{ retryAfter: number; attemptId: string | null }> {
    return this.db.transaction(async (em) => {
      // Visible to every other transaction at commit; a crash losing the last few counted tries is
      // acceptable, so this commit does not wait for the WAL flush (one less fsync per login).
      await em.query('SET LOCAL synchronous_commit = off');
      await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`login:${emailNormalized}`]);
      const retryAfter = await this.retryAfter(em, emailNormalized, now);
      if (retryAfter > 0) return { retryAfter, attemptId: null };
      const inserted = await em.query(`INSERT INTO login_failure (email_normalized, created_at, ip_address) VALUES ($1, $2, $3) RETURNING id`, [
        emailNormalized,
        now,
        ip,
      ]);
      return { retryAfter: 0, attemptId: String(returnedRows<{ id: string }>(inserted)[0].id) };
    });
  }

  /** The password was right: this try is not a failure. */
  async release(em: EntityManager, attemptId: string): Promise<void> {
    await em.query(`DELETE FROM login_failure WHERE id = $1`, [attemptId]);
  }
}
