import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { addSeconds, slidingWindowRetryAfter } from '@twofold/two-factor-domain';
import { returnedRows } from '../common/sql';

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

  /**
   * Either the seconds to wait (nothing recorded) or the id of the failure recorded for this try,
   * to `release` when the password is right. Check and record are one locked step per email.
   */
  async reserve(emailNormalized: string, ip: string | null, now: Date): Promise<{ retryAfter: number; attemptId: string | null }> {
    const { loginFailures, loginFailureWindowSeconds } = this.config.limits;
    return this.db.transaction(async (em) => {
      // The lock first, in its own statement: the check below must see every try committed before
      // it. Visible to every other transaction at commit; a crash losing the last few counted tries
      // is acceptable, so this commit does not wait for the WAL flush (one less fsync per login).
      await em.query(`SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(hashtextextended($1, 0))`, [`login:${emailNormalized}`]);
      // Check and record in one statement: only the limit-th newest failure in the window decides.
      const result = await em.query(
        `WITH gate AS (
           SELECT created_at FROM login_failure WHERE email_normalized = $1 AND created_at > $2 ORDER BY created_at DESC OFFSET $3 LIMIT 1
         ), counted AS (
           INSERT INTO login_failure (email_normalized, created_at, ip_address) SELECT $1, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM gate) RETURNING id
         )
         SELECT (SELECT created_at FROM gate) AS gate, (SELECT id FROM counted) AS id`,
        [emailNormalized, addSeconds(now, -loginFailureWindowSeconds), loginFailures - 1, now, ip],
      );
      const row = returnedRows<{ gate: Date | null; id: string | null }>(result)[0];
      if (row?.gate) return { retryAfter: Math.max(1, slidingWindowRetryAfter([row.gate], 1, loginFailureWindowSeconds, now)), attemptId: null };
      return { retryAfter: 0, attemptId: String(row?.id) };
    });
  }

  /** The password was right: this try is not a failure. */
  async release(em: EntityManager, attemptId: string): Promise<void> {
    await em.query(`DELETE FROM login_failure WHERE id = $1`, [attemptId]);
  }
}
