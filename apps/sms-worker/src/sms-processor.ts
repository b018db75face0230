import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { EXPIRED_BEFORE_SENDING } from '@twofold/persistence/pg';
import { openSmsJob, SEND_SMS_JOB, SendSmsJobData, SmsJobSecret } from '@twofold/sms-queue';
import type { Logger } from './logger';
import { maskPhone } from './mask';
import { type ChainResult, NoProviderAvailableError, type ProviderChain } from './providers/provider-chain';
import { PermanentSmsError, TransientSmsError } from './providers/sms-provider';
import { SmsMessageStore, StoreUnavailableError } from './sms-message.store';
import type { WorkerMetrics } from './metrics';
import type { DeliveryWatchScheduler } from './delivery-watch';
import type { VoiceCaller } from './providers/twilio-voice';
import { placeCall } from './voice-call';

export interface SmsProcessorDeps {
  store: SmsMessageStore;
  chain: ProviderChain;
  /** deriveKey(APP_SECRET, 'sms-payload'). */
  payloadKey: Buffer;
  logger: Logger;
  now?: () => Date;
  /** How long a job waits when PostgreSQL is unavailable (default 3000 ms). */
  storeRetryMs?: number;
  metrics?: WorkerMetrics;
  /** Receipt-driven fallback (delivery-watch.ts): absent, or inactive with one provider. */
  watch?: DeliveryWatchScheduler;
  /** "Call me instead" (channel VOICE jobs): Twilio's Calls API; absent, a call fails for good. */
  voice?: VoiceCaller;
}

export type SmsJobOutcome =
  | { outcome: 'sent'; provider: string; providerMessageId: string }
  | { outcome: 'skipped'; reason: string };

/** The relay's reason too, so a code expired in the queue reads the same wherever it was caught. */
export { EXPIRED_BEFORE_SENDING };

/**
 * One job = one attempt at one message:
 * open the sealed payload → claim the row (QUEUED/SENDING → SENDING, attempts+1; nothing to
 * claim = already done, complete as a no-op) → refuse an expired code → send through the chain
 * → SENT, or FAILED at once on a permanent error (UnrecoverableError: no BullMQ retry), or
 * throw a transient error so BullMQ retries with backoff (FAILED on the last attempt).
 * Errors thrown here carry no number and no body: they are stored in Redis as failedReason.
 */
