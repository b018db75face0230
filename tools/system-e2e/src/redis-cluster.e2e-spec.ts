import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { createRedisConnection, type RedisConnection } from '@twofold/redis-connection';
import { deriveKey, SMS_QUEUE_NAME } from '@twofold/sms-queue';
import { createTestDatabase, startFakeSmsGateway, uniqueQueuePrefix, type FakeSmsGateway, type TestDatabase } from '@twofold/testing';
import { runBurst, settleBurst, signUpAccounts, type BurstAccount, type BurstReport } from './code-burst';
import { RedisClusterHarness } from './redis-cluster-harness';
import { API_MAIN, ApiClient, APP_SECRET, assertBuilt, freePort, type NodeProcess, spawnNode, TWILIO, waitUntil, WORKER_MAIN } from './system';

/**
 * The API and two SMS workers on a Redis Cluster of 3 primaries and 3 replicas (the installed
 * redis-server on free ports, REDIS_CLUSTER_NODES): a burst of 200 codes, then a burst during a
 * manual failover (CLUSTER FAILOVER on the replica of the primary that holds the queue's slot),
 * then a burst while that slot's primary is SIGKILLed. Every code reaches the gateway, and no
 * number ever receives two different codes.
 */
describe('Redis Cluster (3 primaries, 3 replicas): API and workers through a failover', () => {
  const BURST = 200;
  const LANES = 8;
  let cluster: RedisClusterHarness | undefined;
  let db: TestDatabase | undefined;
  let pg: Pool | undefined;
  let gateway: FakeSmsGateway | undefined;
  let connection: RedisConnection | undefined;
  let queue: Queue | undefined;
  const procs: NodeProcess[] = [];
  let api: ApiClient;
  let accounts: BurstAccount[] = [];
  const prefix = uniqueQueuePrefix('cluster');
  const ADMIN_TOKEN = 'cluster-e2e-admin-token-0123456789';
  const bodyKey = deriveKey(APP_SECRET, 'sms-body');
  const figures: Record<string, BurstReport & { promotedMs?: number; leftToRelay: number }> = {};

  let numberSeq = 0;
  /** Distinct valid GB mobiles (Ofcom's drama range, 1000 of them); the database is this file's own. */
  const nextNumbers = (n: number) => Array.from({ length: n }, () => `+447700900${String(numberSeq++).padStart(3, '0')}`);

  beforeAll(async () => {
    assertBuilt();
    // Each kept as soon as it is up, and all awaited, so afterAll cleans up whichever started even when another failed.
    const started = await Promise.allSettled([
      RedisClusterHarness.start({ masters: 3, nodeTimeoutMs: 1000 }).then((c) => (cluster = c)),
      createTestDatabase('rediscluster').then((d) => (db = d)),
      startFakeSmsGateway({ authToken: TWILIO.token, accountSid: TWILIO.sid, callbackDelayMs: 20 }).then((g) => (gateway = g)),
    ]);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    if (!cluster || !db || !gateway) throw new Error('unreachable');
    pg = new Pool({ connectionString: db.url, max: 3 });
    const port = await freePort();
    const common: Record<string, string> = {
      NODE_ENV: 'production',
      APP_SECRET,
      DATABASE_URL: db.url,
      // REDIS_URL's host is not used on a cluster (only its user, password and TLS): a dead address proves it.
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_CLUSTER_NODES: cluster.nodesEnv,
      SMS_QUEUE_PREFIX: prefix,
      PUBLIC_API_URL: `http://127.0.0.1:${port}`,
      WEB_ORIGIN: 'http://localhost:4200',
      TRUST_PROXY: '1',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: TWILIO.sid,
      TWILIO_AUTH_TOKEN: TWILIO.token,
      TWILIO_FROM: TWILIO.from,
      TWILIO_API_BASE_URL: gateway.url,
      // Many numbers per account and per IP, so 200 codes need only 8 sign-ups; the cost guard is not under test.
      SMS_PUMPING_MODE: 'off',
      SMS_METHODS_PER_ACCOUNT: '100',
      SMS_LIMIT_PER_ACCOUNT_PER_HOUR: '1000',
      SMS_LIMIT_PER_IP_PER_HOUR: '1000',
      SMS_BUDGET_PER_PREFIX_PER_HOUR: '100000',
      SMS_RATE_PER_SECOND: '1000',
      // What Redis may lose in a crash comes back from PostgreSQL quickly (defaults: 2 s, 30 s, 300 s).
      SMS_RELAY_INTERVAL_MS: '500',
      SMS_RELAY_REQUEUE_AFTER_SECONDS: '2',
      SMS_RELAY_STALE_SENDING_SECONDS: '5',
      SMS_WORKER_LOCK_DURATION_MS: '3000',
      SMS_WORKER_STALLED_INTERVAL_MS: '1000',
      LOG_LEVEL: 'info',
    };
    procs.push(spawnNode('api', API_MAIN, { ...common, API_PORT: String(port), ADMIN_TOKEN }));
    for (const i of [1, 2]) procs.push(spawnNode(`worker-${i}`, WORKER_MAIN, { ...common, SMS_WORKER_HEALTH_PORT: '0' }));
    api = new ApiClient('api', `http://127.0.0.1:${port}`);
    // The test's own view of the queue, through the same factory as Bull Board.
    connection = createRedisConnection({ redisUrl: 'redis://127.0.0.1:1', redisClusterNodes: parseNodes(cluster.nodesEnv), queuePrefix: prefix }, 'board');
    connection.on('error', () => undefined);
    queue = new Queue(SMS_QUEUE_NAME, { connection, prefix });
    await waitUntil('API healthy on the cluster', async () => (await fetch(`${api.url}/health`)).status === 200, 90000, procs);
    await waitUntil('both workers on the queue', async () => (await queue!.getWorkersCount()) === 2, 60000, procs);
    accounts = await signUpAccounts(api, 3 * LANES, 'cluster', (i) => `10.30.0.${i + 1}`);
  }, 180000);

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop(3000)));
    await queue?.close().catch(() => undefined);
    connection?.disconnect();
    await gateway?.close();
    await pg?.end();
    await db?.drop();
    await cluster?.stop();
    // One line a reader can quote (docs/scaling.md): per burst, what the customers saw.
    process.stdout.write(`redis-cluster figures ${JSON.stringify(figures)}\n`);
  }, 60000);

  /** Codes the API could not hand to Redis at once (left QUEUED for its relay) since `from` lines of its log. */
  const leftToRelay = (from: number) => procs[0].lines.slice(from).filter((l) => l.includes('stays QUEUED for the relay')).length;

  function jsonLine(line: string): { msg?: string; healthPort?: number; redis?: string } {
    try {
      return JSON.parse(line);
    } catch {
      return {};
    }
  }

  function parseNodes(env: string) {
    return env.split(',').map((e) => ({ host: '127.0.0.1', port: Number(e.split(':')[1]) }));
  }

  function expectAllOnce(report: BurstReport, exactlyOnce: boolean) {
    expect(report.delivered).toBe(BURST);
    expect(report.twoCodes).toBe(0);
    expect(report.wrongText).toBe(0);
    if (exactlyOnce) expect(report.duplicates).toBe(0);
  }

  async function expectRowsSent(numbers: string[]) {
    await waitUntil(
      'every row recorded as sent',
      async () =>
        (await pg!.query(`SELECT count(*)::int AS n FROM sms_message WHERE phone_number = ANY($1) AND status IN ('SENT', 'DELIVERED')`, [numbers])).rows[0].n ===
        numbers.length,
      20000,
      procs,
    );
  }

  it('the queue lives on one slot: every BullMQ key of the prefix hashes to the hash tag', async () => {
    const { slot } = await cluster!.ownerOf(prefix);
    for (const key of [`${prefix}:sms:wait`, `${prefix}:sms:meta`, `${prefix}:sms:some-job-id`]) {
      expect(Number(await cluster!.on(cluster!.alivePorts[0], 'CLUSTER', 'KEYSLOT', key))).toBe(slot);
    }
  });

  it('health, the worker health and Bull Board all answer through the cluster client', async () => {
    expect(await (await fetch(`${api.url}/health/ready`)).json()).toMatchObject({ status: 'ok', redis: 'up' });
    for (const worker of procs.slice(1)) {
      const started = worker.lines.map(jsonLine).find((l) => l.msg === 'sms worker started');
      expect(started?.redis).toBe(`cluster redis://${cluster!.nodesEnv}`);
      const health = await fetch(`http://127.0.0.1:${started!.healthPort}/health`);
      expect(health.status).toBe(200);
    }
    const board = await fetch(`${api.url}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(board.status).toBe(200);
    const body = (await board.json()) as { queues: { name: string }[] };
    // The board shows every queue of the prefix: the SMS one and the e-mail one (issue 13).
    expect(body.queues.map((q) => q.name).sort()).toEqual(['email', 'sms']);
  });

  it(`a burst of ${BURST} codes through the API and two workers: each delivered once, with its stored text`, async () => {
    const logFrom = procs[0].lines.length;
    const burst = await runBurst(api, accounts.slice(0, LANES), nextNumbers(BURST), 25);
    const report = await settleBurst(gateway!, pg!, bodyKey, burst, { timeoutMs: 30000, delayedAfterMs: 1000 });
    figures['steady'] = { ...report, leftToRelay: leftToRelay(logFrom) };
    expectAllOnce(report, true);
    await expectRowsSent(burst.numbers);
  });

  it(`CLUSTER FAILOVER on the replica of the queue's primary during a burst: all ${BURST} delivered, none twice`, async () => {
    const before = await cluster!.ownerOf(prefix);
    expect(before.replica).not.toBeNull();
    let failedOverAt = 0;
    let promotedAt = 0;
    let failover: Promise<void> = Promise.resolve();
    const logFrom = procs[0].lines.length;
    const burst = await runBurst(api, accounts.slice(LANES, 2 * LANES), nextNumbers(BURST), 25, (answered) => {
      if (answered !== 60) return;
      failedOverAt = Date.now();
      failover = cluster!.failover(before.replica!).then(async () => {
        await cluster!.waitUntilMaster(before.replica!, 15000);
        promotedAt = Date.now();
      });
    });
    await failover;
    const report = await settleBurst(gateway!, pg!, bodyKey, burst, { timeoutMs: 60000, delayedAfterMs: 1000, eventAt: failedOverAt });
    const after = await cluster!.ownerOf(prefix);
    expect(after.master).toBe(before.replica);
    figures['failover'] = { ...report, promotedMs: promotedAt - failedOverAt, leftToRelay: leftToRelay(logFrom) };
    expectAllOnce(report, true);
    await expectRowsSent(burst.numbers);
  });

  it(`SIGKILL of the queue's primary during a burst: all ${BURST} delivered, none with two codes`, async () => {
    const before = await cluster!.ownerOf(prefix);
    expect(before.replica).not.toBeNull();
    let killedAt = 0;
    let promotedAt = 0;
    let crash: Promise<void> = Promise.resolve();
    const logFrom = procs[0].lines.length;
    const burst = await runBurst(api, accounts.slice(2 * LANES, 3 * LANES), nextNumbers(BURST), 25, (answered) => {
      if (answered !== 60) return;
      killedAt = Date.now();
      crash = cluster!.kill(before.master).then(async () => {
        await cluster!.waitUntilMaster(before.replica!, 30000);
        promotedAt = Date.now();
      });
    });
    await crash;
    const report = await settleBurst(gateway!, pg!, bodyKey, burst, { timeoutMs: 90000, delayedAfterMs: 1000, eventAt: killedAt });
    figures['sigkill'] = { ...report, promotedMs: promotedAt - killedAt, leftToRelay: leftToRelay(logFrom) };
    // A job the dead primary had not yet replicated may be sent again by the relay: the same text, never another code.
    expectAllOnce(report, false);
    await expectRowsSent(burst.numbers);
    for (const p of procs) expect(p.proc.exitCode).toBeNull();
  });
});
