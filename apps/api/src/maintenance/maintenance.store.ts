import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { affectedCount } from '@twofold/persistence';
import type { SmsDeliveryStatus } from '@twofold/sms-queue';

/** Batches one run deletes per table at most: a backlog is worked off over several runs. */
export const MAINTENANCE_MAX_BATCHES = 50;

/** What retention purges, each with its condition: `$1` the cutoff, `$2` (messages) the settled states. */
const PURGES = {
  login_failure: 'created_at < $1',
  security_event: 'created_at < $1',
  // A message still to be sent (QUEUED, SENDING) stays however old; the relay fails codes that expired unsent.
  sms_message: 'created_at < $1 AND status = ANY($2)',
  // Settled e-mails (SENT, FAILED) only, kept as long as settled SMS (SMS_MESSAGE_RETENTION_SECONDS).
  email_message: 'created_at < $1 AND status = ANY($2)',
} as const;
export type PurgedTable = keyof typeof PURGES;

/** What has ended, per table of short-lived rows: `$1` the instant before which it counts as ended. */
const EXPIRED = {
  // Tickets a day past their end (the caller's `before`), their codes by cascade.
  login_ticket: 'expires_at < $1',
  session: 'expires_at < $1 OR revoked_at < $1',
  // Lapsed authenticator-app enrollments and security-key registrations hold a secret or challenge nobody will confirm.
  security_key_registration: 'expires_at < $1',
  totp_enrollment: 'expires_at < $1',
  // Remembered devices, e-mail verification and password-reset links (used ones included) past their expiry: their hash is of no further use.
  trusted_device: 'expires_at < $1',
  email_verification_token: 'expires_at < $1',
  password_reset_token: 'expires_at < $1',
  // "This wasn't me" links (used or not) and lost-phone recoveries (any state) past their expiry.
  security_alert_token: 'expires_at < $1',
  account_recovery: 'expires_at < $1',
  // Each provider's turn at a message: kept as long as settled messages are (SMS_MESSAGE_RETENTION_SECONDS).
  sms_attempt: 'created_at < $1',
} as const;
export type ExpiringTable = keyof typeof EXPIRED;

/** SQL of housekeeping: expired rows removed, ledgers and history purged past their retention. */
@Injectable()
export class MaintenanceStore {
  constructor(private readonly db: DataSource) {}

  async deleteExpiredPending(cutoff: Date): Promise<number> {
    return affectedCount(await this.db.query(`DELETE FROM sms_method WHERE status = 'PENDING_VERIFICATION' AND created_at <= $1`, [cutoff]));
  }

  /**
   * Deletes the rows of `table` that ended before `before` (EXPIRED), a batch per statement, each
   * its own short transaction: ctids of a batch read first (SKIP LOCKED: a row another instance is
   * deleting is not waited for), then removed by TID. Stops at a short batch or after
   * MAINTENANCE_MAX_BATCHES (the next run goes on).
   */
  async deleteExpired(table: ExpiringTable, before: Date, batchSize: number): Promise<number> {
    const sql = `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${EXPIRED[table]} LIMIT $2 FOR UPDATE SKIP LOCKED))`;
    return this.inBatches(sql, [before], batchSize);
  }

  private async inBatches(sql: string, params: unknown[], batchSize: number): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < MAINTENANCE_MAX_BATCHES; batch++) {
      const deleted = affectedCount(await this.db.query(sql, [...params, batchSize]));
      total += deleted;
      if (deleted < batchSize) break;
    }
    return total;
  }

  /**
   * Deletes the rows older than `cutoff`, oldest first (through the table's created_at index), a
   * batch per statement: each batch is its own short transaction, so no lock is held for long.
   * Rows another instance is deleting are skipped, not waited for. Stops at a short batch, or
   * after MAINTENANCE_MAX_BATCHES (the next run goes on).
   */
  async purge(table: PurgedTable, cutoff: Date, batchSize: number, settled: SmsDeliveryStatus[] = []): Promise<number> {
    const params: unknown[] = table === 'sms_message' || table === 'email_message' ? [cutoff, settled] : [cutoff];
    const limit = `$${params.length + 1}`;
    // `= ANY(ARRAY(…))`, not `IN (…)`: the batch is read first and its rows found by primary key; with
    // IN, PostgreSQL plans a hash join that scans the whole table for every batch. The outer
    // `created_at < $1` keeps a partitioned table's DELETE to the months before the cutoff.
    const sql = `DELETE FROM ${table} WHERE created_at < $1 AND id = ANY(ARRAY(SELECT id FROM ${table} WHERE ${PURGES[table]} ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED))`;
    return this.inBatches(sql, params, batchSize);
  }
}
