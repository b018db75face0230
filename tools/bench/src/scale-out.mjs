// S1–S3 of `npm run bench` (issue 15): each a ratio within one run, on the same machine.
//   S1  codes/s (sendLoginSmsCode) and completions/s (completeLoginWithSms) of 2 API processes
//       against 1 on the same PostgreSQL, with PostgreSQL's CPU per request;
//   S2  the same workload through PgBouncer in transaction mode (prepared statements off, as it
//       needs) against direct connections (with them on, the default, and off: what each costs);
//   S3  SMS/s of 2 workers draining a backlog on a Redis Cluster (3 primaries) against 2 workers
//       on one Redis.
// On 2 cores, two API processes share the cores with PostgreSQL and the load generators: S1
// shows contention (locks, connections, CPU), not the capacity of two machines. docs/scaling.md
// turns the CPU per request measured here into a capacity model.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import pg from 'pg';
import { commandCpuMs, cpuMs, freePort, phaseCost } from './lib/processes.mjs';
import { seedSmsTickets } from './lib/seed.mjs';

const SEND_LOGIN = `mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id status } }`;
const COMPLETE_SMS = `mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token } }`;
const JSON_HEADERS = { 'content-type': 'application/json' };
const CONNECTIONS = 50;

/**
 * `ctx`: { log, outDir, root, quick, env (the API's and worker's base environment), apiMain, workerMain,
 * apiNodeFlags, processes ({ startNode, startProcess, waitFor, load }), pool, benchDbName, serverUrl,
 * gateway, redisUrl, passwordHash, apiHelpers, openCode(row) → code }.
 */
export async function runScaleOut(ctx) {
  const count = ctx.quick ? 1500 : 5000;
  let offset = 1_000_000;
  const seed = async (n) => {
    const tickets = await seedSmsTickets(ctx.pool, { count: n, offset, passwordHash: ctx.passwordHash }, ctx.apiHelpers);
    offset += n;
    return tickets;
  };
  const ipOf = (i) => `10.${100 + ((i >> 16) & 127)}.${(i >> 8) & 255}.${i & 255}`;
  const F = {};

  // ---- S1 and S2: the same codes-then-completions workload on each deployment.
  const one = await apiWorkload(ctx, 'S1-1api', await startApis(ctx, 1, {}, 's1-one'), await seed(count), ipOf);
  const two = await apiWorkload(ctx, 'S1-2api', await startApis(ctx, 2, {}, 's1-two'), await seed(count), ipOf);
  F.S1 = { one, two, codesRatio: two.codes.perSecond / one.codes.perSecond, completionsRatio: two.completions.perSecond / one.completions.perSecond };
  ctx.log(`S1 2 APIs / 1 API: codes ${F.S1.codesRatio.toFixed(2)}, completions ${F.S1.completionsRatio.toFixed(2)}`);

  const noPrepared = await apiWorkload(ctx, 'S2-direct-unprepared', await startApis(ctx, 1, { DATABASE_PREPARED_STATEMENTS: 'false' }, 's2-direct'), await seed(count), ipOf);
  const bouncer = await startPgBouncer(ctx);
  if (bouncer) {
    try {
      const through = await apiWorkload(ctx, 'S2-pgbouncer', await startApis(ctx, 1, { DATABASE_URL: bouncer.url, DATABASE_PREPARED_STATEMENTS: 'false' }, 's2-bouncer'), await seed(count), ipOf, bouncer);
      F.S2 = { version: bouncer.version, direct: one, directUnprepared: noPrepared, pgbouncer: through, codesRatio: through.codes.perSecond / one.codes.perSecond, completionsRatio: through.completions.perSecond / one.completions.perSecond };
    } finally {
      await bouncer.stop();
    }
    ctx.log(`S2 PgBouncer / direct: codes ${F.S2.codesRatio.toFixed(2)}, completions ${F.S2.completionsRatio.toFixed(2)}`);
  } else {
    F.S2 = { skipped: 'pgbouncer is not installed (tools/scripts/ensure-pgbouncer.sh could not install it)', directUnprepared: noPrepared };
  }

  // ---- S3: 2 workers draining a backlog, one Redis against a Redis Cluster.
  const single = await workerDrain(ctx, 'S3-redis', {}, await seed(count), ipOf);
  const cluster = await startRedisCluster(ctx);
  try {
    const clustered = await workerDrain(ctx, 'S3-cluster', { REDIS_CLUSTER_NODES: cluster.nodesEnv }, await seed(count), ipOf);
    F.S3 = { single, cluster: clustered, ratio: clustered.smsPerSecond / single.smsPerSecond, masters: cluster.masters };
  } finally {
    await cluster.stop();
  }
  ctx.log(`S3 cluster / one Redis, 2 workers: ${F.S3.ratio.toFixed(2)}`);

  const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
  const pgPer = (w) => `PG ${fmt(w.codes.cost.postgresCpuMsPerRequest, 2)}/${fmt(w.completions.cost.postgresCpuMsPerRequest, 2)} ms`;
  const table = [
    ['S1 codes/s, 2 APIs vs 1 (same PostgreSQL)', `${fmt(two.codes.perSecond)} / ${fmt(one.codes.perSecond)} = ${fmt(F.S1.codesRatio, 2)}`, 'reported', 'INFO'],
    ['S1 completions/s, 2 APIs vs 1', `${fmt(two.completions.perSecond)} / ${fmt(one.completions.perSecond)} = ${fmt(F.S1.completionsRatio, 2)}`, 'reported', 'INFO'],
    ['S1 PostgreSQL CPU per code/completion, 1 API; 2 APIs', `${pgPer(one)}; ${pgPer(two)}`, 'reported', 'INFO'],
    F.S2.skipped
      ? ['S2 PgBouncer (transaction mode) vs direct', F.S2.skipped, 'reported', 'n/a']
      : ['S2 codes/s, PgBouncer vs direct', `${fmt(F.S2.pgbouncer.codes.perSecond)} / ${fmt(one.codes.perSecond)} = ${fmt(F.S2.codesRatio, 2)} (direct, no prepared statements: ${fmt(noPrepared.codes.perSecond)})`, 'reported', 'INFO'],
    ...(F.S2.skipped ? [] : [['S2 completions/s, PgBouncer vs direct', `${fmt(F.S2.pgbouncer.completions.perSecond)} / ${fmt(one.completions.perSecond)} = ${fmt(F.S2.completionsRatio, 2)} (direct, no prepared statements: ${fmt(noPrepared.completions.perSecond)})`, 'reported', 'INFO']]),
    [`S3 SMS/s, 2 workers: Redis Cluster (${F.S3.masters} primaries) vs one Redis`, `${fmt(F.S3.cluster.smsPerSecond)} / ${fmt(single.smsPerSecond)} = ${fmt(F.S3.ratio, 2)}`, 'reported', 'INFO'],
  ];
  return { figures: F, table };
}

