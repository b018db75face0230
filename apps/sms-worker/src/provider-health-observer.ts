import type { Logger } from './logger';
import type { WorkerMetrics } from './metrics';
import type { HealthEvent, ProviderGate } from './providers/provider-gate';
import { phaseOf, phaseValue } from './providers/provider-health';

/**
 * What the provider gate reports, as log lines and Prometheus series: breaker transitions and
 * 429 pauses are logged (warn when a provider stops taking traffic); every skip is counted. The
 * breaker-state and pause gauges read the shared state at scrape time.
 */
export function providerHealthEvents(metrics: WorkerMetrics | undefined, logger: Logger): (e: HealthEvent) => void {
  return (e) => {
    if (e.kind === 'skipped') return metrics?.providerSkipped(e.provider, e.reason);
    if (e.kind === 'paused') {
      metrics?.providerPaused(e.provider);
      return logger.warn('sms provider paused after a 429: every send skips it until its Retry-After', { provider: e.provider, until: new Date(e.until).toISOString() });
    }
    metrics?.breakerChanged(e.provider, e.to);
    if (e.to === 'open') logger.warn('sms provider breaker open: sends skip it for the cool-down', { provider: e.provider });
    else if (e.to === 'half-open') logger.info('sms provider breaker half-open: one probe send', { provider: e.provider });
    else logger.info('sms provider breaker closed: the probe went through', { provider: e.provider });
  };
}

export function watchProviderHealth(metrics: WorkerMetrics, names: readonly string[], gate: ProviderGate, now: () => number = Date.now): void {
  metrics.watchProviders(names, async (provider) => {
    const s = await gate.view(provider);
    const t = now();
    return {
      phase: gate.breaker.failures === 0 ? 0 : (phaseValue(phaseOf(s, t)) as 0 | 1 | 2),
      pausedForSeconds: Math.max(0, Math.ceil((s.pausedUntil - t) / 1000)),
    };
  });
}
