import { Pool } from 'pg';
import {
  createTestDatabase,
  FakeSms,
  FakeSmsGateway,
  graphqlClient,
  GraphqlClient,
  startFakeSmsGateway,
  TestDatabase,
  uniqueQueuePrefix,
} from '@twofold/testing';
import { API_MAIN, ensureApiBuilt, ensureWorkerBuilt, freePort, PrivateRedis, spawnNode, spawnWorker, WorkerProcess } from './test/e2e-harness';
import { TEST_APP_SECRET, waitFor } from './test/fixtures';

/**
 * Chaos tests of the receipt-driven fallback (issue 14, item 2) with the built API and worker
 * processes: the fake gateway plays two providers, `webhook` first and `ovh` second on the route,
 * each steered on its own (GatewayControl.byProvider). SMS_DELIVERY_TIMEOUT_SECONDS=2.
 * Every test asserts that exactly one code value ever existed for its number: one sms_code row,
 * one value in every SMS the gateway received.
 */
describe('receipt-driven SMS fallback: API and worker processes, two fake providers', () => {
  const TIMEOUT_S = 2;
  const SWEEP_S = 1;
  let testDb: TestDatabase;
  let pg: Pool;
  let redis: PrivateRedis;
  let gateway: FakeSmsGateway;
  let api: WorkerProcess;
  let apiUrl: string;
  let worker: WorkerProcess;
  let client: GraphqlClient;
  let token: string;
  const processes: WorkerProcess[] = [];
  const figures: Record<string, number> = {};
  /** Real smsDispatch answers after a fallback (docs/api.md quotes them). */
  const answers: Record<string, unknown> = {};
  const prefix = uniqueQueuePrefix('fallback');
  const WEBHOOK_SECRET = 'fallback-webhook-secret';
  const OVH = { appKey: 'ak-fallback', appSecret: 'as-fallback', consumerKey: 'ck-fallback' };
  let numberSeq = Math.floor(Math.random() * 700);
  const nextNumber = () => `+447700900${String(numberSeq++ % 1000).padStart(3, '0')}`;

  const env = (): Record<string, string> => ({
    NODE_ENV: 'test',
    APP_SECRET: TEST_APP_SECRET,
    DATABASE_URL: testDb.url,
    REDIS_URL: redis.url,
    SMS_QUEUE_PREFIX: prefix,
    PUBLIC_API_URL: apiUrl,
    SMS_PROVIDER: 'webhook,ovh',
    SMS_WEBHOOK_URL: `${gateway.url}/webhook/sms`,
    SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
    OVH_ENDPOINT: gateway.url,
    OVH_APP_KEY: OVH.appKey,
    OVH_APP_SECRET: OVH.appSecret,
    OVH_CONSUMER_KEY: OVH.consumerKey,
    OVH_SMS_SERVICE: 'sms-fallback-1',
    OVH_SMS_SENDER: 'Twofold',
    SMS_DELIVERY_TIMEOUT_SECONDS: String(TIMEOUT_S),
    SMS_WATCH_SWEEP_SECONDS: String(SWEEP_S),
    LOG_LEVEL: 'info',
  });

  function startWorker(): WorkerProcess {
    worker = spawnWorker({
      ...env(),
      SMS_WORKER_HEALTH_PORT: '0',
      SMS_WORKER_HEALTH_HOST: '127.0.0.1',
      SMS_WORKER_CONCURRENCY: '10',
      SMS_RATE_PER_SECOND: '1000',
      SMS_WORKER_LOCK_DURATION_MS: '2000',
      SMS_WORKER_STALLED_INTERVAL_MS: '1000',
    });
    processes.push(worker);
    return worker;
  }
  const workerStarted = (w: WorkerProcess) => w.waitForLog((l) => l['msg'] === 'sms worker started', 20000);

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await client<T>(query, variables, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  }
  const ADD = `mutation($input: AddSmsMethodInput!) { addSmsMethod(input: $input) { method { id } dispatch { id status attempts { provider } } } }`;
  const CONFIRM = `mutation($input: ConfirmSmsMethodInput!) { confirmSmsMethod(input: $input) { method { id status } } }`;
  const DISPATCH = `query($id: ID!) { smsDispatch(id: $id) { status failureReason attempts { provider status fallbackCause sentAt deliveredAt failedAt failureReason } } }`;
  interface Attempt {
    provider: string;
    status: string;
    fallbackCause: string | null;
    failureReason: string | null;
  }
  const dispatch = async (id: string) => (await gql<{ smsDispatch: { status: string; attempts: Attempt[] } }>(DISPATCH, { id })).smsDispatch;
  const waitDispatch = (id: string, ok: (d: { status: string; attempts: Attempt[] }) => boolean, timeoutMs = 15000) =>
    waitFor(`dispatch ${id}`, async () => {
      const d = await dispatch(id);
      return ok(d) ? d : null;
    }, timeoutMs, 50);

  async function addNumber(): Promise<{ phone: string; methodId: string; dispatchId: string }> {
    const phone = nextNumber();
    const data = await gql<{ addSmsMethod: { method: { id: string }; dispatch: { id: string; attempts: unknown[] } } }>(ADD, { input: { phoneNumber: phone } });
    expect(data.addSmsMethod.dispatch.attempts).toEqual([]);
    return { phone, methodId: data.addSmsMethod.method.id, dispatchId: data.addSmsMethod.dispatch.id };
  }

  const smsTo = (phone: string, provider?: string): FakeSms[] => gateway.messages.filter((m) => m.to === phone && (!provider || m.provider === provider));
  const codeOf = (body: string) => /#(\d{6})\s*$/.exec(body)?.[1];
  /** Exactly one code value ever: one sms_code row for the method, one value across every SMS to the number. */
  async function expectOneCodeValue(phone: string, methodId: string): Promise<void> {
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM sms_code WHERE method_id = $1`, [methodId]);
    expect(rows[0].n).toBe(1);
    const values = new Set(smsTo(phone).map((m) => codeOf(m.body)));
    expect([...values].every((v) => /^\d{6}$/.test(v ?? ''))).toBe(true);
    expect(values.size).toBe(1);
  }
  const msBetween = (a: FakeSms, b: FakeSms) => Date.parse(b.dateCreated) - Date.parse(a.dateCreated);

  beforeAll(async () => {
    ensureApiBuilt();
    ensureWorkerBuilt();
    testDb = await createTestDatabase('fallback');
    pg = new Pool({ connectionString: testDb.url, max: 2 });
    redis = new PrivateRedis(await freePort());
    await redis.start();
    gateway = await startFakeSmsGateway({ authToken: 'unused', webhookSecret: WEBHOOK_SECRET, ovh: OVH, callbackDelayMs: 20 });
    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    client = graphqlClient(apiUrl);
    api = spawnNode(API_MAIN, {
      ...env(),
      API_PORT: String(apiPort),
      SMS_METHODS_PER_ACCOUNT: '1000',
      SMS_LIMIT_PER_NUMBER_PER_HOUR: '1000',
      SMS_LIMIT_PER_ACCOUNT_PER_HOUR: '100000',
      SMS_LIMIT_PER_IP_PER_HOUR: '100000',
    });
    processes.push(api);
    await api.waitForLog((l) => /listening/i.test(String(l['msg'] ?? '')), 30000).catch(() => undefined);
    await waitFor('the API to answer /health', () => fetch(`${apiUrl}/health`).then((r) => r.ok).catch(() => false), 30000, 100);
    startWorker();
    await workerStarted(worker);
    const signUp = await client<{ signUp: { token: string } }>(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, {
      input: { email: `fallback-${Date.now()}@example.com`, password: 'correct horse battery staple', name: 'Grace Hopper' },
    });
    if (!signUp.data) throw new Error(`signUp answered ${signUp.text}`);
    token = signUp.data.signUp.token;
  }, 90000);

  afterAll(async () => {
    for (const p of processes) if (p.proc.exitCode === null) p.proc.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await redis?.stop();
    await gateway?.close();
    await pg?.end();
    await testDb?.drop();
    process.stdout.write(`receipt-fallback e2e figures: ${JSON.stringify(figures)}\n`);
    process.stdout.write(`receipt-fallback e2e smsDispatch answers: ${JSON.stringify(answers)}\n`);
  });

  beforeEach(() => gateway.reset());

  it('(a) the first provider accepts, then reports undelivered: the same code through the second, within the timeout + 1 s', async () => {
    gateway.control({ byProvider: { webhook: { finalStatus: 'undelivered', errorCode: '30003' } } });
    const { phone, methodId, dispatchId } = await addNumber();
    const [second] = await gateway.waitForMessages(1, { filter: (m) => m.to === phone && m.provider === 'ovh', timeoutMs: 10000 });
    const [first] = smsTo(phone, 'webhook');
    figures['undeliveredToFallbackMs'] = msBetween(first, second);
    expect(msBetween(first, second)).toBeLessThanOrEqual(TIMEOUT_S * 1000 + 1000);
    // Driven by the receipt (the API wakes the watch), not by the timer.
    expect(msBetween(first, second)).toBeLessThan(TIMEOUT_S * 1000);
    const d = await waitDispatch(dispatchId, (x) => x.status === 'DELIVERED');
    answers['undelivered'] = { id: dispatchId, ...d };
    expect(d.attempts).toMatchObject([
      { provider: 'webhook', status: 'FAILED', fallbackCause: null, failureReason: 'webhook undelivered: error 30003' },
      { provider: 'ovh', status: 'DELIVERED', fallbackCause: 'FAILED_RECEIPT' },
    ]);
    expect(smsTo(phone)).toHaveLength(2);
    await expectOneCodeValue(phone, methodId);
    // The code that came through the second provider confirms the number.
    const confirmed = await gql<{ confirmSmsMethod: { method: { status: string } } }>(CONFIRM, { input: { methodId, code: codeOf(second.body) } });
    expect(confirmed.confirmSmsMethod.method.status).toBe('ENABLED');
  });

  it('(b) the first provider never reports: the same code through the second, within the timeout + 1 s', async () => {
    gateway.control({ byProvider: { webhook: { finalStatus: 'none' } } });
    const { phone, methodId, dispatchId } = await addNumber();
    const [second] = await gateway.waitForMessages(1, { filter: (m) => m.to === phone && m.provider === 'ovh', timeoutMs: 10000 });
    const [first] = smsTo(phone, 'webhook');
    figures['noReceiptToFallbackMs'] = msBetween(first, second);
    expect(msBetween(first, second)).toBeGreaterThanOrEqual(TIMEOUT_S * 1000 - 100);
    expect(msBetween(first, second)).toBeLessThanOrEqual(TIMEOUT_S * 1000 + 1000);
    const d = await waitDispatch(dispatchId, (x) => x.status === 'DELIVERED');
    answers['noReceipt'] = { id: dispatchId, ...d };
    expect(d.attempts).toMatchObject([
      { provider: 'webhook', status: 'SENT', fallbackCause: null },
      { provider: 'ovh', status: 'DELIVERED', fallbackCause: 'NO_RECEIPT' },
    ]);
    await expectOneCodeValue(phone, methodId);
    await gateway.idle();
    expect(smsTo(phone)).toHaveLength(2);
  });

  it('(c) SIGKILL of the worker during the fallback send: one code value, delivered once or twice through the second', async () => {
    gateway.control({ byProvider: { webhook: { finalStatus: 'none' }, ovh: { delayMs: 4000 } } });
    const { phone, methodId, dispatchId } = await addNumber();
    // The fallback reached the second provider, which holds its answer: the worker dies mid-send.
    await gateway.waitForMessages(1, { filter: (m) => m.to === phone && m.provider === 'ovh', timeoutMs: 10000 });
    worker.proc.kill('SIGKILL');
    await worker.exited;
    gateway.reset();
    const t0 = Date.now();
    const restarted = startWorker();
    // The new worker takes the stalled watch over and resumes the same attempt (no new decision).
    await restarted.waitForLog((l) => l['msg'] === 'sms fallback resumed after an interrupted send' && l['messageId'] === dispatchId, 20000);
    const d = await waitDispatch(dispatchId, (x) => x.status === 'DELIVERED', 20000);
    figures['sigkillDuringFallbackToDeliveredMs'] = Date.now() - t0;
    expect(d.attempts.map((a) => [a.provider, a.status])).toEqual([
      ['webhook', 'SENT'],
      ['ovh', 'DELIVERED'],
    ]);
    await gateway.idle();
    expect(smsTo(phone, 'webhook')).toHaveLength(1);
    expect(smsTo(phone, 'ovh').length).toBeGreaterThanOrEqual(1);
    expect(smsTo(phone, 'ovh').length).toBeLessThanOrEqual(2);
    figures['sigkillFallbackSmsThroughSecond'] = smsTo(phone, 'ovh').length;
    await expectOneCodeValue(phone, methodId);
  }, 60000);

  it('(d) the code is used before the timeout: no fallback', async () => {
    gateway.control({ byProvider: { webhook: { finalStatus: 'none' } } });
    const { phone, methodId, dispatchId } = await addNumber();
    const [first] = await gateway.waitForMessages(1, { filter: (m) => m.to === phone, timeoutMs: 10000 });
    expect(first.provider).toBe('webhook');
    await gql(CONFIRM, { input: { methodId, code: codeOf(first.body) } });
    await new Promise((r) => setTimeout(r, TIMEOUT_S * 1000 + 2000));
    expect(smsTo(phone)).toHaveLength(1);
    const d = await dispatch(dispatchId);
    expect(d.attempts.map((a) => [a.provider, a.status])).toEqual([['webhook', 'SENT']]);
    await expectOneCodeValue(phone, methodId);
    const { rows } = await pg.query(`SELECT deadline_at FROM sms_attempt WHERE message_id = $1`, [dispatchId]);
    expect(rows).toEqual([{ deadline_at: null }]);
  });

  it('(e) the second provider answers the fallback 429: the provider is paused, and the same attempt goes once its Retry-After is over', async () => {
    gateway.control({ byProvider: { webhook: { finalStatus: 'undelivered', errorCode: '30003' }, ovh: { fail: '429', retryAfter: '2' } }, times: 1 });
    const { phone, methodId, dispatchId } = await addNumber();
    const [second] = await gateway.waitForMessages(1, { filter: (m) => m.to === phone && m.provider === 'ovh', timeoutMs: 15000 });
    const [first] = smsTo(phone, 'webhook');
    // The undelivered report came within a second; the 429 then held the fallback for its 2 s.
    expect(msBetween(first, second)).toBeGreaterThanOrEqual(1900);
    expect(worker.lines.some((l) => l.includes('sms fallback rate limited; it waits for the pause'))).toBe(true);
    const d = await waitDispatch(dispatchId, (x) => x.status === 'DELIVERED');
    expect(d.attempts).toMatchObject([
      { provider: 'webhook', status: 'FAILED' },
      { provider: 'ovh', status: 'DELIVERED', fallbackCause: 'FAILED_RECEIPT' },
    ]);
    await expectOneCodeValue(phone, methodId);
  });

  it('(f) Redis restarted empty after the first send: the lost watch comes back from PostgreSQL, the same code through the second', async () => {
    gateway.control({ byProvider: { webhook: { finalStatus: 'none' } } });
    const { phone, methodId, dispatchId } = await addNumber();
    const [first] = await gateway.waitForMessages(1, { filter: (m) => m.to === phone && m.provider === 'webhook', timeoutMs: 10000 });
    // The first send is recorded with its receipt deadline; then Redis loses every job, the watch's too.
    await waitFor('the first attempt recorded with its deadline', async () => {
      const { rows } = await pg.query(`SELECT 1 FROM sms_attempt WHERE message_id = $1 AND status = 'SENT' AND deadline_at IS NOT NULL`, [dispatchId]);
      return rows.length > 0;
    }, 10000, 20);
    await redis.stop();
    await redis.start();
    const [second] = await gateway.waitForMessages(1, { filter: (m) => m.to === phone && m.provider === 'ovh', timeoutMs: 20000 });
    figures['redisLostWatchToFallbackMs'] = msBetween(first, second);
    // The deadline, then the sweep's grace and interval, and the worker's reconnection to Redis.
    expect(msBetween(first, second)).toBeLessThanOrEqual(TIMEOUT_S * 1000 + 2 * SWEEP_S * 1000 + 3000);
    expect(worker.lines.some((l) => l.includes('delivery watch lost from Redis; added again') && l.includes(dispatchId))).toBe(true);
    const d = await waitDispatch(dispatchId, (x) => x.status === 'DELIVERED');
    expect(d.attempts).toMatchObject([
      { provider: 'webhook', status: 'SENT', fallbackCause: null },
      { provider: 'ovh', status: 'DELIVERED', fallbackCause: 'NO_RECEIPT' },
    ]);
    await gateway.idle();
    expect(smsTo(phone)).toHaveLength(2);
    await expectOneCodeValue(phone, methodId);
  }, 60000);

  it('a first send reported delivered never falls back', async () => {
    const { phone, methodId, dispatchId } = await addNumber();
    const d = await waitDispatch(dispatchId, (x) => x.status === 'DELIVERED');
    expect(d.attempts.map((a) => [a.provider, a.status])).toEqual([['webhook', 'DELIVERED']]);
    await new Promise((r) => setTimeout(r, TIMEOUT_S * 1000 + 1000));
    expect(smsTo(phone)).toHaveLength(1);
    await expectOneCodeValue(phone, methodId);
  });
});