/** `n` API processes on free ports with the bench's environment and `extra`, healthy. */
async function startApis(ctx, n, extra, label) {
  const apis = [];
  for (let i = 0; i < n; i++) {
    const port = await freePort();
    const env = { ...ctx.env, API_PORT: String(port), PUBLIC_API_URL: `http://127.0.0.1:${port}`, ...extra };
    apis.push({ url: `http://127.0.0.1:${port}`, p: ctx.processes.startNode(`${label}-api-${i + 1}`, [...ctx.apiNodeFlags, ctx.apiMain], env) });
  }
  for (const a of apis) await ctx.processes.waitFor(`${a.p.name} healthy`, async () => (await fetch(`${a.url}/health`)).status === 200, 90000, a.p);
  return apis;
}

/** One request file per API: `bodyOf(ticket)` for its share of `tickets`, each with its own client IP. */
function shareBodies(ctx, label, apis, tickets, bodyOf, ipOf, ipBase) {
  return apis.map((_, k) => {
    const mine = tickets.filter((_, i) => i % apis.length === k);
    const file = join(ctx.outDir, `bodies-${label}-${k + 1}.json`);
    writeFileSync(file, JSON.stringify(mine.map((t, i) => ({ body: JSON.stringify(bodyOf(t)), headers: { 'x-forwarded-for': ipOf(ipBase + i * apis.length + k) } }))));
    return { file, amount: mine.length };
  });
}

/** Runs one load per API at once (CONNECTIONS split between them): requests, wall seconds, CPU. */
async function loadAll(ctx, label, apis, files, extraCpu) {
  const cpu0 = apis.map((a) => cpuMs(a.p.proc));
  const extra0 = extraCpu?.() ?? 0;
  const cost = phaseCost();
  const results = await Promise.all(
    apis.map((a, k) => ctx.processes.load(`${label}-${k + 1}`, { kind: 'http', url: `${a.url}/graphql`, method: 'POST', headers: JSON_HEADERS, bodies: files[k].file, connections: Math.ceil(CONNECTIONS / apis.length), amount: files[k].amount })),
  );
  const requests = results.reduce((s, r) => s + r.requests, 0);
  const seconds = Math.max(...results.map((r) => r.seconds));
  const apiCpu = apis.reduce((s, a, k) => s + (cpuMs(a.p.proc) - cpu0[k]), 0);
  return { requests, seconds, p99: Math.max(...results.map((r) => r.latency.p99)), apiCpuMsPerRequest: +(apiCpu / requests).toFixed(3), extraCpuMsPerRequest: extraCpu ? +((extraCpu() - extra0) / requests).toFixed(3) : undefined, cost: cost(requests) };
}

