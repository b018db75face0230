import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PARTITION_MONTHS_AHEAD } from '@twofold/persistence';
import { addSeconds } from '@twofold/two-factor-domain';
import type { SmsDeliveryStatus } from '@twofold/sms-queue';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { LedgerPartitionsStore, type PartitionSession } from './ledger-partitions.store';
import { MaintenanceStore } from './maintenance.store';

export { MAINTENANCE_MAX_BATCHES } from './maintenance.store';

/** Final states: nothing sends or relays these any more (a late delivery report finds nothing). */
const SETTLED: SmsDeliveryStatus[] = ['SENT', 'DELIVERED', 'FAILED'];

export interface MaintenanceRun {
  /** Another instance was running maintenance: this run did nothing. */
  skipped: boolean;
  partitionsCreated: string[];
  partitionsDropped: string[];
  pendingMethods: number;
  tickets: number;
  sessions: number;
  loginFailures: number;
  securityEvents: number;
  smsMessages: number;
}

/**
 * Housekeeping that correctness never waits for (every query already ignores what is stale):
 * keeps the monthly partitions of sms_message and security_event ready PARTITION_MONTHS_AHEAD
 * months ahead and drops the months wholly past their retention (a month of messages still
 * holding an unsent one stays); removes numbers left pending past PENDING_METHOD_TTL_SECONDS, and
 * tickets, codes, sessions and tokens long expired; purges, in bounded batches, the login failures,
 * security events and settled SMS past their retention that remain in the month straddling the
 * cutoff (config refuses a retention shorter than a window that reads them). One instance at a
 * time (a session advisory lock, tried: a second instance's run is skipped). docs/scaling.md.
 */
@Injectable()
export class MaintenanceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Maintenance');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: MaintenanceStore,
    private readonly partitions: LedgerPartitionsStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Partitions ahead are made at boot, whatever the interval: an insert past the last month would fail. */
  async onApplicationBootstrap(): Promise<void> {
    const now = this.clock.now();
    await this.partitions
      .exclusively(async (s) => [...(await s.createAhead('sms_message', now, PARTITION_MONTHS_AHEAD)), ...(await s.createAhead('security_event', now, PARTITION_MONTHS_AHEAD))])
      .then((created) => created?.length && this.logger.log(`created partition(s) ${created.join(', ')}`))
      .catch((err: Error) => this.logger.warn(`partitions ahead: ${err.message}`));
    if (this.config.maintenanceIntervalMs > 0) {
      this.timer = setInterval(() => void this.runOnce().catch((err: Error) => this.logger.warn(err.message)), this.config.maintenanceIntervalMs);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<MaintenanceRun> {
    const run = await this.partitions.exclusively((session) => this.runLocked(session));
    return run ?? { skipped: true, partitionsCreated: [], partitionsDropped: [], pendingMethods: 0, tickets: 0, sessions: 0, loginFailures: 0, securityEvents: 0, smsMessages: 0 };
  }

  private async runLocked(partitions: PartitionSession): Promise<MaintenanceRun> {
    const now = this.clock.now();
    const { retention } = this.config;
    const batch = this.config.maintenanceBatchSize;
    const smsCutoff = addSeconds(now, -retention.smsMessageSeconds);
    const eventCutoff = addSeconds(now, -retention.securityEventSeconds);
    const partitionsCreated = [...(await partitions.createAhead('sms_message', now, PARTITION_MONTHS_AHEAD)), ...(await partitions.createAhead('security_event', now, PARTITION_MONTHS_AHEAD))];
    const partitionsDropped = [...(await partitions.dropEndedBefore('sms_message', smsCutoff)), ...(await partitions.dropEndedBefore('security_event', eventCutoff))];
    if (partitionsCreated.length + partitionsDropped.length > 0) {
      this.logger.log(`partitions: created ${partitionsCreated.join(', ') || 'none'}; dropped ${partitionsDropped.join(', ') || 'none'}`);
    }

    const pendingCutoff = addSeconds(now, -this.config.timings.pendingMethodTtlSeconds);
    const dayAgo = addSeconds(now, -86400);
    const pendingMethods = await this.store.deleteExpiredPending(pendingCutoff);
    // Tickets (and their codes, by cascade) and sessions a day past their end are of no further use.
    const tickets = await this.store.deleteExpired('login_ticket', dayAgo, batch);
    const sessions = await this.store.deleteExpired('session', dayAgo, batch);
    // Lapsed enrollments, remembered devices, verification, reset, "This wasn't me" and recovery links: gone as soon as they lapse.
    for (const table of ['security_key_registration', 'totp_enrollment', 'trusted_device', 'email_verification_token', 'password_reset_token', 'security_alert_token', 'account_recovery'] as const)
      await this.store.deleteExpired(table, now, batch);
    if (pendingMethods + tickets + sessions > 0) this.logger.log(`removed ${pendingMethods} expired pending number(s), ${tickets} ticket(s), ${sessions} session(s)`);

    const loginFailures = await this.store.purge('login_failure', addSeconds(now, -retention.loginFailureSeconds), batch);
    const securityEvents = await this.store.purge('security_event', eventCutoff, batch);
    const smsMessages = await this.store.purge('sms_message', smsCutoff, batch, SETTLED);
    await this.store.purge('email_message', smsCutoff, batch, ['SENT', 'FAILED']);
    await this.store.deleteExpired('sms_attempt', smsCutoff, batch);
    if (loginFailures + securityEvents + smsMessages > 0) {
      this.logger.log(`purged ${loginFailures} login failure(s), ${securityEvents} security event(s), ${smsMessages} SMS past their retention`);
    }
    return { skipped: false, partitionsCreated, partitionsDropped, pendingMethods, tickets, sessions, loginFailures, securityEvents, smsMessages };
  }
}
