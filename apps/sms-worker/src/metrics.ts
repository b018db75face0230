import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type SendOutcome = 'sent' | 'failed' | 'retry' | 'expired' | 'skipped' | 'refused' | 'waiting';

/** What the provider gate tells the metrics (providers/provider-gate.ts, which emits it). */
export type ProviderHealthView = { phase: 0 | 1 | 2; pausedForSeconds: number };

/**
 * Prometheus metrics of the worker, served on the health port at GET /metrics: SMS by provider
 * and outcome, the provider call latency, acceptance-to-sent latency and the queue's depth.
 */
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly outcomes: Counter<'provider' | 'outcome'>;
  private readonly sendSeconds: Histogram<'provider'>;
  private readonly acceptedToSentSeconds: Histogram<'provider'>;
  private readonly fallbacks: Counter<'provider' | 'cause'>;
  private readonly skips: Counter<'provider' | 'reason'>;
  private readonly breakerChanges: Counter<'provider' | 'to'>;
  private readonly pauses: Counter<'provider'>;
  private readonly restoredWatches: Counter;

  constructor(queueCounts?: () => Promise<Record<string, number>>) {
    this.registry.setDefaultLabels({ service: 'sms-worker' });
    collectDefaultMetrics({ register: this.registry, prefix: 'twofold_worker_' });
    this.outcomes = new Counter({
      name: 'twofold_sms_sends_total',
      help: 'SMS send attempts by provider and outcome (sent, failed, retry, expired, skipped)',
      labelNames: ['provider', 'outcome'],
      registers: [this.registry],
    });
    this.sendSeconds = new Histogram({
      name: 'twofold_sms_provider_request_seconds',
      help: 'Duration of the provider call that sent an SMS',
      labelNames: ['provider'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.acceptedToSentSeconds = new Histogram({
      name: 'twofold_sms_accepted_to_sent_seconds',
      help: 'From the job entering the queue to the provider accepting the SMS',
      labelNames: ['provider'],
      buckets: [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
      registers: [this.registry],
    });
    this.fallbacks = new Counter({
      name: 'twofold_sms_fallbacks_total',
      help: 'Code SMS sent again (same code) through the next provider, by that provider and why (FAILED_RECEIPT, NO_RECEIPT, SEND_FAILED, RESUMED)',
      labelNames: ['provider', 'cause'],
      registers: [this.registry],
    });
    this.skips = new Counter({
      name: 'twofold_sms_provider_skips_total',
      help: 'Sends that passed a provider by, by why: paused (429 Retry-After), open (breaker), probing (half-open, the probe is out), rate-limit (SMS_PROVIDER_RATE_LIMITS)',
      labelNames: ['provider', 'reason'],
      registers: [this.registry],
    });
    this.breakerChanges = new Counter({
      name: 'twofold_sms_provider_breaker_transitions_total',
      help: 'Circuit-breaker transitions this worker made, by the state entered (open, half-open: it took the probe, closed)',
      labelNames: ['provider', 'to'],
      registers: [this.registry],
    });
    this.pauses = new Counter({
      name: 'twofold_sms_provider_pauses_total',
      help: 'Provider-wide pauses this worker recorded after a 429 (until its Retry-After)',
      labelNames: ['provider'],
      registers: [this.registry],
    });
    this.restoredWatches = new Counter({
      name: 'twofold_sms_watches_restored_total',
      help: 'Delivery watches Redis had lost (a Redis restarted empty) that the sweep added again from PostgreSQL',
      registers: [this.registry],
    });
    if (queueCounts) {
      new Gauge({
        name: 'twofold_sms_queue_jobs',
        help: 'Jobs in the SMS queue by state',
        labelNames: ['state'],
        registers: [this.registry],
        async collect() {
          this.reset();
          for (const [state, n] of Object.entries(await queueCounts().catch(() => ({})))) this.set({ state }, n);
        },
      });
    }
  }

  /** Gauges of each provider's shared health, read (cached) at scrape time: the same on every worker. */
  watchProviders(names: readonly string[], view: (provider: string) => Promise<ProviderHealthView>): void {
    const read = async () => Promise.all(names.map(async (p) => [p, await view(p).catch(() => null)] as const));
    new Gauge({
      name: 'twofold_sms_provider_breaker_state',
      help: 'Circuit breaker of each provider: 0 closed, 1 half-open, 2 open (shared by every worker through Redis)',
      labelNames: ['provider'],
      registers: [this.registry],
      async collect() {
        for (const [provider, v] of await read()) if (v) this.set({ provider }, v.phase);
      },
    });
    new Gauge({
      name: 'twofold_sms_provider_paused_seconds',
      help: 'Seconds left of a provider-wide pause after a 429 with Retry-After (0: not paused)',
      labelNames: ['provider'],
      registers: [this.registry],
      async collect() {
        for (const [provider, v] of await read()) if (v) this.set({ provider }, v.pausedForSeconds);
      },
    });
  }

  providerSkipped(provider: string, reason: string): void {
    this.skips.inc({ provider, reason });
  }

  breakerChanged(provider: string, to: string): void {
    this.breakerChanges.inc({ provider, to });
  }

  providerPaused(provider: string): void {
    this.pauses.inc({ provider });
  }

  outcome(outcome: SendOutcome, provider: string | null | undefined): void {
    this.outcomes.inc({ provider: provider ?? 'none', outcome });
  }

  watchesRestored(count: number): void {
    this.restoredWatches.inc(count);
  }

  fallback(provider: string, cause: string): void {
    this.fallbacks.inc({ provider, cause });
  }

  sent(provider: string, requestMs: number, queuedAtMs: number | undefined): void {
    this.outcome('sent', provider);
    this.sendSeconds.observe({ provider }, requestMs / 1000);
    if (queuedAtMs) this.acceptedToSentSeconds.observe({ provider }, Math.max(0, Date.now() - queuedAtMs) / 1000);
  }
}
