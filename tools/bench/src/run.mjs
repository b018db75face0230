#!/usr/bin/env node
// `npm run bench` (= nx run bench:run, which builds api, sms-worker and fake-sms-gateway first).
// Starts the built API and SMS worker against the real PostgreSQL and Redis (a database of its
// own, dropped at the end; a BullMQ prefix of its own, removed at the end) and the fake Twilio
// gateway with a configurable latency, loads them from separate processes (autocannon), and
// prints one table of B1–B6 (issue 6) with targets and S1–S3 (issue 15), plus tmp/bench/results.json and
// tmp/bench/latency.svg. Progress goes to stderr.
//
//   BENCH_QUICK=1                 short run (about 2 minutes)
//   BENCH_GATEWAY_LATENCY_MS=50   the fake gateway's answer time
//   BENCH_PROFILE=1               V8 CPU profiles of the API and worker in tmp/bench/profiles
//   BENCH_API_NODE_OPTIONS=…      NODE_OPTIONS for the API process only (e.g. --max-old-space-size=128)
//   PASSWORD_HASH_THREADS         the API's argon2 threads (default: cores); the raw argon2
//                                 baseline runs on as many libuv threads (UV_THREADPOOL_SIZE)
//   DATABASE_URL / REDIS_URL      the servers (the database name is ignored: a new one is made)
//   BENCH_KEEP_DATABASE=1         keep the run's database afterwards (to EXPLAIN its statements)
//   BENCH_SCALE_OUT=0             skip S1–S3 (scale-out.mjs: 2 APIs, PgBouncer, Redis Cluster)
//   BENCH_FALLBACK=0              skip B4f (fallback-phase.mjs: the extra latency of a receipt-driven fallback)
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Algorithm, hash as argon2Hash } from '@node-rs/argon2';
import pg from 'pg';
import { seedSmsTickets } from './lib/seed.mjs';
import { children, cpuMs, createProcesses, freePort, mapLimit, peakRssMb, percentile, phaseCost } from './lib/processes.mjs';
import { runFallbackPhase } from './fallback-phase.mjs';
import { runScaleOut } from './scale-out.mjs';
import { latencyChartSvg } from './svg.mjs';
import { seedTotpAccounts, totpBodies } from './totp-phase.mjs';

const root = resolve(import.meta.dirname, '../../..');
const outDir = join(root, 'tmp/bench');
mkdirSync(outDir, { recursive: true });
const require = createRequire(import.meta.url);
const QUICK = process.env.BENCH_QUICK === '1';
const GATEWAY_LATENCY_MS = Number(process.env.BENCH_GATEWAY_LATENCY_MS ?? 50);
const DURATION = QUICK ? 3 : 10; // seconds per B1/B2 load
// The API hashes on PASSWORD_HASH_THREADS threads (default: the cores); the raw baseline gets
// the same number of threads, on libuv's pool (the binding's async calls), twice as many in flight.
const HASH_THREADS = Number(process.env.PASSWORD_HASH_THREADS ?? Math.min(8, availableParallelism()));
const ARGON2_ENV = { UV_THREADPOOL_SIZE: String(HASH_THREADS) };
const B4_COUNT = QUICK ? 2000 : 10000;
const B4_RATE = 200;
const BACKLOG_SECONDS = QUICK ? 6 : 15; // codes requested as fast as the API takes them, worker stopped
const BACKLOG_MAX = QUICK ? 3000 : 8000;
const B3_MAX = QUICK ? 3000 : 10000;
const WORKER_CONCURRENCY = 200;
const ACCOUNTS_PLAIN = 50;
const APP_SECRET = 'bench-secret-that-is-long-enough-for-hkdf-0123456789';
const PASSWORD = 'correct horse battery staple';
const TWILIO = { sid: 'ACbench00000000000000000000000000', token: 'bench-twilio-auth-token', from: '+15005550006' };
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/twofold');
const dbUrl = (name) => Object.assign(new URL(serverUrl.toString()), { pathname: `/${name}` }).toString();

