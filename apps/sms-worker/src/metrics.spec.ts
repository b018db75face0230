import { WorkerMetrics } from './metrics';

describe('WorkerMetrics', () => {
  it('reports outcomes, latencies and queue depth in Prometheus text', async () => {
    const metrics = new WorkerMetrics(async () => ({ waiting: 3, active: 1 }));
    metrics.sent('twilio', 120, Date.now() - 40);
    metrics.outcome('failed', 'twilio');
    metrics.outcome('expired', null);
    const text = await metrics.registry.metrics();
    expect(text).toContain('twofold_sms_sends_total{provider="twilio",outcome="sent",service="sms-worker"} 1');
    expect(text).toContain('twofold_sms_sends_total{provider="twilio",outcome="failed",service="sms-worker"} 1');
    expect(text).toContain('twofold_sms_sends_total{provider="none",outcome="expired",service="sms-worker"} 1');
    expect(text).toMatch(/twofold_sms_provider_request_seconds_bucket\{le="0.25",service="sms-worker",provider="twilio"\} 1/);
    expect(text).toContain('twofold_sms_queue_jobs{state="waiting",service="sms-worker"} 3');
    expect(text).toContain('twofold_sms_accepted_to_sent_seconds_count{service="sms-worker",provider="twilio"} 1');
  });

  it('reports provider health: breaker state and pauses read at scrape time, skips, transitions and pauses counted', async () => {
    const metrics = new WorkerMetrics();
    metrics.watchProviders(['twilio', 'ovh'], async (p) => (p === 'twilio' ? { phase: 2, pausedForSeconds: 0 } : { phase: 0, pausedForSeconds: 12 }));
    metrics.providerSkipped('twilio', 'open');
    metrics.breakerChanged('twilio', 'open');
    metrics.providerPaused('ovh');
    metrics.outcome('refused', null);
    const text = await metrics.registry.metrics();
    expect(text).toContain('twofold_sms_provider_breaker_state{provider="twilio",service="sms-worker"} 2');
    expect(text).toContain('twofold_sms_provider_breaker_state{provider="ovh",service="sms-worker"} 0');
    expect(text).toContain('twofold_sms_provider_paused_seconds{provider="ovh",service="sms-worker"} 12');
    expect(text).toContain('twofold_sms_provider_skips_total{provider="twilio",reason="open",service="sms-worker"} 1');
    expect(text).toContain('twofold_sms_provider_breaker_transitions_total{provider="twilio",to="open",service="sms-worker"} 1');
    expect(text).toContain('twofold_sms_provider_pauses_total{provider="ovh",service="sms-worker"} 1');
    expect(text).toContain('twofold_sms_sends_total{provider="none",outcome="refused",service="sms-worker"} 1');
  });
});
