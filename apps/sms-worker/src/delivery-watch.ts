import { DelayedError, Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { RedisConnection } from '@twofold/redis-connection';
import {
  openSmsJob,
  SMS_WATCH_ATTEMPTS,
  SMS_WATCH_JOB,
  SMS_WATCH_QUEUE_NAME,
  type SmsJobSecret,
  type SmsWatchJobData,
} from '@twofold/sms-queue';
import { DeliveryWatchStore } from './delivery-watch.store';
import type { Logger } from './logger';
import { maskPhone } from './mask';
import type { WorkerMetrics } from './metrics';
import { pauseEndOf, type ProviderChain } from './providers/provider-chain';
import { PermanentSmsError, TransientSmsError } from './providers/sms-provider';
import { StoreUnavailableError } from './sms-message.store';

export interface DeliveryWatchDeps {
  store: DeliveryWatchStore;
  chain: ProviderChain;
  /** deriveKey(APP_SECRET, 'sms-payload'): the watch carries the send job's sealed payload. */
  payloadKey: Buffer;
  /** SMS_DELIVERY_TIMEOUT_SECONDS in ms. */
  timeoutMs: number;
  logger: Logger;
  metrics?: WorkerMetrics;
  now?: () => Date;
  storeRetryMs?: number;
}

export type WatchOutcome = { outcome: 'done'; reason: string };

/** How many decisions one run of a watch job takes before it looks again later (a safety bound). */
const MAX_STEPS = 8;

/**
 * Which code SMS get a delivery watch, and the receipt deadline of each send: only when the route
 * has another provider to fall back to, and only for providers that send receipts (no receipt is
 * no news from the console provider). Used by the send processor: the watch job is added before the
 * first provider call, so a worker killed after that call still leaves it in Redis.
 */
export class DeliveryWatchScheduler {
  constructor(
    private readonly queue: Pick<Queue, 'add'>,
    private readonly chain: ProviderChain,
    readonly timeoutMs: number,
  ) {}

  /** True when a fallback could ever follow a send of this chain (some route with two providers, one with receipts). */
  get active(): boolean {
    return Object.values(this.chain.router.routes).some((route) => this.fallsBack(route));
  }

  /** True when a send to this number may be followed by a fallback: its route has another provider, and one sends receipts. */
  watches(to: string): boolean {
    return this.fallsBack(this.chain.routeNamesFor(to));
  }

  private fallsBack(route: readonly string[]): boolean {
    return route.length >= 2 && route.some((name) => this.chain.provider(name)?.sendsReceipts === true);
  }

  /**
   * Adds the message's watch (job id = message id: a second add, by a retried send or a sweep, is
   * a no-op), first run after `delayMs` (the receipt timeout; 0 for a watch the sweep restores).
   */
  async schedule(messageId: string, sealed: string, delayMs = this.timeoutMs): Promise<void> {
    const data: SmsWatchJobData = { v: 1, messageId, sealed };
    await this.queue.add(SMS_WATCH_JOB, data, {
      jobId: messageId,
      delay: delayMs,
      attempts: SMS_WATCH_ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
      removeOnComplete: true,
      removeOnFail: { age: 24 * 3600, count: 10000 },
    });
  }

  /** When a delivered receipt of a first send through `provider` must have come by (null: no watch). */
  deadlineFor(provider: string, sentAt: Date): Date | null {
    if (!this.active) return null;
    if (this.chain.provider(provider)?.sendsReceipts !== true) return null;
    return new Date(sentAt.getTime() + this.timeoutMs);
  }
}

/**
 * One step (or a few) of a message's delivery watch: decide under the message's locks
 * (DeliveryWatchStore.decide), then wait (the job goes back to the delayed set until the receipt
 * deadline: it survives a SIGKILL of the worker, whose lock simply expires), or send the same
 * sealed text through the provider the decision named, or finish. A fallback send killed midway
 * is resumed by the job's next run: the same attempt, the same text, through the same provider, so
 * the customer may get that SMS twice but never a second code.
 */
export function createDeliveryWatchProcessor(deps: DeliveryWatchDeps) {
  const now = deps.now ?? (() => new Date());
  const { store, chain, logger, metrics } = deps;
  const storeRetryMs = deps.storeRetryMs ?? 3000;

  async function later(job: Job, token: string | undefined, at: number): Promise<never> {
    if (!token) throw new Error('delivery watch: no job token to wait with');
    await job.moveToDelayed(Math.max(at, Date.now() + 1), token);
    throw new DelayedError();
  }

  return async function processWatch(job: Job<SmsWatchJobData>, token?: string): Promise<WatchOutcome> {
    const messageId = job.data?.messageId ?? job.id ?? 'unknown';
    if (job.name !== SMS_WATCH_JOB) throw new UnrecoverableError(`unknown job name "${job.name}"`);
    let secret: SmsJobSecret;
    try {
      secret = openSmsJob(deps.payloadKey, { v: 1, messageId, sealed: job.data.sealed });
    } catch {
      logger.error('delivery watch refused: its payload could not be opened', { messageId });
      throw new UnrecoverableError('watch payload could not be opened');
    }
    const log = { messageId, to: maskPhone(secret.to) };
    // The route of this number (SMS_ROUTES); none at all when its country is no longer allowed.
    const refusal = chain.router.refusalFor(secret.to);
    const route = refusal ? [] : chain.routeNamesFor(secret.to);

    for (let step = 0; step < MAX_STEPS; step++) {
      let d;
      try {
        // Providers the breaker or a 429 pause skips now are passed over when another is left.
        const skipped = new Set(route.filter((p) => chain.gate?.skipsNow(p)));
        d = await store.decide(messageId, route, now(), deps.timeoutMs, skipped);
      } catch (err) {
        if (!(err instanceof StoreUnavailableError)) throw err;
        logger.warn('postgresql unavailable; delivery watch looks again later', { messageId, error: err.message });
        return later(job, token, Date.now() + storeRetryMs);
      }
      if (d.kind === 'done') {
        logger.info('delivery watch finished', { ...log, reason: d.reason });
        return { outcome: 'done', reason: d.reason };
      }
      if (d.kind === 'wait') return later(job, token, d.until.getTime());

      const provider = chain.provider(d.provider);
      if (!provider || refusal) {
        await store.markAttemptFailed(messageId, d.seq, refusal ?? `${d.provider}: not configured on this worker`, now());
        continue;
      }
      // Breaker, pause, rate limit: a provider that cannot take it now is waited for (the attempt
      // stays SENDING, so the next run sends it through the same provider), never past the code.
      const gate = chain.gate ? await chain.gate.acquire(provider.name) : null;
      if (gate && !gate.ok) {
        logger.info('sms fallback waits for its provider', { ...log, provider: d.provider, attempt: d.seq, reason: gate.reason, until: new Date(gate.until).toISOString() });
        return later(job, token, gate.until);
      }
      logger.warn(d.resumed ? 'sms fallback resumed after an interrupted send' : 'sms fallback: the same code through the next provider', {
        ...log,
        provider: d.provider,
        attempt: d.seq,
        cause: d.cause,
      });
      const started = Date.now();
      try {
        const { providerMessageId } = await provider.send({ messageId, to: secret.to, body: secret.body });
        if (gate) await chain.gate?.report(gate, { kind: 'ok' });
        const at = now();
        const deadline = d.moreAfter && provider.sendsReceipts ? new Date(at.getTime() + deps.timeoutMs) : null;
        await store.markAttemptSent(messageId, d.seq, providerMessageId, at, deadline);
        metrics?.fallback(d.provider, d.cause ?? 'RESUMED');
        logger.info('sms fallback sent', { ...log, provider: d.provider, attempt: d.seq, providerMessageId, ms: Date.now() - started });
      } catch (err) {
        if (err instanceof StoreUnavailableError) throw new Error(err.message);
        if (err instanceof PermanentSmsError) {
          if (gate) await chain.gate?.report(gate, { kind: 'ok' });
          await store.markAttemptFailed(messageId, d.seq, err.message, now());
          logger.warn('sms fallback refused by its provider', { ...log, provider: d.provider, reason: err.message });
          continue;
        }
        const reason = err instanceof TransientSmsError ? err.message : `unexpected error (${(err as Error)?.name ?? 'unknown'})`;
        if (err instanceof TransientSmsError && err.kind === 'rate-limited') {
          // 429: the provider is paused for everyone; this attempt goes once the pause is over.
          const until = pauseEndOf(err, Date.now());
          if (gate) await chain.gate?.report(gate, { kind: 'rate-limited', until });
          logger.warn('sms fallback rate limited; it waits for the pause', { ...log, provider: d.provider, reason, until: new Date(until).toISOString() });
          return later(job, token, until);
        }
        if (gate) await chain.gate?.report(gate, { kind: 'failed' });
        const max = job.opts.attempts ?? 1;
        if (job.attemptsMade + 1 >= max) {
          await store.markAttemptFailed(messageId, d.seq, `gave up after ${max} attempts: ${reason}`, now());
          continue;
        }
        logger.warn('sms fallback failed; retried with backoff', { ...log, provider: d.provider, reason });
        // The attempt stays SENDING: the next run resumes it. A fresh Error (no foreign message).
        throw new Error(reason);
      }
    }
    return later(job, token, Date.now() + deps.timeoutMs);
  };
}

export interface DeliveryWatchWorkerOptions {
  connection: RedisConnection;
  prefix: string;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

/** The worker of the `sms-watch` queue (no rate limiter: fallbacks are few, and a code waits for none). */
export function createDeliveryWatchWorker(opts: DeliveryWatchWorkerOptions, deps: DeliveryWatchDeps): Worker<SmsWatchJobData, WatchOutcome> {
  const worker = new Worker<SmsWatchJobData, WatchOutcome>(SMS_WATCH_QUEUE_NAME, createDeliveryWatchProcessor(deps), {
    connection: opts.connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    lockDuration: opts.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs,
    // A watch killed with its worker is resumed, not failed: it only ever re-sends the same text.
    maxStalledCount: 5,
  });
  const { logger } = deps;
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError' || /stalled/i.test(err.message);
    if (!final) return;
    const messageId = job.data?.messageId ?? job.id;
    logger.warn('delivery watch failed for good', { messageId, reason: err.message });
    if (messageId) job.updateData({ v: 1, messageId, sealed: '' }).catch(() => undefined);
  });
  worker.on('error', (err) => logger.error('delivery watch worker error', { error: err.message }));
  return worker;
}