const log = (...a) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${a.join(' ')}\n`);
const dist = (p) => join(root, 'dist', p);
const GATEWAY_LIB = dist('tools/fake-sms-gateway/tools/fake-sms-gateway/src/index.js');

if (![dist('apps/api/apps/api/src/main.js'), dist('apps/sms-worker/apps/sms-worker/src/main.js'), GATEWAY_LIB].every(existsSync)) {
  log('building production bundles (api, sms-worker, fake-sms-gateway)');
  const b = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api,sms-worker,fake-sms-gateway', '--output-style=static'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
// A private copy of the bundles: a build started elsewhere (rm -rf dist/…) must not pull them
// from under a running bench. It sits under the workspace, so node_modules still resolve.
const runDist = join(outDir, 'dist');
rmSync(runDist, { recursive: true, force: true });
for (const p of ['apps/api', 'apps/sms-worker', 'tools/fake-sms-gateway']) cpSync(dist(p), join(runDist, p), { recursive: true });
const API_MAIN = join(runDist, 'apps/api/apps/api/src/main.js');
// The API runs with the V8 flags of its production command (`nx run api:start`), read from there
// so the bench measures what operators run.
const API_NODE_FLAGS = (JSON.parse(readFileSync(join(root, 'apps/api/project.json'), 'utf8')).targets.start.options.command.match(/--max-[a-z-]+=\d+/g) ?? []);
const MIGRATE = join(runDist, 'apps/api/apps/api/src/migrate.js');
const WORKER_MAIN = join(runDist, 'apps/sms-worker/apps/sms-worker/src/main.js');
const { startFakeSmsGateway } = require(join(runDist, 'tools/fake-sms-gateway/tools/fake-sms-gateway/src/index.js'));
const { deriveKey, open, seal } = require(join(runDist, 'apps/api/libs/shared/sms-queue/src/index.js'));
const { generateOpaqueToken, hashOpaqueToken, maskPhoneNumber, newTotpSecret, parseMobileNumber, totpCodeAt } = require(join(runDist, 'apps/api/libs/shared/two-factor-domain/src/index.js'));
const bodyKey = deriveKey(APP_SECRET, 'sms-body');

// ---------------------------------------------------------------------------------------------
// Processes and measurements (lib/processes.mjs)

const { startNode, startProcess, waitFor, load } = createProcesses({ root, outDir });

// ---------------------------------------------------------------------------------------------
// GraphQL

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token account { id } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on Session { token } } }`;
const SEND_LOGIN = `mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id status } }`;
const COMPLETE_SMS = `mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token } }`;
const ME = `{ me { id twoFactor { enabled } } }`;
const TYPENAME = `{ __typename }`;
const JSON_HEADERS = { 'content-type': 'application/json' };

async function gql(url, query, variables = {}, token) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = await res.json();
  if (json.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(json.errors)}`);
  return json.data;
}

// ---------------------------------------------------------------------------------------------

const dbName = `twofold_bench_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const prefix = `{twofold-bench-${randomBytes(4).toString('hex')}}`;
const admin = new pg.Client({ connectionString: dbUrl('postgres') });
admin.on('error', (e) => log('postgres admin connection:', e.message));
let pool;
let gateway;
let redis;
let cleaned = false;

async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const c of [...children]) c.kill('SIGTERM');
  await sleep(children.size ? 1500 : 0);
  for (const c of [...children]) c.kill('SIGKILL');
  await gateway?.close().catch(() => undefined);
  if (redis) {
    const q = new Queue('sms', { connection: redis, prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close().catch(() => undefined);
    redis.disconnect();
  }
  await pool?.end().catch(() => undefined);
  if (process.env.BENCH_KEEP_DATABASE === '1') log(`kept database ${dbName} (BENCH_KEEP_DATABASE=1): drop it when done`);
  else await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((e) => log('could not drop', dbName, e.message));
  await admin.end().catch(() => undefined);
}
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => cleanup().then(() => process.exit(143)));

