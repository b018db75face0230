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

/** SQL of housekeeping: expired rows removed, ledgers and history purged past their retention. */
@Injectable()
export class MaintenanceStore {
  constructor(private readonly db: DataSource) {}

  async deleteExpiredPending(cutoff: Date): Promise<number> {
    return affectedCount(await this.db.query(`DELETE FROM sms_method WHERE status = 'PENDING_VERIFICATION' AND created_at <= $1`, [cutoff]));
  }

  /** Tickets (and their codes, by cascade) ended before `before`. */
  async deleteTicketsEndedBefore(before: Date): Promise<number> {
    return affectedCount(await this.db.query(`DELETE FROM login_ticket WHERE expires_at < $1`, [before]));
  }

  /** Authenticator-app enrollments (their sealed secrets) and security-key registrations that lapsed (or were used) before `before`. */
  async deleteEnrollmentsEndedBefore(before: Date): Promise<number> {
    const keys = affectedCount(await this.db.query(`DELETE FROM security_key_registration WHERE expires_at < $1`, [before]));
    return keys + affectedCount(await this.db.query(`DELETE FROM totp_enrollment WHERE expires_at < $1`, [before]));
  }

  /** Remembered devices past their expiry: their token can no longer be used. */
  async deleteTrustedDevicesExpiredBefore(before: Date): Promise<number> {
    return affectedCount(await this.db.query(`DELETE FROM trusted_device WHERE expires_at < $1`, [before]));
  }

  /** E-mail verification links past their expiry (used ones included): their hash is of no further use. */
  async deleteEmailVerificationTokensExpiredBefore(before: Date): Promise<number> {
    return affectedCount(await this.db.query(`DELETE FROM email_verification_token WHERE expires_at < $1`, [before]));
  }

  async deleteSessionsEndedBefore(before: Date): Promise<number> {
    return affectedCount(await this.db.query(`DELETE FROM session WHERE expires_at < $1 OR revoked_at < $1`, [before]));
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
    // IN, PostgreSQL plans a hash join that scans the whole table for every batch.
    const sql = `DELETE FROM ${table} WHERE id = ANY(ARRAY(SELECT id FROM ${table} WHERE ${PURGES[table]} ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED))`;
    let total = 0;
    for (let batch = 0; batch < MAINTENANCE_MAX_BATCHES; batch++) {
      const deleted = affectedCount(await this.db.query(sql, [...params, batchSize]));
      total += deleted;
      if (deleted < batchSize) break;
    }
    return total;
  }
}
