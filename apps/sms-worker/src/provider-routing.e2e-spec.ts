import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { SMS_QUEUE_NAME } from '@twofold/sms-queue';
import { createTestDatabase, FakeSmsGateway, startFakeSmsGateway, TestDatabase, uniqueQueuePrefix } from '@twofold/testing';
import { ensureWorkerBuilt, freePort, PrivateRedis, spawnWorker, WorkerProcess } from './test/e2e-harness';
import { enqueue, insertMessage, readMessage, TEST_APP_SECRET, TestMessage, waitFor, waitForStatus } from './test/fixtures';
import { workerRedisOptions } from './redis';

/**
 * Routing and provider health (issue 14 item 4) through two built worker processes sharing one
 * private Redis, this file's database and the fake gateway playing Twilio and OVHcloud:
 * SMS_ROUTES=FR:ovh,twilio;*:twilio,ovh, a breaker after 3 failures with a 2 s cool-down,
 * 429 pauses, and SMS_ALLOWED_COUNTRIES=GB,FR at send time.
 */
describe('SMS routes, breaker and 429 pauses (two worker processes)', () => {
  let testDb: TestDatabase;
  let db: DataSource;
  let redis: PrivateRedis;
  let producer: IORedis;
  let queue: Queue;
  let gateway: FakeSmsGateway;
  const prefix = uniqueQueuePrefix('routing');
  const OVH = { appKey: 'ak-routing', appSecret: 'as-routing', consumerKey: 'ck-routing' };
  const workers: WorkerProcess[] = [];
  const boots: Record<string, unknown>[] = [];
  let frSeq = Math.floor(Math.random() * 10_000_000);
  const frMobile = () => `+336${String(frSeq++ % 100_000_000).padStart(8, '0')}`;
  // +44 740…: valid GB mobiles for libphonenumber (part of the fixtures' +44 7700 range is not, and the
  // worker's allow-list would refuse a number without a region).
  const gbMobile = () => `+44740${String(frSeq++ % 10_000_000).padStart(7, '0')}`;

  function startWorker(): WorkerProcess {
    const w = spawnWorker({
      NODE_ENV: 'test',
      APP_SECRET: TEST_APP_SECRET,
      DATABASE_URL: testDb.url,
      REDIS_URL: redis.url,
      SMS_QUEUE_PREFIX: prefix,
      SMS_PROVIDER: 'twilio,ovh',
      SMS_ROUTES: 'FR:ovh,twilio;*:twilio,ovh',
      SMS_ALLOWED_COUNTRIES: 'GB,FR',
      SMS_BREAKER_FAILURES: '3',
      SMS_BREAKER_COOLDOWN_SECONDS: '2',
      SMS_FAILOVER_AFTER_ATTEMPTS: '2',
      TWILIO_ACCOUNT_SID: 'ACrouting',
      TWILIO_AUTH_TOKEN: 'routing-token',
      TWILIO_FROM: '+15005550006',
      TWILIO_API_BASE_URL: gateway.url,
      OVH_ENDPOINT: gateway.url,
      OVH_APP_KEY: OVH.appKey,
      OVH_APP_SECRET: OVH.appSecret,
      OVH_CONSUMER_KEY: OVH.consumerKey,
      OVH_SMS_SERVICE: 'sms-routing-1',
      OVH_SMS_SENDER: 'Twofold',
      PUBLIC_API_URL: 'http://127.0.0.1:9',
      SMS_WORKER_HEALTH_PORT: '0',
      SMS_WORKER_HEALTH_HOST: '127.0.0.1',
      SMS_WORKER_CONCURRENCY: '2',
      SMS_RATE_PER_SECOND: '1000',
      SMS_REQUEST_TIMEOUT_MS: '3000',
      SMS_WORKER_LOCK_DURATION_MS: '5000',
      SMS_WORKER_STALLED_INTERVAL_MS: '5000',
      LOG_LEVEL: 'info',
    });
    workers.push(w);
    return w;
  }

  const send = async (to?: string, expiresAt?: Date): Promise<TestMessage> => {
    const m = await insertMessage(db, { to: to ?? gbMobile(), ...(expiresAt ? { expiresAt } : {}) });
    await enqueue(queue, m, { attempts: 8, backoffMs: 50 });
    return m;
  };
  const sentThrough = async (m: TestMessage) => (await waitForStatus(db, m.id, ['SENT', 'FAILED'], 15000)).provider;
  const metricsOf = async (i: number) => (await fetch(`http://127.0.0.1:${boots[i]['healthPort']}/metrics`)).text();
  const logs = () => workers.flatMap((w) => w.lines).join('\n');

  beforeAll(async () => {
    ensureWorkerBuilt();
    testDb = await createTestDatabase('routinge2e');
    db = await new DataSource(dataSourceOptions(testDb.url, { poolSize: 4 })).initialize();
    redis = new PrivateRedis(await freePort());
    await redis.start();
    producer = new IORedis(redis.url, workerRedisOptions());
    producer.on('error', () => undefined);
    queue = new Queue(SMS_QUEUE_NAME, { connection: producer, prefix });
    queue.on('error', () => undefined);
    gateway = await startFakeSmsGateway({ authToken: 'routing-token', accountSid: 'ACrouting', ovh: OVH });
    for (let i = 0; i < 2; i++) {
      const w = startWorker();
      boots.push(await w.waitForLog((l) => l['msg'] === 'sms worker started', 20000));
    }
  }, 90000);

  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await queue?.close().catch(() => undefined);
    producer?.disconnect();
    await redis?.stop();
    await gateway?.close();
    await db?.destroy();
    await testDb?.drop();
  });

  beforeEach(() => {
    gateway.reset();
    // No API here to take receipts.
    gateway.control({ callbacks: false });
  });

  it('routes FR numbers through OVHcloud first and the others through Twilio', async () => {
    expect(boots[0]['routes']).toEqual({ FR: ['ovh', 'twilio'], '*': ['twilio', 'ovh'] });
    const fr = await Promise.all([send(frMobile()), send(frMobile())]);
    const gb = await Promise.all([send(), send()]);
    expect(await Promise.all(fr.map(sentThrough))).toEqual(['ovh', 'ovh']);
    expect(await Promise.all(gb.map(sentThrough))).toEqual(['twilio', 'twilio']);
    for (const m of fr) expect(gateway.messages.filter((g) => g.to === m.to).map((g) => g.provider)).toEqual(['ovh']);
  });

  it('opens the breaker after 3 failures for both workers, moves the traffic to OVHcloud, and closes it after a good probe', async () => {
    gateway.control({ callbacks: false, byProvider: { twilio: { fail: '500' } } });
    // One after the other: 2 attempts on twilio (5xx, retried with backoff), then ovh; the third twilio failure opens it.
    const first = await send();
    expect(await sentThrough(first)).toBe('ovh');
    const second = await send();
    expect(await sentThrough(second)).toBe('ovh');
    await waitFor('the breaker to open', async () => /sms provider breaker open/.test(logs()), 10000);
    // Each worker's view of the shared state is at most 200 ms old.
    await new Promise((r) => setTimeout(r, 250));
    const before = gateway.requests.twilio ?? 0;
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThanOrEqual(4);
    // Both workers skip twilio now: GB codes go straight to ovh, not one more call to twilio.
    const burst = await Promise.all(Array.from({ length: 8 }, () => send()));
    expect(await Promise.all(burst.map(sentThrough))).toEqual(Array(8).fill('ovh'));
    expect(gateway.requests.twilio ?? 0).toBe(before);
    for (const m of burst) expect((await readMessage(db, m.id)).attempts).toBe(1);
    const text = (await metricsOf(0)) + (await metricsOf(1));
    expect(text).toContain('twofold_sms_provider_breaker_state{provider="twilio",service="sms-worker"} 2');
    expect(text).toMatch(/twofold_sms_provider_skips_total\{provider="twilio",reason="open",service="sms-worker"\} [1-8]/);
    // Twilio recovers; after the cool-down the next send probes it and closes the breaker.
    gateway.reset();
    gateway.control({ callbacks: false });
    await new Promise((r) => setTimeout(r, 2100));
    const probe = await send();
    expect(await sentThrough(probe)).toBe('twilio');
    expect(logs()).toContain('sms provider breaker closed: the probe went through');
    expect(await sentThrough(await send())).toBe('twilio');
    await waitFor('worker 0 to show the breaker closed', async () => (await metricsOf(0)).includes('twofold_sms_provider_breaker_state{provider="twilio",service="sms-worker"} 0'), 3000);
  }, 60000);

  it('pauses OVHcloud after its 429 until Retry-After: FR goes on through Twilio meanwhile, for both workers', async () => {
    gateway.control({ callbacks: false, byProvider: { ovh: { fail: '429', retryAfter: '3' } }, times: 1 });
    const t0 = Date.now();
    const first = await send(frMobile());
    expect(await sentThrough(first)).toBe('twilio');
    expect(gateway.requests.ovh).toBe(1);
    expect((await readMessage(db, first.id)).attempts).toBe(1);
    // The other worker's view of the shared state may be up to 200 ms old (its metrics were just read).
    await new Promise((r) => setTimeout(r, 250));
    const during = await Promise.all(Array.from({ length: 4 }, () => send(frMobile())));
    expect(await Promise.all(during.map(sentThrough))).toEqual(Array(4).fill('twilio'));
    expect(gateway.requests.ovh).toBe(1);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(logs()).toContain('sms provider paused after a 429');
    await new Promise((r) => setTimeout(r, Math.max(0, 3100 - (Date.now() - t0))));
    expect(await sentThrough(await send(frMobile()))).toBe('ovh');
  }, 30000);

  it('delays the job to the earliest resume when every provider of the route is paused, and never sends past the code', async () => {
    gateway.control({ callbacks: false, fail: '429', retryAfter: '2', times: 2 });
    const t0 = Date.now();
    const m = await send(frMobile());
    const waiting = await waitFor('the message to wait', async () => {
      const row = await readMessage(db, m.id);
      return row.failure_reason?.startsWith('waiting: no provider of the route can send now') ? row : null;
    });
    expect(waiting.status).toBe('SENDING');
    const row = await waitForStatus(db, m.id, ['SENT', 'FAILED'], 10000);
    expect(row.status).toBe('SENT');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
    expect(gateway.messages.filter((g) => g.to === m.to)).toHaveLength(1);

    // A code that expires before either provider comes back is not sent: expired, not dropped silently.
    gateway.control({ callbacks: false, fail: '429', retryAfter: '30', times: 2 });
    const short = await send(undefined, new Date(Date.now() + 1500));
    const failed = await waitForStatus(db, short.id, ['SENT', 'FAILED'], 10000);
    expect(failed).toMatchObject({ status: 'FAILED', failure_reason: 'expired before sending' });
    expect(gateway.messages.filter((g) => g.to === short.to)).toHaveLength(0);
  }, 30000);

  it('does not send to a country SMS_ALLOWED_COUNTRIES leaves out: FAILED with the reason, no fallback', async () => {
    const us = await send('+12015550123');
    const row = await waitForStatus(db, us.id, ['SENT', 'FAILED']);
    expect(row).toMatchObject({ status: 'FAILED', provider: null, failure_reason: 'not sent: US is not in SMS_ALLOWED_COUNTRIES' });
    expect(gateway.messages.filter((g) => g.to === us.to)).toHaveLength(0);
    expect(gateway.requests).toEqual({});
    expect((await metricsOf(0)) + (await metricsOf(1))).toMatch(/twofold_sms_sends_total\{provider="none",outcome="refused",service="sms-worker"\} 1/);
  });
});
