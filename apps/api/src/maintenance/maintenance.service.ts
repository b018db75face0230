import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addSeconds } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { affectedCount } from '../common/sql';
import type { SmsDeliveryStatus } from '@twofold/sms-queue';

/** Batches one run deletes per table at most: a backlog is worked off over several runs. */
export const MAINTENANCE_MAX_BATCHES = 50;

/** Final states: nothing sends or relays these any more (a late delivery report finds nothing). */
const SETTLED: SmsDeliveryStatus[] = ['SENT', 'DELIVERED', 'FAILED'];

/**
 * Housekeeping that correctness never waits for (every query already ignores what is stale):
 * removes numbers left pending past PENDING_METHOD_TTL_SECONDS, and tickets, codes and sessions
 * long expired; purges login failures, security events and settled SMS past their retention
 * (config refuses a retention shorter than a window that reads them). Safe to run on every
 * instance at once.
 */
@Injectable()
export class MaintenanceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Maintenance');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.maintenanceIntervalMs > 0) {
      this.timer = setInterval(() => void this.runOnce().catch((err: Error) => this.logger.warn(err.message)), this.config.maintenanceIntervalMs);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<{ pendingMethods: number; tickets: number; sessions: number; loginFailures: number; securityEvents: number; smsMessages: number }> {
    const now = this.clock.now();
    const pendingCutoff = addSeconds(now, -this.config.timings.pendingMethodTtlSeconds);
    const dayAgo = addSeconds(now, -86400);
    const pendingMethods = affectedCount(
      await this.db.query(`DELETE FROM sms_method WHERE status = 'PENDING_VERIFICATION' AND created_at <= $1`, [pendingCutoff]),
    );
    // Tickets (and their codes, by cascade) and sessions a day past their end are of no further use.
    const tickets = affectedCount(await this.db.query(`DELETE FROM login_ticket WHERE expires_at < $1`, [dayAgo]));
    const sessions = affectedCount(await this.db.query(`DELETE FROM session WHERE expires_at < $1 OR revoked_at < $1`, [dayAgo]));
    if (pendingMethods + tickets + sessions > 0) this.logger.log(`removed ${pendingMethods} expired pending number(s), ${tickets} ticket(s), ${sessions} session(s)`);

    const { retention } = this.config;
    const loginFailures = await this.purge('login_failure', 'created_at < $1', [addSeconds(now, -retention.loginFailureSeconds)]);
    const securityEvents = await this.purge('security_event', 'created_at < $1', [addSeconds(now, -retention.securityEventSeconds)]);
    // A message still to be sent (QUEUED, SENDING) stays however old; the relay fails codes that expired unsent.
    const smsMessages = await this.purge('sms_message', 'created_at < $1 AND status = ANY($2)', [addSeconds(now, -retention.smsMessageSeconds), SETTLED]);
    if (loginFailures + securityEvents + smsMessages > 0) {
      this.logger.log(`purged ${loginFailures} login failure(s), ${securityEvents} security event(s), ${smsMessages} SMS past their retention`);
    }
    return { pendingMethods, tickets, sessions, loginFailures, securityEvents, smsMessages };
  }

  /**
   * Deletes the rows `where` matches, oldest first (through the table's created_at index), a batch
   * per statement: each batch is its own short transaction, so no lock is held for long. Rows
   * another instance is deleting are skipped, not waited for. Stops at a short batch, or after
   * MAINTENANCE_MAX_BATCHES (the next run goes on).
   */
  private async purge(table: 'login_failure' | 'security_event' | 'sms_message', where: string, params: unknown[]): Promise<number> {
    const batchSize = this.config.maintenanceBatchSize;
    const limit = `$${params.length + 1}`;
    // `= ANY(ARRAY(…))`, not `IN (…)`: the batch is read first and its rows found by primary key; with
    // IN, PostgreSQL plans a hash join that scans the whole table for every batch.
    const sql = `DELETE FROM ${table} WHERE id = ANY(ARRAY(SELECT id FROM ${table} WHERE ${where} ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED))`;
    let total = 0;
    for (let batch = 0; batch < MAINTENANCE_MAX_BATCHES; batch++) {
      const deleted = affectedCount(await this.db.query(sql, [...params, batchSize]));
      total += deleted;
      if (deleted < batchSize) break;
    }
    return total;
  }
}