/** Codes for every ticket, then a completion with each code: the rates that counted (rows made, sessions made). */
async function apiWorkload(ctx, label, apis, tickets, ipOf, bouncer) {
  const ids = tickets.map((t) => t.id);
  const base = Number(label.length * 100_000);
  const codeFiles = shareBodies(ctx, `${label}-codes`, apis, tickets, (t) => ({ query: SEND_LOGIN, variables: { input: { ticket: t.token, methodId: t.methodId } } }), ipOf, base);
  const codes = await loadAll(ctx, `${label}-codes`, apis, codeFiles, bouncer?.cpuMs);
  const { rows } = await ctx.pool.query(`SELECT id, ticket_id, body_sealed FROM sms_message WHERE ticket_id = ANY($1)`, [ids]);
  codes.accepted = rows.length;
  codes.perSecond = rows.length / codes.seconds;
  const codeOf = new Map(rows.map((r) => [r.ticket_id, ctx.openCode(r)]));
  const withCode = tickets.filter((t) => codeOf.has(t.id));
  const completeFiles = shareBodies(ctx, `${label}-complete`, apis, withCode, (t) => ({ query: COMPLETE_SMS, variables: { input: { ticket: t.token, methodId: t.methodId, code: codeOf.get(t.id) } } }), ipOf, base + 50_000);
  const completions = await loadAll(ctx, `${label}-complete`, apis, completeFiles, bouncer?.cpuMs);
  completions.sessions = (await ctx.pool.query(`SELECT count(*)::int AS n FROM session WHERE account_id = ANY($1)`, [tickets.map((t) => t.accountId)])).rows[0].n;
  completions.perSecond = completions.sessions / completions.seconds;
  await Promise.all(apis.map((a) => a.p.stop()));
  ctx.log(`${label}: ${codes.perSecond.toFixed(0)} codes/s (${codes.accepted}/${tickets.length}), ${completions.perSecond.toFixed(0)} completions/s (${completions.sessions}), API CPU ${codes.apiCpuMsPerRequest}/${completions.apiCpuMsPerRequest} ms, PG ${codes.cost.postgresCpuMsPerRequest}/${completions.cost.postgresCpuMsPerRequest} ms per request`);
  return { apis: apis.length, codes, completions };
}

/**
 * A backlog of codes accepted with no worker running, then 2 workers draining it: SMS/s at the
 * gateway. Each run has its queue prefix of its own and the relay off, so no other message joins.
 */
async function workerDrain(ctx, label, extra, tickets, ipOf) {
  const prefix = `{twofold-bench-${label.toLowerCase()}-${Date.now().toString(36)}}`;
  const env = { ...extra, SMS_QUEUE_PREFIX: prefix, SMS_RELAY_INTERVAL_MS: '0' };
  const [api] = await startApis(ctx, 1, env, label.toLowerCase());
  const files = shareBodies(ctx, `${label}-codes`, [api], tickets, (t) => ({ query: SEND_LOGIN, variables: { input: { ticket: t.token, methodId: t.methodId } } }), ipOf, label.length * 100_000);
  await loadAll(ctx, `${label}-codes`, [api], files);
  const accepted = (await ctx.pool.query(`SELECT count(*)::int AS n FROM sms_message WHERE ticket_id = ANY($1)`, [tickets.map((t) => t.id)])).rows[0].n;
  const from = ctx.gateway.messages.length;
  const redisCpu0 = commandCpuMs('redis-server');
  const workers = [1, 2].map((i) => ctx.processes.startNode(`${label.toLowerCase()}-worker-${i}`, [ctx.workerMain], { ...ctx.env, ...env, SMS_WORKER_CONCURRENCY: '100' }));
  await ctx.processes.waitFor(`${label} backlog drained`, async () => ctx.gateway.messages.length - from >= accepted, 180000, workers[0]);
  const workerCpu = workers.reduce((s, w) => s + cpuMs(w.proc), 0);
  const redisCpu = commandCpuMs('redis-server') - redisCpu0;
  const times = ctx.gateway.messages.slice(from).map((m) => Date.parse(m.dateCreated)).sort((a, b) => a - b);
  const smsPerSecond = (times.length - 1) / ((times[times.length - 1] - times[0]) / 1000);
  await Promise.all([...workers.map((w) => w.stop()), api.p.stop()]);
  await obliterate(prefix, extra.REDIS_CLUSTER_NODES, ctx.redisUrl);
  ctx.log(`${label}: 2 workers ${smsPerSecond.toFixed(0)} SMS/s (${accepted} codes), worker CPU ${(workerCpu / accepted).toFixed(2)} ms/SMS incl. start, Redis CPU ${(redisCpu / accepted).toFixed(2)} ms/SMS`);
  return { accepted, smsPerSecond, workerCpuMsPerSms: +(workerCpu / accepted).toFixed(3), redisCpuMsPerSms: +(redisCpu / accepted).toFixed(3) };
}