export function createSmsProcessor(deps: SmsProcessorDeps) {
  const now = deps.now ?? (() => new Date());
  const { store, chain, logger, metrics } = deps;

  const storeRetryMs = deps.storeRetryMs ?? 3000;

  /**
   * PostgreSQL unavailable (restart, failover): the job goes back to the delayed set without
   * spending an attempt, so an outage of minutes does not exhaust the retries. Bounded by the
   * code's own expiry: once it has passed, the error counts as a normal failed attempt.
   */
  return async function processSmsJob(job: Job<SendSmsJobData>, token?: string): Promise<SmsJobOutcome> {
    try {
      return await processOnce(job, token);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError) || !token) throw err;
      let expiresAt: string | null = null;
      try {
        expiresAt = openSmsJob(deps.payloadKey, job.data).expiresAt;
      } catch {
        expiresAt = null;
      }
      if (expiresAt && Date.parse(expiresAt) <= now().getTime()) throw new Error(err.message);
      logger.warn('postgresql unavailable; sms job put back without spending an attempt', {
        messageId: job.data?.messageId ?? job.id,
        retryInMs: storeRetryMs,
        error: err.message,
      });
      await job.moveToDelayed(Date.now() + storeRetryMs, token);
      throw new DelayedError();
    }
  };

  async function processOnce(job: Job<SendSmsJobData>, token?: string): Promise<SmsJobOutcome> {
    const messageId = job.data?.messageId ?? job.id ?? 'unknown';
    if (job.name !== SEND_SMS_JOB) throw new UnrecoverableError(`unknown job name "${job.name}"`);

    let secret: SmsJobSecret;
    try {
      secret = openSmsJob(deps.payloadKey, job.data);
    } catch {
      const reason =
        'job payload could not be opened (APP_SECRET differs between API and worker, or the job was tampered with)';
      await store.markFailed(messageId, reason, null, now());
      logger.error('sms job refused', { messageId, jobId: job.id, reason });
      throw new UnrecoverableError(reason);
    }

    const claimed = await store.claim(messageId, now());
    if (!claimed) {
      metrics?.outcome('skipped', null);
      logger.info('sms already handled; nothing to do', { messageId, jobId: job.id });
      return { outcome: 'skipped', reason: 'already handled' };
    }
    const log = { messageId, to: maskPhone(secret.to), attempt: claimed.attempts, jobAttempt: job.attemptsMade + 1 };

    const expiresAt = claimed.codeExpiresAt ?? (secret.expiresAt ? new Date(secret.expiresAt) : null);
    if (expiresAt && expiresAt.getTime() <= now().getTime()) {
      await store.markFailed(messageId, EXPIRED_BEFORE_SENDING, null, now());
      metrics?.outcome('expired', null);
      logger.warn('sms not sent: its code expired before it could be sent', {
        ...log,
        expiresAt: expiresAt.toISOString(),
      });
      throw new UnrecoverableError(EXPIRED_BEFORE_SENDING);
    }

    // SMS_ALLOWED_COUNTRIES holds at send time too (codes, notices, calls): not sent, no fallback.
    const refusal = chain.router.refusalFor(secret.to);
    if (refusal) {
      await store.markFailed(messageId, refusal, null, now());
      metrics?.outcome('refused', null);
      logger.warn('sms not sent: its country is not allowed', { ...log, reason: refusal });
      throw new UnrecoverableError(refusal);
    }

    // A code through a route with a fallback: its delivery watch goes to Redis before the first
    // provider call, so a worker killed after that call still leaves it there (job id = message id).
    // A call (channel VOICE) goes through the voice caller alone, without a delivery watch.
    const isCall = secret.channel === 'VOICE';
    const watched = !isCall && !!deps.watch?.watches(secret.to) && expiresAt !== null;
    if (watched) await deps.watch?.schedule(messageId, job.data.sealed);

    const started = Date.now();
    let result: ChainResult;
    try {
      result = isCall ? await placeCall(deps.voice, secret, chain.gate) : await chain.send({ messageId, to: secret.to, body: secret.body }, claimed.attempts);
    } catch (err) {
      if (err instanceof PermanentSmsError) {
        await store.markFailed(messageId, err.message, err.provider, now());
        metrics?.outcome('failed', err.provider);
        logger.warn('sms failed permanently', {
          ...log,
          provider: err.provider,
          reason: err.message,
          ms: Date.now() - started,
        });
        throw new UnrecoverableError(err.message);
      }
      if (err instanceof NoProviderAvailableError && token) {
        // Every provider of the route paused, open or at its rate limit: wait for the first to
        // come back, without spending an attempt, and never past the code's expiry (then expired).
        // Up to 100 ms of jitter, so jobs that waited for the same instant do not all wake at once.
        const resumeAt = err.resumeAt + Math.floor(Math.random() * 100);
        const until = expiresAt ? Math.min(resumeAt, expiresAt.getTime()) : resumeAt;
        await store.noteRetry(messageId, `waiting: ${err.message}`, null, now());
        metrics?.outcome('waiting', null);
        logger.warn('sms waits: no provider of its route can take it now', { ...log, reason: err.message, until: new Date(until).toISOString() });
        await job.moveToDelayed(Math.max(until, Date.now() + 1), token);
        throw new DelayedError();
      }
      const transient = err instanceof TransientSmsError ? err : null;
      const reason = transient ? transient.message : `unexpected error (${(err as Error)?.name ?? 'unknown'})`;
      const maxAttempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= maxAttempts) {
        const final = `gave up after ${maxAttempts} attempts: ${reason}`;
        await store.markFailed(messageId, final, transient?.provider ?? null, now());
        metrics?.outcome('failed', transient?.provider);
        logger.error('sms failed: attempts exhausted', { ...log, provider: transient?.provider, reason });
        throw new UnrecoverableError(final);
      }
      await store.noteRetry(messageId, `retrying: ${reason}`, null, now());
      metrics?.outcome('retry', transient?.provider);
      logger.warn('sms attempt failed; BullMQ retries with backoff', {
        ...log,
        provider: transient?.provider,
        reason,
        ms: Date.now() - started,
      });
      // A fresh Error: never rethrow a foreign error whose message could quote the request.
      throw new Error(reason);
    }
    // Sent: from here on a failure to record it must not look like a failed send.
    metrics?.sent(result.provider, Date.now() - started, job.timestamp);
    const sentAt = now();
    const deadline = watched ? (deps.watch?.deadlineFor(result.provider, sentAt) ?? null) : null;
    const recorded = await store.markSent(messageId, result.provider, result.providerMessageId, sentAt, deadline);
    logger.info(recorded ? 'sms sent' : 'sms sent, but the message was already final (kept its state)', {
      ...log,
      provider: result.provider,
      providerMessageId: result.providerMessageId,
      ms: Date.now() - started,
    });
    return { outcome: 'sent', ...result };
  }
}
