import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { createRedisConnection, logRedisOutages, type RedisConnection } from '@twofold/redis-connection';
import {
  deriveKey,
  EMAIL_JOB_ATTEMPTS,
  EMAIL_JOB_BACKOFF,
  EMAIL_JOB_DEFAULTS,
  EMAIL_QUEUE_NAME,
  open,
  seal,
  sealEmailJob,
  SEND_EMAIL_JOB,
  type EmailTemplate,
  type EmailTemplateData,
} from '@twofold/sms-queue';
import { addSeconds, ipRateLimitKey } from '@twofold/two-factor-domain';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UnitOfWorkService } from '../unit-of-work/unit-of-work.service';
import { EmailMessageStore, type EmailMessageInsert } from './email-message.store';

const ENQUEUE_TIMEOUT_MS = 2000;
const HOUR = 3600;

/**
 * E-mails with a per-account budget of their own instead of EMAIL_PER_ACCOUNT_PER_HOUR, which
 * only the account's own requests spend: a stranger who types the address (a password reset)
 * must not use up the customer's budget. They still pass the per-IP and global budgets.
 */
const SEPARATE_ACCOUNT_BUDGETS: Partial<Record<EmailTemplate, (config: AppConfig) => number>> = {
  PASSWORD_RESET: (config) => config.limits.passwordResetEmailsPerAccountPerHour,
  // Security notices (written with no client IP, so no IP budget can silence one): EMAIL_NOTICES_PER_ACCOUNT_PER_HOUR.
  SECURITY_NOTICE: (config) => config.mail.noticesPerAccountPerHour,
};
const SEPARATELY_BUDGETED = Object.keys(SEPARATE_ACCOUNT_BUDGETS) as EmailTemplate[];

export interface OutgoingEmail {
  accountId: string;
  to: string;
  template: EmailTemplate;
  locale: string;
  /** Sealed in the row and in the job: a link's token is never in clear outside the worker. */
  data: EmailTemplateData;
  /** The client whose request causes it (per-IP budget; an IPv6 client counts by its /64). */
  clientIp: string | null;
}

export type EmailAddResult = { queued: true; id: string } | { queued: false; budget: 'account' | 'ip' | 'global'; retryAfterSeconds: number };

interface Written {
  id: string;
  to: string;
  template: EmailTemplate;
  locale: string;
  data: EmailTemplateData;
}

/**
 * The transactional outbox of e-mail, the twin of SmsOutboxService: a row written in the
 * caller's transaction (with the token it carries, sealed), handed to BullMQ's `email` queue
 * after commit (jobId = message id), the relay for whatever Redis missed. Every e-mail passes the
 * budgets first: EMAIL_PER_ACCOUNT_PER_HOUR (only the account's own requests spend it),
 * EMAIL_PER_IP_PER_HOUR (one client's sign-ups cannot drain the global budget) and EMAIL_BUDGET_GLOBAL_PER_HOUR.
 */
