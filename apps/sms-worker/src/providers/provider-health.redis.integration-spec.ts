import IORedis from 'ioredis';
import { TEST_REDIS_URL, uniqueQueuePrefix } from '@twofold/testing';
import { workerRedisOptions } from '../redis';
import { type Gate, type HealthEvent, ProviderGate, type ProviderGateOptions } from './provider-gate';
import { RedisHealthBackend } from './provider-health.redis';

/**
 * The provider gate of two worker processes, each with its own Redis connection and view, on one
 * real Redis (this file's own key prefix): failures of both count toward one breaker, exactly one
 * send of all the workers probes a half-open provider, a 429 pause holds for both, and the rate
 * limit is one budget for both.
 */
describe('provider health shared in Redis by two workers', () => {
  const connections: IORedis[] = [];
  let prefix: string;
  let now: number;
  let events: HealthEvent[][];

  function worker(opts: Partial<ProviderGateOptions> = {}, index = 0): ProviderGate {
    const redis = new IORedis(TEST_REDIS_URL, workerRedisOptions());
    connections.push(redis);
    return new ProviderGate(new RedisHealthBackend(redis, prefix), {
      breaker: { failures: 5, cooldownMs: 10_000, probeLeaseMs: 3_000 },
      now: () => now,
      snapshotMs: 0,
      onEvent: (e) => events[index].push(e),
      ...opts,
    });
  }
  const admitted = (g: Gate) => g.ok;

  beforeEach(() => {
    prefix = uniqueQueuePrefix('health');
    now = Date.now();
    events = [[], []];
  });

  afterAll(async () => {
    const [first] = connections;
    if (first) {
      const keys = await first.keys('{tftest-health-*');
      if (keys.length) await first.del(...keys);
    }
    await Promise.all(connections.map((c) => c.quit()));
  });

  it('keeps its state under the queue prefix (hash-tagged), with no number in it', async () => {
    const a = worker();
    await a.report(await a.acquire('twilio'), { kind: 'failed' });
    const redis = connections[connections.length - 1];
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys).toEqual([`${prefix}:sms-provider:twilio:health`]);
    expect(await redis.hgetall(keys[0])).toEqual({ v: '1', fails: '1', openUntil: '0', probeUntil: '0', pausedUntil: '0' });
    expect(await redis.pttl(keys[0])).toBeGreaterThan(23 * 3600 * 1000);
  });

  it('counts the failures of both workers toward one breaker, concurrently, and opens it once', async () => {
    const a = worker({}, 0);
    const b = worker({}, 1);
    // 4 concurrent failed calls on each worker: 8 > 5, so the 5th opens it and the rest change nothing.
    const gates = await Promise.all([...Array(4)].flatMap(() => [a.acquire('ovh'), b.acquire('ovh')]));
    expect(gates.every(admitted)).toBe(true);
    await Promise.all(gates.map((g, i) => (i % 2 ? b : a).report(g, { kind: 'failed' })));
    const opened = events.flat().filter((e) => e.kind === 'breaker' && e.to === 'open');
    expect(opened).toHaveLength(1);
    expect(await a.acquire('ovh')).toMatchObject({ ok: false, reason: 'open', until: now + 10_000 });
    expect(await b.acquire('ovh')).toMatchObject({ ok: false, reason: 'open', until: now + 10_000 });
  });

  it('does not open on failures with a success in between, whichever worker saw it', async () => {
    const a = worker();
    const b = worker();
    for (let i = 0; i < 4; i++) await a.report(await a.acquire('ovh'), { kind: 'failed' });
    await b.report(await b.acquire('ovh'), { kind: 'ok' });
    for (let i = 0; i < 4; i++) await a.report(await a.acquire('ovh'), { kind: 'failed' });
    expect(await b.acquire('ovh')).toMatchObject({ ok: true });
  });

  it('gives the half-open probe to exactly one of 40 concurrent sends on two workers', async () => {
    const a = worker({}, 0);
    const b = worker({}, 1);
    for (let i = 0; i < 5; i++) await a.report(await a.acquire('twilio'), { kind: 'failed' });
    now += 10_000;
    const gates = await Promise.all([...Array(20)].flatMap(() => [a.acquire('twilio'), b.acquire('twilio')]));
    const probes = gates.filter(admitted);
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({ probe: now + 3_000 });
    expect(gates.filter((g) => !g.ok && g.reason === 'probing')).toHaveLength(39);
    // The probe goes through: closed for both.
    await (gates.indexOf(probes[0]) % 2 ? b : a).report(probes[0], { kind: 'ok' });
    expect(await a.acquire('twilio')).toMatchObject({ ok: true, probe: null });
    expect(await b.acquire('twilio')).toMatchObject({ ok: true, probe: null });
    expect(events.flat().filter((e) => e.kind === 'breaker').map((e) => (e as { to: string }).to).sort()).toEqual(['closed', 'half-open', 'open']);
  });

  it('pauses the provider for every worker after a 429, and a shorter Retry-After does not shorten it', async () => {
    const a = worker();
    const b = worker();
    await a.report(await a.acquire('vonage'), { kind: 'rate-limited', until: now + 20_000 });
    expect(await b.acquire('vonage')).toEqual({ ok: false, provider: 'vonage', reason: 'paused', until: now + 20_000 });
    // b's own 429 (a request already in flight) with 2 s: still 20 s.
    await b.report({ ok: true, provider: 'vonage', probe: null }, { kind: 'rate-limited', until: now + 2_000 });
    now += 19_999;
    expect(await a.acquire('vonage')).toMatchObject({ ok: false, reason: 'paused' });
    now += 1;
    expect(await a.acquire('vonage')).toMatchObject({ ok: true });
  });

  it('is one rate limit for both workers: 20 per second, at most 250 ms of waiting, the rest refused', async () => {
    const sleeps: number[] = [];
    const opts = { rateLimits: { ovh: 20 }, sleep: async (ms: number) => void sleeps.push(ms) };
    const a = worker(opts);
    const b = worker(opts);
    const gates = await Promise.all([...Array(10)].flatMap(() => [a.acquire('ovh'), b.acquire('ovh')]));
    // A slot every 50 ms: now, +50 … +250 ms are granted (6), the 14 others are refused with their wait.
    const granted = gates.filter(admitted);
    expect(granted.length).toBeGreaterThanOrEqual(5);
    expect(granted.length).toBeLessThanOrEqual(7);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(250);
    const refused = gates.filter((g) => !g.ok);
    expect(refused.every((g) => !g.ok && g.reason === 'rate-limit' && g.until > now + 250 - 20)).toBe(true);
    expect(await connections[connections.length - 1].pttl(`${prefix}:sms-provider:ovh:rate`)).toBeGreaterThan(0);
  });

  it('paces sends at the limit over real time across both workers', async () => {
    now = Date.now();
    const a = worker({ rateLimits: { webhook: 50 }, now: Date.now });
    const b = worker({ rateLimits: { webhook: 50 }, now: Date.now });
    const started = Date.now();
    let sent = 0;
    // Each worker sends as fast as the gate lets it for 600 ms.
    await Promise.all(
      [a, b].map(async (g) => {
        while (Date.now() - started < 600) if ((await g.acquire('webhook')).ok) sent++;
      }),
    );
    // 50 per second over ~0.6 s (plus the slots reserved up to 250 ms ahead): about 30 to 43.
    expect(sent).toBeGreaterThanOrEqual(25);
    expect(sent).toBeLessThanOrEqual(45);
  });
});
