import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import type { RedisConnection } from '@twofold/redis-connection';
import { EMAIL_QUEUE_NAME, openEmailJob, SEND_EMAIL_JOB, type EmailJobSecret, type SendEmailJobData } from '@twofold/sms-queue';
import type { Logger } from '../logger';
import { StoreUnavailableError } from '../sms-message.store';
import { renderEmail } from './email-templates';
import type { EmailMessageStore } from './email-message.store';
import { PermanentMailError, type Mailer } from './mailer';

export interface EmailProcessorDeps {
  store: EmailMessageStore;
  mailer: Mailer;
  /** deriveKey(APP_SECRET, 'email-payload'). */
  payloadKey: Buffer;
  webOrigin: string;
  logger: Logger;
  now?: () => Date;
  storeRetryMs?: number;
}

export type EmailJobOutcome = { outcome: 'sent'; providerMessageId: string } | { outcome: 'skipped'; reason: string };

/** Masks an address for the logs: a***@example.com. */
export const maskEmail = (to: string) => to.replace(/^(.)[^@]*(@.*)?$/, (_m, first: string, domain?: string) => `${first}***${domain ?? ''}`);

/**
 * One job = one attempt at one e-mail, like the SMS processor: open the sealed payload → claim
 * the row (attempts + 1; nothing to claim = already done) → render (the link from the sealed
 * token and WEB_ORIGIN) → SMTP → SENT with the Message-ID; a 5xx is FAILED at once, anything else
 * is retried with backoff (FAILED on the last attempt). Errors carry no address, link or body.
 */
export function createEmailProcessor(deps: EmailProcessorDeps) {
  const now = deps.now ?? (() => new Date());
  const { store, mailer, logger } = deps;

  async function processOnce(job: Job<SendEmailJobData>): Promise<EmailJobOutcome> {
    const messageId = job.data?.messageId ?? job.id ?? 'unknown';
    if (job.name !== SEND_EMAIL_JOB) throw new UnrecoverableError(`unknown job name "${job.name}"`);
    let secret: EmailJobSecret;
    try {
      secret = openEmailJob(deps.payloadKey, job.data);
    } catch {
      const reason = 'job payload could not be opened (APP_SECRET differs between API and worker, or the job was tampered with)';
      await store.markFailed(messageId, reason, now());
      logger.error('email job refused', { messageId, jobId: job.id, reason });
      throw new UnrecoverableError(reason);
    }
    const claimed = await store.claim(messageId, now());
    if (!claimed) {
      logger.info('email already handled; nothing to do', { messageId });
      return { outcome: 'skipped', reason: 'already handled' };
    }
    const log = { messageId, to: maskEmail(secret.to), template: secret.template, attempt: claimed.attempts, jobAttempt: job.attemptsMade + 1 };
    const started = Date.now();
    let providerMessageId: string;
    try {
      providerMessageId = await mailer.send(messageId, secret.to, renderEmail(secret.template, secret.locale, secret.data, deps.webOrigin));
    } catch (err) {
      const reason = err instanceof Error && /^smtp /.test(err.message) ? err.message : `unexpected error (${(err as Error)?.name ?? 'unknown'})`;
      if (err instanceof PermanentMailError) {
        await store.markFailed(messageId, reason, now());
        logger.warn('email failed permanently', { ...log, reason });
        throw new UnrecoverableError(reason);
      }
      const maxAttempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= maxAttempts) {
        const final = `gave up after ${maxAttempts} attempts: ${reason}`;
        await store.markFailed(messageId, final, now());
        logger.error('email failed: attempts exhausted', { ...log, reason });
        throw new UnrecoverableError(final);
      }
      await store.noteRetry(messageId, `retrying: ${reason}`, now());
      logger.warn('email attempt failed; BullMQ retries with backoff', { ...log, reason, ms: Date.now() - started });
      throw new Error(reason);
    }
    const recorded = await store.markSent(messageId, providerMessageId, now());
    logger.info(recorded ? 'email sent' : 'email sent, but the message was already final (kept its state)', { ...log, providerMessageId, ms: Date.now() - started });
    return { outcome: 'sent', providerMessageId };
  }

  /** PostgreSQL away: the job waits without spending an attempt (an e-mail link lives for hours). */
  return async function processEmailJob(job: Job<SendEmailJobData>, token?: string): Promise<EmailJobOutcome> {
    try {
      return await processOnce(job);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError) || !token) throw err;
      logger.warn('postgresql unavailable; email job put back without spending an attempt', { messageId: job.data?.messageId ?? job.id, error: err.message });
      await job.moveToDelayed(Date.now() + (deps.storeRetryMs ?? 3000), token);
      throw new DelayedError();
    }
  };
}

export interface EmailWorkerOptions {
  connection: RedisConnection;
  prefix: string;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

/** The BullMQ worker on the `email` queue; a job that stalls too often ends FAILED on its row. */
export function createEmailWorker(opts: EmailWorkerOptions, deps: EmailProcessorDeps): Worker<SendEmailJobData, EmailJobOutcome> {
  const worker = new Worker<SendEmailJobData, EmailJobOutcome>(EMAIL_QUEUE_NAME, createEmailProcessor(deps), {
    connection: opts.connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    lockDuration: opts.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs,
    maxStalledCount: 2,
  });
  const { logger } = deps;
  worker.on('failed', (job, err) => {
    if (!job) return;
    const messageId = job.data?.messageId ?? job.id;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError' || /stalled/i.test(err.message);
    if (!final || !messageId) return;
    logger.warn('email job failed for good', { messageId, jobId: job.id, reason: err.message });
    job.updateData({ v: 1, messageId, sealed: '' }).catch((e: Error) => logger.warn('could not strip the failed job payload', { messageId, error: e.message }));
    if (/stalled/i.test(err.message)) {
      deps.store.markFailed(messageId, `worker stopped mid-send too many times: ${err.message}`, new Date()).catch((e: Error) => logger.error('could not record the failure', { messageId, error: e.message }));
    }
  });
  worker.on('error', (err) => logger.error('email worker error', { error: err.message }));
  return worker;
}