async function obliterate(prefix, clusterNodes, redisUrl) {
  const connection = clusterNodes
    ? new IORedis.Cluster(clusterNodes.split(',').map((n) => ({ host: n.split(':')[0], port: Number(n.split(':')[1]) })), { redisOptions: { maxRetriesPerRequest: null } })
    : new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const q = new Queue('sms', { connection, prefix });
  await q.obliterate({ force: true }).catch(() => undefined);
  await q.close().catch(() => undefined);
  connection.disconnect();
}

/** Debian's pgbouncer in transaction mode before the bench's PostgreSQL, or null when it cannot be had. */
async function startPgBouncer(ctx) {
  const find = () => ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'].find(existsSync);
  if (!find()) spawnSync('bash', [join(ctx.root, 'tools/scripts/ensure-pgbouncer.sh')], { stdio: 'ignore', timeout: 300_000 });
  const bin = find();
  if (!bin) return null;
  const dir = join(ctx.outDir, 'pgbouncer');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777); // PgBouncer refuses to run as root: it runs as postgres and writes its log here.
  const port = await freePort();
  const server = new URL(ctx.serverUrl);
  writeFileSync(join(dir, 'userlist.txt'), `"postgres" ""\n`, { mode: 0o644 });
  const ini = join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    ['[databases]', `* = host=${server.hostname} port=${server.port || 5432}`, '[pgbouncer]', 'listen_addr = 127.0.0.1', `listen_port = ${port}`, 'unix_socket_dir =', 'auth_type = trust', `auth_file = ${join(dir, 'userlist.txt')}`, 'pool_mode = transaction', 'max_client_conn = 400', 'default_pool_size = 20', 'admin_users = postgres', `logfile = ${join(dir, 'pgbouncer.log')}`, `pidfile = ${join(dir, 'pgbouncer.pid')}`, ''].join('\n'),
    { mode: 0o644 },
  );
  const asRoot = process.getuid?.() === 0;
  const p = asRoot ? ctx.processes.startProcess('pgbouncer', 'setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--reset-env', bin, ini], {}) : ctx.processes.startProcess('pgbouncer', bin, [ini], {});
  const url = `postgres://postgres@127.0.0.1:${port}/${ctx.benchDbName}`;
  await ctx.processes.waitFor('pgbouncer answering', async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => undefined);
    await c.connect();
    await c.query('SELECT 1');
    await c.end();
    return true;
  }, 15000, p);
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).split('\n')[0].trim();
  return { url, version, cpuMs: () => commandCpuMs('pgbouncer'), stop: () => p.stop() };
}

/** A Redis Cluster of `masters` primaries (no replicas: this measures throughput) from the installed redis-server. */
async function startRedisCluster(ctx, masters = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'twofold-bench-cluster-'));
  const nodes = [];
  for (let i = 0; i < masters; i++) {
    const port = await freePort();
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--dir', dir, '--save', '', '--appendonly', 'no'];
    nodes.push({ port, p: ctx.processes.startProcess(`redis-cluster-${i + 1}`, 'redis-server', args, {}) });
  }
  const ping = async (port) => {
    const c = new IORedis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on('error', () => undefined);
    try {
      await c.connect();
      return c.call('CLUSTER', 'INFO');
    } finally {
      c.disconnect();
    }
  };
  for (const n of nodes) await ctx.processes.waitFor(`redis ${n.port}`, async () => !!(await ping(n.port)), 15000, n.p);
  execFileSync('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes'], { stdio: 'ignore', timeout: 30000 });
  for (const n of nodes) await ctx.processes.waitFor('cluster_state:ok', async () => /cluster_state:ok/.test(await ping(n.port)), 30000);
  await sleep(200);
  return { masters, nodesEnv: nodes.map((n) => `127.0.0.1:${n.port}`).join(','), stop: async () => Promise.all(nodes.map((n) => n.p.stop())) };
}
