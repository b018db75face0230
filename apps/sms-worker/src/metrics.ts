import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type SendOutcome = 'sent' | 'failed' | 'retry' | 'expired' | 'skipped';

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

  outcome(outcome: SendOutcome, provider: string | null | undefined): void {
    this.outcomes.inc({ provider: provider ?? 'none', outcome });
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
