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
});
