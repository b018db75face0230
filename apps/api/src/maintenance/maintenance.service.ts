import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { addSeconds } from '@twofold/two-factor-domain';
import type { SmsDeliveryStatus } from '@twofold/sms-queue';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { MaintenanceStore } from './maintenance.store';

export { MAINTENANCE_MAX_BATCHES } from './maintenance.store';

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
    private readonly store: MaintenanceStore,
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
    const pendingMethods = await this.store.deleteExpiredPending(pendingCutoff);
    // Tickets (and their codes, by cascade) and sessions a day past their end are of no further use.
    const tickets = await this.store.deleteTicketsEndedBefore(dayAgo);
    const sessions = await this.store.deleteSessionsEndedBefore(dayAgo);
    // Lapsed authenticator-app enrollments hold a secret nobody will confirm: gone as soon as they lapse.
    await this.store.deleteEnrollmentsEndedBefore(now);
    await this.store.deleteTrustedDevicesExpiredBefore(now);
    await this.store.deleteEmailVerificationTokensExpiredBefore(now);
    if (pendingMethods + tickets + sessions > 0) this.logger.log(`removed ${pendingMethods} expired pending number(s), ${tickets} ticket(s), ${sessions} session(s)`);

    const { retention } = this.config;
    const batch = this.config.maintenanceBatchSize;
    const loginFailures = await this.store.purge('login_failure', addSeconds(now, -retention.loginFailureSeconds), batch);
    const securityEvents = await this.store.purge('security_event', addSeconds(now, -retention.securityEventSeconds), batch);
    const smsMessages = await this.store.purge('sms_message', addSeconds(now, -retention.smsMessageSeconds), batch, SETTLED);
    await this.store.purge('email_message', addSeconds(now, -retention.smsMessageSeconds), batch, ['SENT', 'FAILED']);
    if (loginFailures + securityEvents + smsMessages > 0) {
      this.logger.log(`purged ${loginFailures} login failure(s), ${securityEvents} security event(s), ${smsMessages} SMS past their retention`);
    }
    return { pendingMethods, tickets, sessions, loginFailures, securityEvents, smsMessages };
  }
}
