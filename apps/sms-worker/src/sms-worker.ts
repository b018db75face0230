import { Worker } from 'bullmq';
import type { RedisConnection } from '@twofold/redis-connection';
import { SMS_QUEUE_NAME, SendSmsJobData } from '@twofold/sms-queue';
import type { Logger } from './logger';
import { createSmsProcessor, SmsJobOutcome, SmsProcessorDeps } from './sms-processor';

export interface SmsWorkerOptions {
  connection: RedisConnection;
  prefix: string;
  concurrency: number;
  /** Messages per second across every worker of this queue (BullMQ's global limiter). */
  ratePerSecond: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  autorun?: boolean;
}

/**
 * BullMQ's limiter in short windows (about 100 ms) at the same average rate: when a backlog (a
 * flood of notices) saturates the provider rate, the next code, first in line by priority, waits
 * for the next window, at most ~100 ms rather than up to a whole second.
 */
export function limiterFor(ratePerSecond: number): { max: number; duration: number } {
  const max = Math.max(1, Math.floor(ratePerSecond / 10));
  return { max, duration: Math.round((1000 * max) / ratePerSecond) };
}

/**
 * The BullMQ worker on the SMS queue. `worker.close()` stops taking jobs and waits for the
 * ones in flight (graceful SIGTERM). A job that stalls too often (worker killed repeatedly)
 * is failed by BullMQ; the `failed` handler then records FAILED on the row.
 */
export function createSmsWorker(
  opts: SmsWorkerOptions,
  deps: SmsProcessorDeps & { logger: Logger },
): Worker<SendSmsJobData, SmsJobOutcome> {
  const processor = createSmsProcessor(deps);
  const worker = new Worker<SendSmsJobData, SmsJobOutcome>(SMS_QUEUE_NAME, processor, {
    connection: opts.connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    limiter: limiterFor(opts.ratePerSecond),
    lockDuration: opts.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs,
    maxStalledCount: 2,
    autorun: opts.autorun ?? true,
  });
  const { logger } = deps;
  worker.on('failed', (job, err) => {
    if (!job) return;
    const messageId = job.data?.messageId ?? job.id;
    const final =
      job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError' || /stalled/i.test(err.message);
    if (!final) return;
    logger.warn('sms job failed for good', { messageId, jobId: job.id, reason: err.message });
    // A failed job keeps only ids and the reason: drop the sealed payload as well.
    if (messageId) {
      job
        .updateData({ v: 1, messageId, sealed: '' })
        .catch((e: Error) => logger.warn('could not strip the failed job payload', { messageId, error: e.message }));
    }
    if (/stalled/i.test(err.message) && messageId) {
      deps.store
        .markFailed(messageId, `worker stopped mid-send too many times: ${err.message}`, null, new Date())
        .catch((e: Error) => logger.error('could not record the failure', { messageId, error: e.message }));
    }
  });
  worker.on('stalled', (jobId) =>
    logger.warn('sms job stalled (its worker stopped mid-send); it will be retried', { jobId }),
  );
  worker.on('error', (err) => logger.error('sms worker error', { error: err.message }));
  return worker;
}
