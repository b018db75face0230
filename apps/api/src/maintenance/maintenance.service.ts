import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addSeconds } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { affectedCount } from '../common/sql';

/**
 * Housekeeping that correctness never waits for (every query already ignores what is stale):
 * removes numbers left pending past PENDING_METHOD_TTL_SECONDS, and tickets, codes and sessions
 * long expired. Safe to run on every instance at once.
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

  async runOnce(): Promise<{ pendingMethods: number; tickets: number; sessions: number }> {
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
    return { pendingMethods, tickets, sessions };
  }
}