async function main() {
  const t0 = Date.now();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: +(totalmem() / 2 ** 30).toFixed(1),
    freeMemoryGb: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
    apiNodeFlags: API_NODE_FLAGS,
    passwordHashThreads: HASH_THREADS,
    postgres: null,
    redis: null,
  };
  log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB; ${QUICK ? 'QUICK run' : 'full run'}; gateway latency ${GATEWAY_LATENCY_MS} ms`);

  await admin.connect();
  machine.postgres = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const migrate = spawnSync(process.execPath, [MIGRATE], { cwd: root, env: { ...process.env, DATABASE_URL: dbUrl(dbName) }, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}`);
  pool = new pg.Pool({ connectionString: dbUrl(dbName), max: 4 });
  pool.on('error', () => undefined); // idle clients ended by the final DROP DATABASE … FORCE
  redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  machine.redis = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? null;
  const queue = new Queue('sms', { connection: redis, prefix });

  gateway = await startFakeSmsGateway({ authToken: TWILIO.token, accountSid: TWILIO.sid });
  gateway.control({ delayMs: GATEWAY_LATENCY_MS, callbacks: false });

  const apiPort = await freePort();
  const api = `http://127.0.0.1:${apiPort}`;
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    APP_SECRET,
    DATABASE_URL: dbUrl(dbName),
    REDIS_URL,
    SMS_QUEUE_PREFIX: prefix,
    API_PORT: String(apiPort),
    PUBLIC_API_URL: api,
    SMS_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: TWILIO.sid,
    TWILIO_AUTH_TOKEN: TWILIO.token,
    TWILIO_FROM: TWILIO.from,
    TWILIO_API_BASE_URL: gateway.url,
    // Throughput, not the rate limiter. All load comes from this host, so each request carries its
    // own client IP (X-Forwarded-For, as behind a load balancer) and every code goes to its own
    // account and number: the contract's default limits (cooldown, 5/number, 10/account, 20/IP per
    // hour, 10 password failures) stay in force and are never reached. Raising them instead would
    // make each send read up to `limit` ledger rows per key (the sliding-window queries), which
    // measures the bench, not the API. The SMS cost ceiling is raised (the run sends ~20,000).
    TRUST_PROXY: '1',
    SMS_BUDGET_GLOBAL_PER_HOUR: '1000000',
    SMS_CODE_TTL_SECONDS: '3600',
    LOGIN_TICKET_TTL_SECONDS: '3600',
    // The worker: one process, 200 SMS in flight, the BullMQ limiter out of the way.
    SMS_WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
    SMS_RATE_PER_SECOND: '100000',
    SMS_WORKER_HEALTH_PORT: '0',
    PASSWORD_HASH_THREADS: String(HASH_THREADS),
  };
  // BENCH_PROFILE=1: V8 CPU profiles of the API and worker in tmp/bench/profiles (written at exit).
  const profile = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${join(outDir, 'profiles')}`] : [];
  // BENCH_API_NODE_OPTIONS (e.g. --max-old-space-size=128) is passed to the API process only.
  const apiEnv = process.env.BENCH_API_NODE_OPTIONS ? { ...env, NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS } : env;
  const apiProc = startNode('api', [...profile, ...API_NODE_FLAGS, API_MAIN], apiEnv);
  let worker = startNode('worker-1', [...profile, WORKER_MAIN], env);
  await waitFor('API healthy', async () => (await fetch(`${api}/health`)).status === 200, 90000, apiProc);
  await waitFor('worker on the queue', async () => (await queue.getWorkersCount()) === 1, 60000, worker);
  log(`API and worker up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // ---- Seed: accounts without 2FA (B1, B2) and with 2FA on a number each (B3, B4), via the API.
  const plain = await mapLimit(Array.from({ length: ACCOUNTS_PLAIN }, (_, i) => i), 8, async (i) => {
    const email = `bench-plain-${i}@example.com`;
    await gql(api, SIGN_UP, { input: { email, password: PASSWORD, name: 'Bench Plain' } });
    return email;
  });
  // Accounts with 2FA on one number and a login ticket each, in SQL (lib/seed.mjs): B3 needs as many methods as codes.
  const seedCount = B4_COUNT + BACKLOG_MAX;
  const passwordHash = await argon2Hash(PASSWORD, { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const apiHelpers = { parseMobileNumber, maskPhoneNumber, generateOpaqueToken, hashOpaqueToken };
  const tickets = await seedSmsTickets(pool, { count: seedCount, passwordHash }, apiHelpers);
  const totpAccounts = await seedTotpAccounts(pool, B3_MAX, passwordHash, { seal, totpKey: deriveKey(APP_SECRET, 'totp-secret'), newTotpSecret, generateOpaqueToken, hashOpaqueToken });
  await pool.query('ANALYZE');
  log(`seeded ${totpAccounts.length} accounts with an authenticator app and a login ticket each (SQL)`);
  log(`seeded ${ACCOUNTS_PLAIN} accounts without 2FA (API) and ${seedCount} with 2FA, each with a login ticket (SQL)`);

  const loads = {};
  const apiRss = {};
  let apiProcRef = null;
  const mark = (phase) => {
    loads[phase] = loadavg().map((v) => +v.toFixed(2));
    // The API's peak RSS so far, at the start of each phase: shows which phase raised it.
    if (apiProcRef) apiRss[phase] = +peakRssMb(apiProcRef.proc).toFixed(1);
  };
  apiProcRef = apiProc;
  const results = { machine, loadavg: loads, apiPeakRssAtPhaseStartMb: apiRss, quick: QUICK, gatewayLatencyMs: GATEWAY_LATENCY_MS, started: new Date(t0).toISOString(), figures: {} };
  const F = results.figures;

  // ---- B1: raw argon2 verify/s (API idle), then the login flood with B6's /health probe alongside.
  mark('B1');
  const rawBefore = await load('argon2', { kind: 'argon2', duration: DURATION / 2, concurrency: 2 * HASH_THREADS }, ARGON2_ENV);
  const loginBodies = join(outDir, 'bodies-login.json');
  writeFileSync(loginBodies, JSON.stringify(Array.from({ length: 20000 }, (_, i) => JSON.stringify({ query: LOGIN, variables: { input: { email: plain[i % plain.length], password: PASSWORD } } }))));
  let cpu0 = cpuMs(apiProc.proc);
  let cost = phaseCost();
  const [login, health] = await Promise.all([
    load('b1-login', { kind: 'http', url: `${api}/graphql`, method: 'POST', headers: JSON_HEADERS, bodies: loginBodies, connections: 64, duration: DURATION }),
    (async () => {
      await sleep(1000); // the flood first
      return load('b6-health', { kind: 'http', url: `${api}/health`, connections: 1, overallRate: 20, duration: Math.max(2, DURATION - 2) });
    })(),
  ]);
  const apiCpu = {};
  apiCpu.login = (cpuMs(apiProc.proc) - cpu0) / (login.requests + health.requests);
  const outside = { login: cost(login.requests + health.requests) };
  log(`B1 login: ${login.rps.toFixed(1)} req/s (non-2xx ${login.non2xx}); B6 /health p99 ${health.latency.p99} ms`);
  const rawAfter = await load('argon2', { kind: 'argon2', duration: DURATION / 2, concurrency: 2 * HASH_THREADS }, ARGON2_ENV);
  // The baseline just before and just after the flood: the machine's load drifts.
  const raw = { perSecond: (rawBefore.perSecond + rawAfter.perSecond) / 2, before: rawBefore, after: rawAfter };
  log(`B1 raw argon2id verify: ${raw.perSecond.toFixed(1)}/s (${rawBefore.perSecond.toFixed(1)} before, ${rawAfter.perSecond.toFixed(1)} after)`);
  const healthIdle = await load('b6-health-idle', { kind: 'http', url: `${api}/health`, connections: 1, overallRate: 20, duration: 2 });
  F.B1 = { loginRps: login.rps, rawVerifyPerSecond: raw.perSecond, ratio: login.rps / raw.perSecond, login, raw };
  F.B6 = { healthDuringFlood: health, healthIdle, p99: health.latency.p99 };

  // ---- B2: { me … } with a session and { __typename } on the API; { __typename } on a bare Apollo Server.
  mark('B2');
  const session = (await gql(api, LOGIN, { input: { email: plain[0], password: PASSWORD } })).login.token;
  const authHeaders = { ...JSON_HEADERS, authorization: `Bearer ${session}` };
  cpu0 = cpuMs(apiProc.proc);
  cost = phaseCost();
  const me = await load('b2-me', { kind: 'http', url: `${api}/graphql`, method: 'POST', headers: authHeaders, body: JSON.stringify({ query: ME }), connections: 50, duration: DURATION });
  apiCpu.me = (cpuMs(apiProc.proc) - cpu0) / me.requests;
  outside.me = cost(me.requests);
  cpu0 = cpuMs(apiProc.proc);
  const typename = await load('b2-typename', { kind: 'http', url: `${api}/graphql`, method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query: TYPENAME }), connections: 50, duration: DURATION });
  apiCpu.typename = (cpuMs(apiProc.proc) - cpu0) / typename.requests;
  const barePort = await freePort();
  const bare = startNode('bare-apollo', [join(import.meta.dirname, 'bare-apollo.mjs'), String(barePort)], {});
  await waitFor('bare Apollo up', async () => (await fetch(`http://127.0.0.1:${barePort}/health`)).ok, 30000, bare);
  const bareCpu0 = cpuMs(bare.proc);
  const bareRes = await load('b2-bare', { kind: 'http', url: `http://127.0.0.1:${barePort}/graphql`, method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query: TYPENAME }), connections: 50, duration: DURATION });
  apiCpu.bareApolloTypename = (cpuMs(bare.proc) - bareCpu0) / bareRes.requests;
  await bare.stop();
  F.B2 = { meRps: me.rps, typenameRps: typename.rps, bareRps: bareRes.rps, meVsTypename: me.rps / typename.rps, typenameVsBare: typename.rps / bareRes.rps, me, typename, bare: bareRes };
  log(`B2 me ${me.rps.toFixed(0)} req/s, __typename ${typename.rps.toFixed(0)} req/s, bare Apollo ${bareRes.rps.toFixed(0)} req/s`);

  // ---- B4a: codes requested at B4_RATE/s for B4_COUNT/B4_RATE seconds; acceptance (row created) → gateway received.
  mark('B4');
  const ipOf = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const sendBodies = (list, offset) =>
    JSON.stringify(list.map((t, i) => ({ body: JSON.stringify({ query: SEND_LOGIN, variables: { input: { ticket: t.token, methodId: t.methodId } } }), headers: { 'x-forwarded-for': ipOf(offset + i) } })));
  const b4 = tickets.slice(0, B4_COUNT);
  writeFileSync(join(outDir, 'bodies-b4.json'), sendBodies(b4, 0));
  const answersFile = join(outDir, 'answers-b4.json');
  cpu0 = cpuMs(apiProc.proc);
  cost = phaseCost();
  const b4load = await load('b4-send', { kind: 'http', url: `${api}/graphql`, method: 'POST', headers: JSON_HEADERS, bodies: join(outDir, 'bodies-b4.json'), connections: 20, duration: B4_COUNT / B4_RATE, overallRate: B4_RATE, recordAnswers: answersFile });
  apiCpu.sendLoginSmsCode = (cpuMs(apiProc.proc) - cpu0) / b4load.requests;
  outside.sendLoginSmsCode = cost(b4load.requests);
  // Acceptance = the moment the load generator got the API's answer for that ticket.
  const answers = JSON.parse(readFileSync(answersFile, 'utf8'));
  const acceptedAt = new Map(Object.entries(answers).map(([i, t]) => [b4[Number(i)].id, t]));
  const b4ids = b4.map((t) => t.id);
  const accepted = (await pool.query(`SELECT count(*)::int AS n FROM sms_message WHERE ticket_id = ANY($1)`, [b4ids])).rows[0].n;
  log(`B4 requests: ${b4load.rps.toFixed(1)} req/s, ${accepted} codes accepted, API p99 ${b4load.latency.p99} ms; waiting for the gateway`);
  await waitFor(
    'B4 rows SENT',
    async () => (await pool.query(`SELECT count(*)::int AS n FROM sms_message WHERE ticket_id = ANY($1) AND provider_message_id IS NOT NULL`, [b4ids])).rows[0].n >= accepted,
    120000,
  ).catch((e) => log(e.message));
  const received = new Map(gateway.messages.map((m) => [m.sid, Date.parse(m.dateCreated)]));
  const { rows: b4rows } = await pool.query(`SELECT ticket_id, created_at, provider_message_id FROM sms_message WHERE ticket_id = ANY($1)`, [b4ids]);
  const pipeline = b4rows.map((r) => received.get(r.provider_message_id) - acceptedAt.get(r.ticket_id)).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  // The same from the start of the API's transaction (the row's created_at): includes the request's own time.
  const fromRequest = b4rows.map((r) => received.get(r.provider_message_id) - r.created_at.getTime()).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const b4times = b4rows.map((r) => r.created_at.getTime()).sort((a, b) => a - b);
  F.B4 = {
    requested: b4load.requests,
    accepted,
    delivered: pipeline.length,
    targetRate: B4_RATE,
    achievedRate: accepted / ((b4times[b4times.length - 1] - b4times[0]) / 1000),
    pipelineMs: { p50: percentile(pipeline, 50), p90: percentile(pipeline, 90), p99: percentile(pipeline, 99), max: pipeline[pipeline.length - 1], min: pipeline[0] },
    requestStartToGatewayMs: { p50: percentile(fromRequest, 50), p90: percentile(fromRequest, 90), p99: percentile(fromRequest, 99) },
    apiLatency: b4load.latency,
    load: b4load,
  };
  log(`B4 acceptance→gateway p50 ${F.B4.pipelineMs.p50} ms p99 ${F.B4.pipelineMs.p99} ms at ${F.B4.achievedRate.toFixed(0)}/s`);

  // ---- B4b: peak SMS/s of one worker draining a backlog, gateway answering in GATEWAY_LATENCY_MS; then a raw BullMQ worker.
  mark('B4peak');
  const workerCpu = {};
  const workerPeaks = [peakRssMb(worker.proc)];
  await worker.stop();
  const backlog = tickets.slice(B4_COUNT);
  writeFileSync(join(outDir, 'bodies-backlog.json'), sendBodies(backlog, B4_COUNT));
  const accept = await load('b4-backlog', { kind: 'http', url: `${api}/graphql`, method: 'POST', headers: JSON_HEADERS, bodies: join(outDir, 'bodies-backlog.json'), connections: 20, duration: BACKLOG_SECONDS });
  const backlogIds = backlog.map((t) => t.id);
  const backlogSize = (await pool.query(`SELECT count(*)::int AS n FROM sms_message WHERE ticket_id = ANY($1)`, [backlogIds])).rows[0].n;
  log(`B4 backlog: ${backlogSize} codes accepted at ${(backlogSize / accept.seconds).toFixed(0)}/s (the API's own ceiling for code requests)`);
  const backlogFrom = gateway.messages.length;
  worker = startNode('worker-2', [...profile, WORKER_MAIN], env);
  await waitFor('backlog drained', async () => gateway.messages.length - backlogFrom >= backlogSize, 180000, worker);
  workerCpu.perSmsIncludingStart = cpuMs(worker.proc) / backlogSize;
  const drained = gateway.messages.slice(backlogFrom).map((m) => Date.parse(m.dateCreated)).sort((a, b) => a - b);
  const peakRate = (drained.length - 1) / ((drained[drained.length - 1] - drained[0]) / 1000);
  await sleep(500);
  workerPeaks.push(peakRssMb(worker.proc));
  const rawWorker = await load('b4-raw-bullmq', { kind: 'bullmq', redisUrl: REDIS_URL, prefix: `{twofold-bench-raw-${randomBytes(3).toString('hex')}}`, count: Math.max(backlogSize, 2000), concurrency: WORKER_CONCURRENCY, sleepMs: GATEWAY_LATENCY_MS });
  F.B4.peak = { workerSmsPerSecond: peakRate, rawBullmqPerSecond: rawWorker.perSecond, ratio: peakRate / rawWorker.perSecond, concurrency: WORKER_CONCURRENCY, backlog: backlogSize, apiAcceptRps: backlogSize / accept.seconds, raw: rawWorker };
  log(`B4 peak: worker ${peakRate.toFixed(0)} SMS/s, raw BullMQ ${rawWorker.perSecond.toFixed(0)} jobs/s`);

  // ---- B3: completeLoginWithSms, a fresh ticket and its code per request (codes read from the sealed bodies), 50 connections.
  mark('B3');
  const { rows: codeRows } = await pool.query(`SELECT id, ticket_id, body_sealed FROM sms_message WHERE ticket_id = ANY($1)`, [tickets.map((t) => t.id)]);
  const codeOf = new Map(codeRows.map((r) => [r.ticket_id, /#(\d{6})$/.exec(open(bodyKey, r.body_sealed, r.id))[1]]));
  const completeList = tickets.filter((t) => codeOf.has(t.id)).slice(0, B3_MAX);
  writeFileSync(
    join(outDir, 'bodies-b3.json'),
    JSON.stringify(completeList.map((t, i) => ({ body: JSON.stringify({ query: COMPLETE_SMS, variables: { input: { ticket: t.token, methodId: t.methodId, code: codeOf.get(t.id) } } }), headers: { 'x-forwarded-for': ipOf(i) } }))),
  );
  const sessionsBefore = (await pool.query(`SELECT count(*)::int AS n FROM session`)).rows[0].n;
  cpu0 = cpuMs(apiProc.proc);
  cost = phaseCost();
  const b3 = await load('b3-complete', { kind: 'http', url: `${api}/graphql`, method: 'POST', headers: JSON_HEADERS, bodies: join(outDir, 'bodies-b3.json'), connections: 50, amount: completeList.length });
  apiCpu.completeLoginWithSms = (cpuMs(apiProc.proc) - cpu0) / b3.requests;
  outside.completeLoginWithSms = cost(b3.requests);
  const sessionsMade = (await pool.query(`SELECT count(*)::int AS n FROM session`)).rows[0].n - sessionsBefore;
  // Only requests that made a session count.
  F.B3 = { rps: sessionsMade / b3.seconds, p99: b3.latency.p99, requests: b3.requests, sessionsCreated: sessionsMade, load: b3 };
  log(`B3 completeLoginWithSms ${F.B3.rps.toFixed(0)} sessions/s p99 ${b3.latency.p99} ms (${sessionsMade}/${completeList.length} sessions)`);

  // ---- B3t: completeLoginWithTotp, same shape as B3 (a fresh ticket per request, 50 connections).
  mark('B3t');
  writeFileSync(join(outDir, 'bodies-b3t.json'), JSON.stringify(totpBodies(totpAccounts, totpCodeAt, ipOf)));
  const totpSessionsBefore = (await pool.query(`SELECT count(*)::int AS n FROM session`)).rows[0].n;
  cpu0 = cpuMs(apiProc.proc);
  cost = phaseCost();
  const b3t = await load('b3t-complete-totp', { kind: 'http', url: `${api}/graphql`, method: 'POST', headers: JSON_HEADERS, bodies: join(outDir, 'bodies-b3t.json'), connections: 50, amount: totpAccounts.length });
  apiCpu.completeLoginWithTotp = (cpuMs(apiProc.proc) - cpu0) / b3t.requests;
  outside.completeLoginWithTotp = cost(b3t.requests);
  const totpSessions = (await pool.query(`SELECT count(*)::int AS n FROM session`)).rows[0].n - totpSessionsBefore;
  F.B3t = { rps: totpSessions / b3t.seconds, p99: b3t.latency.p99, requests: b3t.requests, sessionsCreated: totpSessions, load: b3t };
  log(`B3t completeLoginWithTotp ${F.B3t.rps.toFixed(0)} sessions/s p99 ${b3t.latency.p99} ms (${totpSessions}/${totpAccounts.length} sessions)`);

  // ---- B5: peak RSS (VmHWM) of the API and of the worker processes over the whole run.
  mark('end');
  workerPeaks.push(peakRssMb(worker.proc));
  results.cpuMsPerRequest = { api: apiCpu, worker: workerCpu };
  results.outsideTheApi = outside;
  log(`CPU ms per request: ${JSON.stringify(results.cpuMsPerRequest, (k, v) => (typeof v === 'number' ? +v.toFixed(2) : v))}`);
  log(`PostgreSQL CPU ms per request and machine busy % per phase: ${JSON.stringify(outside)}`);
  F.B5 = { apiMb: peakRssMb(apiProc.proc), workerMb: Math.max(...workerPeaks.filter(Number.isFinite)) };
  await worker.stop();
  await apiProc.stop();
  await queue.close();

  // ---- S1–S3 (scale-out.mjs): 2 APIs vs 1, PgBouncer vs direct, Redis Cluster vs one Redis.
  let scaleTable = [];
  if (process.env.BENCH_SCALE_OUT !== '0') {
    mark('S');
    const scale = await runScaleOut({
      log, outDir, root, quick: QUICK, env, apiMain: API_MAIN, workerMain: WORKER_MAIN, apiNodeFlags: API_NODE_FLAGS,
      processes: { startNode, startProcess, waitFor, load }, pool, benchDbName: dbName, serverUrl: serverUrl.toString(), gateway,
      redisUrl: REDIS_URL, passwordHash, apiHelpers, openCode: (r) => /#(\d{6})$/.exec(open(bodyKey, r.body_sealed, r.id))[1],
    });
    Object.assign(F, scale.figures);
    scaleTable = scale.table;
  }

  // ---- B4f (fallback-phase.mjs): the extra latency of a receipt-driven fallback (webhook then ovh).
  let fallbackTable = [];
  if (process.env.BENCH_FALLBACK !== '0') {
    mark('B4f');
    const fb = await runFallbackPhase({
      log, quick: QUICK, env, apiMain: API_MAIN, workerMain: WORKER_MAIN, apiNodeFlags: API_NODE_FLAGS,
      processes: { startNode, waitFor }, pool, passwordHash, apiHelpers, startFakeSmsGateway, redisUrl: REDIS_URL,
    });
    Object.assign(F, fb.figures);
    fallbackTable = fb.table;
  }

  // ---- Report
  const pass = (ok) => (ok ? 'PASS' : 'MISS');
  const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
  const table = [
    ['B1 password login (no 2FA) vs raw argon2id verify', `${fmt(F.B1.loginRps, 1)} / ${fmt(F.B1.rawVerifyPerSecond, 1)} per s = ${fmt(F.B1.ratio, 2)}`, 'ratio ≥ 0.85', pass(F.B1.ratio >= 0.85)],
    ['B2 { me { id twoFactor { enabled } } } vs { __typename }', `${fmt(F.B2.meRps)} / ${fmt(F.B2.typenameRps)} req/s = ${fmt(F.B2.meVsTypename, 2)}`, 'ratio ≥ 0.6', pass(F.B2.meVsTypename >= 0.6)],
    ['B2 { __typename } vs bare Apollo Server 5 (express5)', `${fmt(F.B2.typenameRps)} / ${fmt(F.B2.bareRps)} req/s = ${fmt(F.B2.typenameVsBare, 2)}`, 'ratio ≥ 0.9', pass(F.B2.typenameVsBare >= 0.9)],
    ['B3 completeLoginWithSms throughput (50 conn.)', `${fmt(F.B3.rps)} req/s`, '≥ 1000 req/s', pass(F.B3.rps >= 1000)],
    ['B3 completeLoginWithSms p99 (50 conn.)', `${fmt(F.B3.p99)} ms`, '≤ 50 ms', pass(F.B3.p99 <= 50)],
    ['B3t completeLoginWithTotp (50 conn.), vs B3', `${fmt(F.B3t.rps)} req/s, p99 ${fmt(F.B3t.p99)} ms (${fmt(F.B3t.rps / F.B3.rps, 2)} of B3)`, 'reported', 'INFO'],
    [`B4 acceptance→gateway p50 (${F.B4.accepted} codes at ${fmt(F.B4.achievedRate)}/s)`, `${fmt(F.B4.pipelineMs.p50)} ms`, '≤ 20 ms', pass(F.B4.pipelineMs.p50 <= 20 && F.B4.achievedRate >= B4_RATE * 0.95)],
    [`B4 acceptance→gateway p99 (${F.B4.accepted} codes at ${fmt(F.B4.achievedRate)}/s)`, `${fmt(F.B4.pipelineMs.p99)} ms`, '≤ 100 ms', pass(F.B4.pipelineMs.p99 <= 100 && F.B4.achievedRate >= B4_RATE * 0.95)],
    [`B4 peak SMS/s, one worker, ${GATEWAY_LATENCY_MS} ms gateway`, `${fmt(F.B4.peak.workerSmsPerSecond)} SMS/s`, '≥ 1000 SMS/s', pass(F.B4.peak.workerSmsPerSecond >= 1000)],
    [`B4 worker vs raw BullMQ ${GATEWAY_LATENCY_MS} ms no-op (concurrency ${WORKER_CONCURRENCY})`, `${fmt(F.B4.peak.workerSmsPerSecond)} / ${fmt(F.B4.peak.rawBullmqPerSecond)} = ${fmt(F.B4.peak.ratio, 2)}`, 'reported', 'INFO'],
    ...fallbackTable,
    ['B5 peak RSS, API', `${fmt(F.B5.apiMb)} MB`, '≤ 250 MB', pass(F.B5.apiMb <= 250)],
    ['B5 peak RSS, worker', `${fmt(F.B5.workerMb)} MB`, '≤ 200 MB', pass(F.B5.workerMb <= 200)],
    ['B6 GET /health p99 during the login flood', `${fmt(F.B6.p99)} ms (idle ${fmt(F.B6.healthIdle.latency.p99)} ms)`, '≤ 50 ms', pass(F.B6.p99 <= 50)],
    ...scaleTable,
  ];
  results.table = table.map(([figure, measured, target, result]) => ({ figure, measured, target, result }));
  results.seconds = (Date.now() - t0) / 1000;
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const rows = [
    { label: 'B1 login (64 conn., saturated)', ...pick(F.B1.login.latency) },
    { label: 'B2 { me … } (50 conn.)', ...pick(F.B2.me.latency) },
    { label: 'B2 { __typename } (50 conn.)', ...pick(F.B2.typename.latency) },
    { label: 'B2 bare Apollo { __typename }', ...pick(F.B2.bare.latency) },
    { label: 'B3 completeLoginWithSms (50 conn.)', ...pick(F.B3.load.latency), target: 50 },
    { label: 'B3t completeLoginWithTotp (50 conn.)', ...pick(F.B3t.load.latency) },
    { label: `B4 sendLoginSmsCode at ${B4_RATE}/s (API)`, ...pick(F.B4.apiLatency) },
    { label: 'B4 acceptance → gateway', p50: F.B4.pipelineMs.p50, p90: F.B4.pipelineMs.p90, p99: F.B4.pipelineMs.p99, target: 100 },
    { label: 'B6 /health during login flood', ...pick(F.B6.healthDuringFlood.latency), target: 50 },
    { label: 'B6 /health idle', ...pick(F.B6.healthIdle.latency) },
  ];
  writeFileSync(join(outDir, 'latency.svg'), latencyChartSvg(rows, `Twofold latency percentiles (ms, log scale) — ${machine.cpus} × ${machine.cpuModel}${QUICK ? ', quick run' : ''}`));

  const widths = [0, 1, 2, 3].map((i) => Math.max(...[['figure', 'measured', 'target', 'result'], ...table].map((r) => r[i].length)));
  const line = (r) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  const out = [
    line(['figure', 'measured', 'target', 'result']),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...table.map(line),
  ].join('\n');
  process.stdout.write(`\n${out}\n\n`);
  log(`results: tmp/bench/results.json, chart: tmp/bench/latency.svg, logs: tmp/bench/*.log (${results.seconds.toFixed(0)} s)`);
}

function pick(l) {
  return { p50: l.p50, p90: l.p90, p99: l.p99 };
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch(async (err) => {
    log(`failed: ${err.stack ?? err}`);
    await cleanup();
    process.exit(1);
  });
