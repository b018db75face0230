import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { MetricsStore } from './metrics.store';

/**
 * Prometheus metrics of the API. Counters are updated by the GraphQL metrics plugin; SMS states
 * and queue depth are read when Prometheus scrapes, so every instance reports the shared truth.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly operations: Counter<'operation' | 'outcome'>;
  readonly duration: Histogram<'operation'>;

  constructor(
    private readonly store: MetricsStore,
    private readonly outbox: SmsOutboxService,
  ) {
    this.registry.setDefaultLabels({ service: 'api' });
    collectDefaultMetrics({ register: this.registry, prefix: 'twofold_api_' });
    this.operations = new Counter({
      name: 'twofold_auth_operations_total',
      help: 'Authentication operations (login, second factor, confirmation, re-authentication) by outcome: ok or the error code',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'twofold_graphql_request_duration_seconds',
      help: 'GraphQL request duration by root field of the operation',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    const metricsStore = this.store;
    new Gauge({
      name: 'twofold_sms_messages_last_hour',
      help: 'SMS created in the last hour by provider and delivery state (shared across instances)',
      labelNames: ['provider', 'status', 'purpose'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows = await metricsStore.smsLastHour();
        for (const r of rows) this.set({ provider: r.provider ?? 'none', status: r.status, purpose: r.purpose }, r.n);
      },
    });
    new Gauge({
      name: 'twofold_sms_codes_last_hour',
      help: 'Code SMS of the last hour by provider and destination country: taken by the provider (sent), reported delivered or failed by its receipts, and whose code was then entered (entered / sent is the code-entry conversion)',
      labelNames: ['provider', 'country', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await metricsStore.codeDeliveryLastHour())
          for (const state of ['sent', 'delivered', 'failed', 'entered'] as const) this.set({ provider: r.provider, country: r.country, state }, r[state]);
      },
    });
    new Gauge({
      name: 'twofold_sms_receipt_latency_seconds',
      help: 'Code SMS of the last hour: seconds from the provider taking it to its delivered receipt, by provider, destination country and quantile',
      labelNames: ['provider', 'country', 'quantile'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await metricsStore.codeDeliveryLastHour()) {
          if (!r.latency) continue;
          ['0.5', '0.9', '0.99'].forEach((quantile, i) => this.set({ provider: r.provider, country: r.country, quantile }, Number(r.latency![i])));
        }
      },
    });
    new Gauge({
      name: 'twofold_sms_send_blocked_last_hour',
      help: 'SMS refused in the last hour by the budgets or the SMS-pumping guard (SMS_SEND_BLOCKED events), by kind: code or notice',
      labelNames: ['kind'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const kind of ['code', 'notice']) this.set({ kind }, 0);
        for (const r of await metricsStore.sendBlockedLastHour()) this.set({ kind: r.kind }, r.n);
      },
    });
    const outboxRef = this.outbox;
    new Gauge({
      name: 'twofold_sms_queue_jobs',
      help: 'Jobs in the SMS queue by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const counts = await outboxRef.jobCounts();
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }
}
