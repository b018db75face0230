import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { createRedisConnection, describeRedis, logRedisOutages, type RedisConnection } from '@twofold/redis-connection';
import { EntityManager } from 'typeorm';
import { messageId, SmsMessageEntity } from '@twofold/persistence';
import {
  deriveKey,
  open,
  seal,
  SEND_SMS_JOB,
  sealSmsJob,
  SMS_JOB_ATTEMPTS,
  SMS_JOB_BACKOFF,
  SMS_JOB_DEFAULTS,
  SMS_QUEUE_NAME,
  smsJobPriority,
  type SmsChannel,
  type SmsPurpose,
} from '@twofold/sms-queue';
import { maskPhoneNumber } from '@twofold/two-factor-domain';
import { SmsMessageStore, type SmsMessageInsert } from './sms-message.store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { UnitOfWorkService } from '../unit-of-work/unit-of-work.service';

/** How long a request may wait for Redis to take a job before leaving it to the relay. */
const ENQUEUE_TIMEOUT_MS = 2000;

function rejectAfter(ms: number, reason: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(reason)), ms).unref());
}

export interface OutgoingSms {
  accountId: string;
  methodId: string | null;
  ticketId: string | null;
  phoneNumber: string;
  /** Region and prefix of the destination, for the SMS-pumping guard (codes only). */
  countryCode?: string | null;
  destinationPrefix?: string | null;
  purpose: SmsPurpose;
  locale: string;
  body: string;
  clientIp: string | null;
  codeExpiresAt: Date | null;
  /** VOICE: a call reads the code out; `body` is then its digits alone. Default SMS. */
  channel?: SmsChannel;
}

/**
 * The transactional outbox of SMS (and of calls, channel VOICE: the same row, relay and job). A message row is written in the caller's transaction
 * (with the code it carries); after commit it is handed to BullMQ with jobId = message id.
 * If Redis is down the row simply stays QUEUED and the relay hands it over later, so an SMS
 * the API accepted is never lost, and a second enqueue of the same id is a no-op.
 */