@Injectable()
export class EmailOutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EmailOutbox');
  private readonly dataKey: Buffer;
  private readonly payloadKey: Buffer;
  private connection: RedisConnection | null = null;
  private queue: Queue | null = null;
  private relayTimer: NodeJS.Timeout | null = null;
  private relayRunning = false;
  constructor(
    private readonly uow: UnitOfWorkService,
    private readonly store: EmailMessageStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.dataKey = deriveKey(config.appSecret, 'email-data');
    this.payloadKey = deriveKey(config.appSecret, 'email-payload');
  }

  onApplicationBootstrap(): void {
    const connection = createRedisConnection(this.config, 'producer');
    this.connection = connection;
    logRedisOutages(connection, { warn: (msg, fields) => this.logger.warn(`${msg} ${JSON.stringify(fields)}`), info: (msg) => this.logger.log(msg) });
    this.queue = new Queue(EMAIL_QUEUE_NAME, { connection, prefix: this.config.queuePrefix });
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

  /** A transaction whose e-mails are handed to the queue after it commits (nothing when it rolls back); the same unit of work as SmsOutboxService's. */
  inTransaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.uow.run(fn);
  }

  /** Within the budgets: inserts the message (QUEUED, data sealed) in the unit of work's transaction. */
  async add(em: EntityManager, mail: OutgoingEmail, now: Date): Promise<EmailAddResult> {
    if (!this.uow.has(em)) throw new Error('EmailOutboxService.add outside inTransaction()');
    const { perIpPerHour, globalPerHour } = this.config.mail;
    const separate = SEPARATE_ACCOUNT_BUDGETS[mail.template];
    const perAccountPerHour = separate ? separate(this.config) : this.config.mail.perAccountPerHour;
    const accountTemplates = separate ? { only: true, templates: [mail.template] } : { only: false, templates: SEPARATELY_BUDGETED };
    const ipKey = ipRateLimitKey(mail.clientIp);
    const b = await this.store.budget(em, { accountId: mail.accountId, ipKey, since: addSeconds(now, -HOUR), perAccount: perAccountPerHour, perIp: perIpPerHour, global: globalPerHour, accountTemplates });
    const retryAfter = (oldest: Date | null) => Math.max(1, Math.ceil(((oldest?.getTime() ?? now.getTime()) + HOUR * 1000 - now.getTime()) / 1000));
    if (b.accountSent >= perAccountPerHour) return { queued: false, budget: 'account', retryAfterSeconds: retryAfter(b.accountOldest) };
    if (ipKey && b.ipSent >= perIpPerHour) {
      this.logger.warn(`${mail.template} e-mail for account ${mail.accountId} not sent: the e-mail budget of its client IP is reached`);
      return { queued: false, budget: 'ip', retryAfterSeconds: retryAfter(b.ipOldest) };
    }
    if (b.globalSent >= globalPerHour) {
      this.logger.warn(`${mail.template} e-mail for account ${mail.accountId} not sent: the global e-mail budget is reached`);
      return { queued: false, budget: 'global', retryAfterSeconds: retryAfter(b.globalOldest) };
    }
    const id = randomUUID();
    const row: EmailMessageInsert = {
      id,
      accountId: mail.accountId,
      toAddress: mail.to,
      template: mail.template,
      locale: mail.locale,
      dataSealed: seal(this.dataKey, JSON.stringify(mail.data), id),
      clientIp: ipKey,
    };
    await this.store.insert(em, row, now);
    const written: Written = { id, to: mail.to, template: mail.template, locale: mail.locale, data: mail.data };
    this.uow.afterCommit(em, 'EmailOutboxService.add', () => this.enqueueOne(written));
    return { queued: true, id };
  }

  private async enqueueOne(w: Written): Promise<boolean> {
    if (!this.queue) return false;
    if (this.connection?.status !== 'ready') {
      this.logger.warn(`e-mail ${w.id} stays QUEUED for the relay: redis ${this.connection?.status ?? 'absent'}`);
      return false;
    }
    try {
      const data = sealEmailJob(this.payloadKey, { messageId: w.id, to: w.to, template: w.template, locale: w.locale, data: w.data });
      const added = this.queue.add(SEND_EMAIL_JOB, data, { ...EMAIL_JOB_DEFAULTS, jobId: w.id, attempts: EMAIL_JOB_ATTEMPTS, backoff: { ...EMAIL_JOB_BACKOFF } });
      added.catch(() => undefined);
      await Promise.race([added, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('redis did not answer in time')), ENQUEUE_TIMEOUT_MS).unref())]);
      return true;
    } catch (err) {
      this.logger.warn(`e-mail ${w.id} stays QUEUED for the relay: ${(err as Error).message}`);
      return false;
    }
  }

  /** Re-enqueues what Redis may have lost (QUEUED too long, SENDING whose worker vanished). */
  async relayOnce(): Promise<number> {
    if (this.relayRunning) return 0;
    this.relayRunning = true;
    try {
      const now = this.clock.now();
      const rows = await this.store.claimDue(
        addSeconds(now, -this.config.sms.relayRequeueAfterSeconds),
        addSeconds(now, -this.config.sms.relayStaleSendingSeconds),
        now,
      );
      let handed = 0;
      for (const r of rows) {
        const data = JSON.parse(open(this.dataKey, r.data_sealed, r.id)) as EmailTemplateData;
        if (await this.enqueueOne({ id: r.id, to: r.to_address, template: r.template, locale: r.locale, data })) handed++;
      }
      if (rows.length > 0) this.logger.log(`relay handed ${handed}/${rows.length} waiting e-mails to the queue`);
      return handed;
    } catch (err) {
      this.logger.warn(`relay: ${(err as Error).message}`);
      return 0;
    } finally {
      this.relayRunning = false;
    }
  }
}
