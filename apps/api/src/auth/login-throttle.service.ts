import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { addSeconds } from '@twofold/two-factor-domain';
import { gateRetryAfter, windowGateSql } from '../common/sliding-window';
import { runScript } from '../common/sql';

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
  /**
   * `alsoRead`: one more read-only statement sent in the same round trip, after the commit (the
   * login reads the account with it); its rows are answered as `also`.
   */
  async reserve(
    emailNormalized: string,
    ip: string | null,
    now: Date,
    alsoRead?: (literal: (v: string | Date | null) => string) => string,
  ): Promise<{ retryAfter: number; attemptId: string | null; also: Record<string, unknown>[] }> {
    const { loginFailures, loginFailureWindowSeconds } = this.config.limits;
    // One round trip, four statements. The lock first, in its own statement: the check after it
    // must see every try committed before it (each statement takes a fresh snapshot). The commit
    // does not wait for the WAL flush: a crash losing the last few counted tries is acceptable.
    const results = await runScript(
      this.db,
      (literal) => `BEGIN;
        SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(hashtextextended(${literal(`login:${emailNormalized}`)}, 0));
        WITH gate AS (
          SELECT ${windowGateSql('login_failure', `email_normalized = ${literal(emailNormalized)}`, `${literal(addSeconds(now, -loginFailureWindowSeconds))}::timestamptz`, String(Math.trunc(loginFailures - 1)))} AS created_at
        ), counted AS (
          INSERT INTO login_failure (email_normalized, created_at, ip_address)
          SELECT ${literal(emailNormalized)}, ${literal(now)}::timestamptz, ${literal(ip)} WHERE NOT EXISTS (SELECT 1 FROM gate WHERE created_at IS NOT NULL) RETURNING id
        )
        SELECT (SELECT created_at FROM gate) AS gate, (SELECT id FROM counted) AS id;
        COMMIT;${alsoRead ? `\n        ${alsoRead(literal)};` : ''}`,
    );
    const also = alsoRead ? (results[4] ?? []) : [];
    const row = results[2]?.[0] as { gate: Date | null; id: string | null } | undefined;
    if (row?.gate) return { retryAfter: Math.max(1, gateRetryAfter(row.gate, loginFailureWindowSeconds, now)), attemptId: null, also };
    if (!row?.id) throw new Error('login throttle: no try recorded');
    return { retryAfter: 0, attemptId: String(row.id), also };
  }

  /** The password was right: this try is not a failure. */
  async release(em: EntityManager, attemptId: string): Promise<void> {
    await em.query(`DELETE FROM login_failure WHERE id = $1`, [attemptId]);
  }
}
