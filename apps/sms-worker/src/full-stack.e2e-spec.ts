import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { twilioSignature } from '@twofold/sms-queue';
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
import {
  API_MAIN,
  ensureApiBuilt,
  ensureWorkerBuilt,
  freePort,
  PrivateRedis,
  spawnNode,
  spawnWorker,
  WorkerProcess,
} from './test/e2e-harness';
import { dumpRedis, findSecret, TEST_APP_SECRET, waitFor } from './test/fixtures';

/**
 * The whole SMS path with real processes: the built API (GraphQL, outbox, relay, Twilio webhook)
 * and the built worker, on this file's PostgreSQL database, a private redis-server and the fake
 * Twilio gateway (in this process, so the test can steer it).
 */
describe('SMS end to end: API and worker processes, fake Twilio gateway', () => {
  let testDb: TestDatabase;
  let pg: Pool;
  let redis: PrivateRedis;
  let gateway: FakeSmsGateway;
  let api: WorkerProcess;
  let apiUrl: string;
  let worker: WorkerProcess;
  let token: string;
  let webhookSink: Server;
  let webhookSinkUrl: string;
  const webhookReceived: { id: string; to: string; body: string }[] = [];
  const processes: WorkerProcess[] = [];
  const figures: Record<string, number> = {};
  const prefix = uniqueQueuePrefix('fullstack');
  const AUTH_TOKEN = 'full-stack-auth-token';
  const WEBHOOK_SECRET = 'full-stack-webhook-secret';
  const OVH = { appKey: 'ak-fullstack', appSecret: 'as-fullstack', consumerKey: 'ck-fullstack' };
  const ovhEnv = (): Record<string, string> => ({
    OVH_ENDPOINT: gateway.url,
    OVH_APP_KEY: OVH.appKey,
    OVH_APP_SECRET: OVH.appSecret,
    OVH_CONSUMER_KEY: OVH.consumerKey,
    OVH_SMS_SERVICE: 'sms-fullstack-1',
    OVH_SMS_SENDER: 'Twofold',
  });
  const ACCOUNT_SID = 'ACfullstack';
  let numberSeq = Math.floor(Math.random() * 700);
  /** Ofcom's drama range, accepted as GB mobiles by the API in non-production settings. */
  const nextNumber = () => `+447700900${String(numberSeq++ % 1000).padStart(3, '0')}`;

  const sharedEnv = (): Record<string, string> => ({
    NODE_ENV: 'test',
    APP_SECRET: TEST_APP_SECRET,
    DATABASE_URL: testDb.url,
    REDIS_URL: redis.url,
    SMS_QUEUE_PREFIX: prefix,
    PUBLIC_API_URL: apiUrl,
    SMS_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: '+15005550006',
    TWILIO_API_BASE_URL: gateway.url,
    LOG_LEVEL: 'info',
  });

  function startWorker(extra: Record<string, string> = {}): WorkerProcess {
    worker = spawnWorker({
      ...sharedEnv(),
      SMS_WORKER_HEALTH_PORT: '0',
      SMS_WORKER_HEALTH_HOST: '127.0.0.1',
      SMS_WORKER_CONCURRENCY: '20',
      SMS_RATE_PER_SECOND: '1000',
      SMS_WORKER_LOCK_DURATION_MS: '2000',
      SMS_WORKER_STALLED_INTERVAL_MS: '1000',
      ...extra,
    });
    processes.push(worker);
    return worker;
  }
  const workerStarted = (w: WorkerProcess) => w.waitForLog((l) => l['msg'] === 'sms worker started', 20000);
  async function stopWorker(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    worker.proc.kill(signal);
    await worker.exited;
  }

  let client: GraphqlClient;
  async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await client<T>(query, variables, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  }

  const ADD = `mutation($input: AddSmsMethodInput!) { addSmsMethod(input: $input) { method { id } dispatch { id status } } }`;
  const DISPATCH = `query($id: ID!) { smsDispatch(id: $id) { id status failureReason } }`;
  async function addNumber(phone = nextNumber()): Promise<{ phone: string; dispatchId: string }> {
    const data = await gql<{ addSmsMethod: { dispatch: { id: string } } }>(ADD, { input: { phoneNumber: phone } });
    return { phone, dispatchId: data.addSmsMethod.dispatch.id };
  }
  const dispatch = async (id: string) =>
    (await gql<{ smsDispatch: { status: string; failureReason: string | null } }>(DISPATCH, { id })).smsDispatch;
  const waitDispatch = (id: string, status: string, timeoutMs = 20000) =>
    waitFor(
      `dispatch ${id} ${status}`,
      async () => ((await dispatch(id)).status === status ? dispatch(id) : null),
      timeoutMs,
      50,
    );
  const smsTo = (phone: string): FakeSms[] => gateway.messages.filter((m) => m.to === phone);
  const codeOf = (body: string) => /#(\d{6})\s*$/.exec(body)?.[1];

  beforeAll(async () => {
    ensureApiBuilt();
    ensureWorkerBuilt();
    testDb = await createTestDatabase('fullstack');
    pg = new Pool({ connectionString: testDb.url, max: 3 });
    redis = new PrivateRedis(await freePort());
    await redis.start();
    gateway = await startFakeSmsGateway({ authToken: AUTH_TOKEN, accountSid: ACCOUNT_SID, webhookSecret: WEBHOOK_SECRET, ovh: OVH, callbackDelayMs: 20 });
    webhookSink = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        webhookReceived.push(JSON.parse(body));
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `hook-${webhookReceived.length}` }));
      });
    });
    await new Promise<void>((r) => webhookSink.listen(0, '127.0.0.1', r));
    webhookSinkUrl = `http://127.0.0.1:${(webhookSink.address() as AddressInfo).port}/sms`;

    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    client = graphqlClient(apiUrl);
    api = spawnNode(API_MAIN, {
      ...sharedEnv(),
      API_PORT: String(apiPort),
      // The API verifies the webhook provider's receipts with the worker's secret, and reads
      // OVHcloud SMS back (the stand-in) to confirm their reports.
      SMS_PROVIDER: 'twilio,webhook,ovh',
      SMS_WEBHOOK_URL: `${gateway.url}/webhook/sms`,
      SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ...ovhEnv(),
      SMS_METHODS_PER_ACCOUNT: '1000',
      SMS_LIMIT_PER_NUMBER_PER_HOUR: '1000',
      SMS_LIMIT_PER_ACCOUNT_PER_HOUR: '100000',
      SMS_LIMIT_PER_IP_PER_HOUR: '100000',
      SMS_RELAY_INTERVAL_MS: '500',
      SMS_RELAY_REQUEUE_AFTER_SECONDS: '2',
      SMS_RELAY_STALE_SENDING_SECONDS: '10',
    });
    processes.push(api);
    await waitFor(
      'the API to answer /health',
      () =>
        fetch(`${apiUrl}/health`)
          .then((r) => r.ok)
          .catch(() => false),
      30000,
      100,
    );
    startWorker();
    await workerStarted(worker);

    const signUp = await client<{ signUp: { token: string } }>(
      `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
      {
        input: {
          email: `e2e-${Date.now()}@example.com`,
          password: 'correct horse battery staple',
          name: 'Ada Lovelace',
        },
      },
    );
    token = signUp.data!.signUp.token;
  }, 90000);

  afterAll(async () => {
    for (const p of processes) if (p.proc.exitCode === null) p.proc.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await redis?.stop();
    await gateway?.close();
    await new Promise((r) => webhookSink?.close(r));
    await pg?.end();
    await testDb?.drop();
    process.stdout.write(`sms full-stack e2e figures: ${JSON.stringify(figures)}\n`);
  });

  beforeEach(() => gateway.reset());

  it('an SMS accepted by the API reaches the gateway with the contract text, then DELIVERED via the signed callback', async () => {
    const t0 = Date.now();
    const { phone, dispatchId } = await addNumber();
    const [sms] = await gateway.waitForMessages(1, { filter: (m) => m.to === phone, timeoutMs: 10000 });
    figures['mutationToGatewayMs'] = Date.now() - t0;
    expect(sms.body).toMatch(/^Twofold security code: (\d{6})\. Valid 5 minutes\. Never share it\.\n+@localhost #\1$/);
    expect(sms.statusCallback).toBe(`${apiUrl}/webhooks/sms/twilio`);
    await waitDispatch(dispatchId, 'DELIVERED');
    await gateway.idle();
    expect(sms.callbacks.map((c) => [c.status, c.httpStatus])).toEqual([
      ['sent', 204],
      ['delivered', 204],
    ]);
  });

  it('refuses unsigned and wrongly signed delivery reports with 403', async () => {
    const params = { MessageSid: 'SMx', MessageStatus: 'delivered', AccountSid: ACCOUNT_SID };
    const post = (headers: Record<string, string>) =>
      fetch(`${apiUrl}/webhooks/sms/twilio`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(params).toString(),
      });
    expect((await post({})).status).toBe(403);
    expect(
      (await post({ 'x-twilio-signature': twilioSignature('wrong-token', `${apiUrl}/webhooks/sms/twilio`, params) }))
        .status,
    ).toBe(403);
    expect(
      (await post({ 'x-twilio-signature': twilioSignature(AUTH_TOKEN, `${apiUrl}/webhooks/sms/twilio`, params) }))
        .status,
    ).toBe(404);
  });

  it.each([['500'], ['429']] as const)('retries after %s and sends', async (fail) => {
    gateway.control({ fail, times: 2 });
    const { phone, dispatchId } = await addNumber();
    await waitDispatch(dispatchId, 'DELIVERED');
    expect(smsTo(phone)).toHaveLength(1);
    const { rows } = await pg.query(`SELECT attempts FROM sms_message WHERE id = $1`, [dispatchId]);
    expect(rows[0].attempts).toBe(3);
  });

  it('fails at once after an invalid-number answer, with the reason in smsDispatch', async () => {
    gateway.control({ fail: 'invalid-number' });
    const { dispatchId } = await addNumber();
    const d = await waitDispatch(dispatchId, 'FAILED');
    expect(d.failureReason).toBe("twilio: Invalid 'To' phone number (error 21211)");
    const { rows } = await pg.query(`SELECT attempts FROM sms_message WHERE id = $1`, [dispatchId]);
    expect(rows[0].attempts).toBe(1);
  });

  it('fails over to the second provider when Twilio is down', async () => {
    await stopWorker();
    startWorker({ SMS_PROVIDER: 'twilio,webhook', SMS_WEBHOOK_URL: webhookSinkUrl, SMS_FAILOVER_AFTER_ATTEMPTS: '1' });
    await workerStarted(worker);
    gateway.control({ fail: '500' });
    const { phone, dispatchId } = await addNumber();
    await waitDispatch(dispatchId, 'SENT');
    const { rows } = await pg.query(`SELECT provider, attempts FROM sms_message WHERE id = $1`, [dispatchId]);
    expect(rows[0]).toMatchObject({ provider: 'webhook', attempts: 2 });
    expect(webhookReceived.filter((w) => w.to === phone)).toHaveLength(1);
    await stopWorker();
    startWorker();
    await workerStarted(worker);
  });

  it('the webhook provider and OVHcloud report delivery back: DELIVERED through the fake gateway (signed receipts, the job callBack)', async () => {
    const runs: [string, Record<string, string>][] = [
      ['webhook', { SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: `${gateway.url}/webhook/sms`, SMS_WEBHOOK_SECRET: WEBHOOK_SECRET }],
      ['ovh', { SMS_PROVIDER: 'ovh', ...ovhEnv() }],
    ];
    for (const [provider, env] of runs) {
      await stopWorker();
      startWorker(env);
      await workerStarted(worker);
      const { phone, dispatchId } = await addNumber();
      await waitDispatch(dispatchId, 'DELIVERED');
      const sms = smsTo(phone);
      expect(sms).toHaveLength(1);
      expect(sms[0].provider).toBe(provider);
      await gateway.idle();
      expect(sms[0].callbacks.every((c) => c.httpStatus !== null && c.httpStatus < 300)).toBe(true);
      const { rows } = await pg.query(`SELECT provider, provider_message_id FROM sms_message WHERE id = $1`, [dispatchId]);
      expect(rows[0]).toEqual({ provider, provider_message_id: sms[0].sid });
    }
    await stopWorker();
    startWorker();
    await workerStarted(worker);
  });

  it('a worker killed (SIGKILL) mid-send, then restarted: one code, delivered', async () => {
    gateway.control({ delayMs: 4000 });
    const { phone, dispatchId } = await addNumber();
    await gateway.waitForMessages(1, { filter: (m) => m.to === phone, timeoutMs: 10000 });
    await stopWorker('SIGKILL');
    gateway.reset();
    const t0 = Date.now();
    startWorker();
    await waitDispatch(dispatchId, 'DELIVERED');
    figures['sigkillToDeliveredMs'] = Date.now() - t0;
    const codes = new Set(smsTo(phone).map((m) => codeOf(m.body)));
    expect(smsTo(phone).length).toBeGreaterThanOrEqual(2);
    expect(codes.size).toBe(1);
  });

  it('worker down while 200 SMS are accepted, then Redis restarted (empty) mid-burst: all 200 delivered, none with a different code', async () => {
    await stopWorker(); // the worker is down for the whole burst: the API keeps accepting
    const phones = Array.from({ length: 200 }, () => nextNumber());
    const ids: string[] = [];
    const t0 = Date.now();
    for (let i = 0; i < phones.length; i += 50) {
      const chunk = await Promise.all(phones.slice(i, i + 50).map((p) => addNumber(p)));
      ids.push(...chunk.map((c) => c.dispatchId));
    }
    figures['apiAccepted200Ms'] = Date.now() - t0;
    const before = gateway.messages.length;
    gateway.control({ delayMs: 50 });
    startWorker({ SMS_WORKER_CONCURRENCY: '5' });
    await waitFor('part of the burst sent', async () => gateway.messages.length - before >= 30, 30000, 10);
    await redis.stop(); // loses every job still waiting: no persistence
    await new Promise((r) => setTimeout(r, 1000));
    await redis.start();
    gateway.reset();
    const restartedAt = Date.now();
    const sentAtRestart = gateway.messages.length;
    expect(sentAtRestart - before).toBeLessThan(200);
    await waitFor('a send after the restart', async () => gateway.messages.length > sentAtRestart, 30000, 10);
    figures['redisRestartToFirstSendMs'] = Date.now() - restartedAt;
    await waitFor(
      'all 200 delivered',
      async () => {
        const { rows } = await pg.query(
          `SELECT count(*)::int AS n FROM sms_message WHERE id = ANY($1) AND status = 'DELIVERED'`,
          [ids],
        );
        return rows[0].n === ids.length;
      },
      45000,
      100,
    );
    figures['redisRestartToAll200DeliveredMs'] = Date.now() - restartedAt;
    let duplicates = 0;
    for (const phone of phones) {
      const codes = new Set(smsTo(phone).map((m) => codeOf(m.body)));
      expect(codes.size).toBe(1);
      duplicates += smsTo(phone).length - 1;
    }
    figures['burstDuplicatesSameCode'] = duplicates;
  }, 120000);

  it('no code or number in Redis (keys, job data, failed jobs) or in the API and worker logs', async () => {
    await gateway.idle();
    const conn = new IORedis(redis.url);
    const dump = await dumpRedis(conn, prefix);
    conn.disconnect();
    const logs = processes.flatMap((p) => p.lines).join('\n');
    expect(gateway.messages.length).toBeGreaterThan(200);
    for (const m of gateway.messages) {
      const secret = { code: codeOf(m.body) ?? 'none', to: m.to };
      expect(findSecret(dump, secret)).toBeNull();
      expect(findSecret(logs, secret)).toBeNull();
    }
  });
});
