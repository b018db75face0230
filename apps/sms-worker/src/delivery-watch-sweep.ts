import type { Queue } from 'bullmq';
import { open, sealSmsJob } from '@twofold/sms-queue';
import type { DeliveryWatchScheduler } from './delivery-watch';
import type { DeliveryWatchStore } from './delivery-watch.store';
import type { Logger } from './logger';
import { maskPhone } from './mask';
import type { WorkerMetrics } from './metrics';

export interface DeliveryWatchSweepDeps {
  store: DeliveryWatchStore;
  scheduler: DeliveryWatchScheduler;
  /** The watch queue: a watch still in Redis (waiting, delayed, active, failed for good) is left alone. */
  queue: Pick<Queue, 'getJobState'>;
  /** deriveKey(APP_SECRET, 'sms-body'): opens the body the API stored with the message. */
  bodyKey: Buffer;
  /** deriveKey(APP_SECRET, 'sms-payload'): seals it again as the first send's job was. */
  payloadKey: Buffer;
  logger: Logger;
  metrics?: WorkerMetrics;
  now?: () => Date;
  /** How long past its deadline a watch may still be on its way (a busy worker) before it counts as lost. */
  graceMs: number;
  /** Watches looked at per sweep. */
  limit?: number;
}

/**
 * The relay of delivery watches. A watch lives only in Redis (a delayed job); a Redis restarted
 * empty loses it, and the code SMS it followed would never fall back. PostgreSQL still knows: the
 * attempt keeps its deadline until the watch ends. Every worker sweeps: a watch whose deadline is
 * `graceMs` past, not in Redis, is added again with the same text (code and expiry) and acts at
 * once; the decision itself stays the watch's (DeliveryWatchStore.decide, under the message's
 * locks), so two workers sweeping at once, or a sweep racing the watch, never give two fallbacks.
 */
export class DeliveryWatchSweep {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly deps: DeliveryWatchSweepDeps) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.sweepOnce(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Adds back the lost watches it finds; how many. Errors are logged, never thrown (the next sweep tries again). */
  async sweepOnce(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    const { store, scheduler, queue, logger } = this.deps;
    try {
      const now = (this.deps.now ?? (() => new Date()))();
      const rows = await store.lostWatches(now, this.deps.graceMs, this.deps.limit ?? 100);
      let restored = 0;
      for (const row of rows) {
        if ((await queue.getJobState(row.id)) !== 'unknown') continue;
        const body = open(this.deps.bodyKey, row.body_sealed, row.id);
        const { sealed } = sealSmsJob(this.deps.payloadKey, { messageId: row.id, to: row.phone_number, body, expiresAt: new Date(row.code_expires_at).toISOString() });
        // Job id = message id: a watch added meanwhile by another worker's sweep makes this a no-op.
        await scheduler.schedule(row.id, sealed, 0);
        restored++;
        logger.warn('delivery watch lost from Redis; added again', { messageId: row.id, to: maskPhone(row.phone_number) });
      }
      if (restored > 0) this.deps.metrics?.watchesRestored(restored);
      return restored;
    } catch (err) {
      logger.warn('delivery watch sweep failed; the next one tries again', { error: (err as Error).message });
      return 0;
    } finally {
      this.running = false;
    }
  }
}