@Injectable()
export class SmsOutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SmsOutbox');
  private readonly bodyKey: Buffer;
  private readonly payloadKey: Buffer;
  private connection: RedisConnection | null = null;
  private queue: Queue | null = null;
  private relayTimer: NodeJS.Timeout | null = null;
  private relayRunning = false;
  constructor(
    private readonly uow: UnitOfWorkService,
    private readonly store: SmsMessageStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.bodyKey = deriveKey(config.appSecret, 'sms-body');
    this.payloadKey = deriveKey(config.appSecret, 'sms-payload');
  }

  onApplicationBootstrap(): void {
    // A producer fails fast while Redis is away (no offline queue): the relay retries from PostgreSQL.
    // One Redis or a Redis Cluster (REDIS_CLUSTER_NODES), built in @twofold/redis-connection.
    const connection = createRedisConnection(this.config, 'producer');
    this.connection = connection;
    // The first error of an outage and the recovery, not every reconnect attempt.
    logRedisOutages(connection, {
      warn: (msg, fields) => this.logger.warn(`${msg} ${JSON.stringify(fields)}`),
      info: (msg) => this.logger.log(msg),
    });
    this.logger.log(`SMS queue on ${describeRedis(this.config)}, prefix ${this.config.queuePrefix}`);
    this.queue = new Queue(SMS_QUEUE_NAME, { connection: this.connection, prefix: this.config.queuePrefix });
    this.queue.on('error', (err) => this.logger.warn(`queue: ${err.message}`));
    if (this.config.sms.relayIntervalMs > 0) {
      this.relayTimer = setInterval(() => void this.relayOnce(), this.config.sms.relayIntervalMs);
      this.relayTimer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.relayTimer) clearInterval(this.relayTimer);
    await this.queue?.close().catch(() => undefined);
    this.connection?.disconnect();
  }

  /**
   * A transaction whose outbox rows are handed to the queue after it commits (the unit of work):
   * every `add` inside `fn` registers its message here, so no caller enqueues by hand and a
   * rolled-back transaction hands nothing over. The same unit of work as EmailOutboxService's.
   */
  inTransaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.uow.run(fn);
  }

  /**
   * Inserts the message (QUEUED, body sealed) in the unit of work's transaction; it is enqueued after commit.
   * `insert`: how the row is written when the caller writes more in the same statement (a new
   * code's send: SmsCodeStore.insertWithMessage); the plain insert otherwise.
   */
  async add(em: EntityManager, sms: OutgoingSms, now: Date, insert?: (em: EntityManager, row: SmsMessageInsert) => Promise<void>): Promise<SmsMessageEntity> {
    // A UUIDv7 of `now`, the row's created_at: a lookup by id alone finds its month (partitions.ts).
    const id = messageId(now);
    const message = em.create(SmsMessageEntity, {
      id,
      accountId: sms.accountId,
      methodId: sms.methodId,
      ticketId: sms.ticketId,
      phoneNumber: sms.phoneNumber,
      countryCode: sms.countryCode ?? null,
      destinationPrefix: sms.destinationPrefix ?? null,
      verifiedAt: null,
      purpose: sms.purpose,
      locale: sms.locale,
      channel: sms.channel ?? 'SMS',
      bodySealed: seal(this.bodyKey, sms.body, id),
      status: 'QUEUED',
      clientIp: sms.clientIp,
      codeExpiresAt: sms.codeExpiresAt,
      createdAt: now,
      updatedAt: now,
      // The hand-off is attempted right after commit, without a second write: when it fails (or the
      // process dies first) the relay hands the message over SMS_RELAY_REQUEUE_AFTER_SECONDS later.
      enqueuedAt: now,
      attempts: 0,
    });
    // An SMS written outside a unit of work would wait for the relay: refused (throws) before the insert.
    this.uow.afterCommit(em, 'SmsOutboxService.add', () => this.enqueue([message]));
    await (insert ? insert(em, message as SmsMessageInsert) : this.store.insert(em, message as SmsMessageInsert, now));
    return message;
  }

  /**
   * A new message with the text of `original` (opened and sealed again under the new id, never
   * out of this service), for the operator CLI's `sms retry` of a FAILED code SMS: the original
   * stays FAILED (a final state), the copy is QUEUED and handed to the queue after commit.
   */
  addCopy(em: EntityManager, original: { accountId: string; channel?: SmsChannel } & Pick<SmsMessageEntity, 'id' | 'methodId' | 'ticketId' | 'phoneNumber' | 'countryCode' | 'destinationPrefix' | 'purpose' | 'locale' | 'bodySealed' | 'codeExpiresAt'>, clientIp: string | null, now: Date): Promise<SmsMessageEntity> {
    const body = open(this.bodyKey, original.bodySealed, original.id);
    const { accountId, methodId, ticketId, phoneNumber, countryCode, destinationPrefix, purpose, locale, codeExpiresAt, channel } = original;
    return this.add(em, { accountId, methodId, ticketId, phoneNumber, countryCode, destinationPrefix, purpose, locale, body, clientIp, codeExpiresAt, channel }, now);
  }

  /** Waits up to `timeoutMs` for the producer's Redis connection (a short-lived process, the CLI, asks before it writes). */
  async whenReady(timeoutMs: number): Promise<boolean> {
    const connection = this.connection;
    if (!connection) return false;
    if (connection.status === 'ready') return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      timer.unref();
      const onReady = () => done(true);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        connection.off('ready', onReady);
        resolve(ok);
      };
      connection.once('ready', onReady);
    });
  }

  /** Hands committed messages to the queue; failures are logged and left to the relay. */
  private async enqueue(messages: SmsMessageEntity[]): Promise<void> {
    await Promise.all(messages.map((m) => this.enqueueOne(m.id, m.phoneNumber, open(this.bodyKey, m.bodySealed, m.id), m.codeExpiresAt, m.purpose, m.channel, m.locale)));
  }

  /** The bodies of the rows this outbox wrote, opened for a call that carries the same code as an earlier message (voice-calls/). */
  openBody(messageId: string, bodySealed: string): string {
    return open(this.bodyKey, bodySealed, messageId);
  }

  private async enqueueOne(id: string, to: string, body: string, codeExpiresAt: Date | null, purpose: SmsPurpose, channel: SmsChannel, locale: string): Promise<boolean> {
    if (!this.queue) return false;
    // BullMQ waits for a connection that is not ready (forever while Redis is away): never make
    // the customer's request wait for Redis. The row stays QUEUED and the relay hands it over.
    if (this.connection?.status !== 'ready') {
      this.logger.warn(`message ${id} to ${maskPhoneNumber(to)} stays QUEUED for the relay: redis ${this.connection?.status ?? 'absent'}`);
      return false;
    }
    try {
      const voice = channel === 'VOICE' ? { channel, locale } : {};
      const data = sealSmsJob(this.payloadKey, { messageId: id, to, body, expiresAt: codeExpiresAt?.toISOString() ?? null, ...voice });
      const priority = smsJobPriority(purpose);
      const added = this.queue.add(SEND_SMS_JOB, data, { ...SMS_JOB_DEFAULTS, jobId: id, attempts: SMS_JOB_ATTEMPTS, backoff: { ...SMS_JOB_BACKOFF }, ...(priority ? { priority } : {}) });
      added.catch(() => undefined); // a late failure after the timeout below is the relay's business
      await Promise.race([added, rejectAfter(ENQUEUE_TIMEOUT_MS, 'redis did not answer in time')]);
      return true;
    } catch (err) {
      this.logger.warn(`message ${id} to ${maskPhoneNumber(to)} stays QUEUED for the relay: ${(err as Error).message}`);
      return false;
    }
  }

  /**
   * Re-enqueues what Redis may have lost: QUEUED rows never (or long ago) handed over, and
   * SENDING rows whose worker vanished. Codes already expired are failed instead of sent.
   * SKIP LOCKED lets several API instances relay without stepping on each other.
   */
  async relayOnce(): Promise<number> {
    if (this.relayRunning) return 0;
    this.relayRunning = true;
    try {
      const now = this.clock.now();
      const requeueBefore = new Date(now.getTime() - this.config.sms.relayRequeueAfterSeconds * 1000);
      const staleSendingBefore = new Date(now.getTime() - this.config.sms.relayStaleSendingSeconds * 1000);
      await this.store.failExpiredQueued(now);
      const rows = await this.store.claimDue(requeueBefore, staleSendingBefore, now);
      let handed = 0;
      for (const r of rows) {
        if (await this.enqueueOne(r.id, r.phone_number, open(this.bodyKey, r.body_sealed, r.id), r.code_expires_at, r.purpose, r.channel, r.locale)) handed++;
      }
      if (rows.length > 0) this.logger.log(`relay handed ${handed}/${rows.length} waiting messages to the queue`);
      return handed;
    } catch (err) {
      this.logger.warn(`relay: ${(err as Error).message}`);
      return 0;
    } finally {
      this.relayRunning = false;
    }
  }

  /** Queue depth for /metrics; empty while Redis is away. */
  async jobCounts(): Promise<Record<string, number>> {
    try {
      return (await this.queue?.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized')) ?? {};
    } catch {
      return {};
    }
  }

  /** Redis reachability for /health. */
  async pingRedis(): Promise<boolean> {
    try {
      return (await this.connection?.ping()) === 'PONG';
    } catch {
      return false;
    }
  }
}
