#!/usr/bin/env node
// `npm start`: the whole demo in one terminal. Checks PostgreSQL and Redis (starting private
// instances under .data/ when their binaries are installed but nothing listens), builds the
// apps, applies migrations, then runs the fake SMS gateway, the API, the SMS worker and the
// web app. Ctrl-C stops everything. An explicit SMS_PROVIDER replaces the fake gateway.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, chownSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const dataDir = join(root, '.data');
const env = { ...process.env };
env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/twofold';
env.REDIS_URL ??= 'redis://127.0.0.1:6379';
env.API_PORT ??= '3000';
env.WEB_PORT ??= '4200';
env.PUBLIC_API_URL ??= `http://127.0.0.1:${env.API_PORT}`;
env.WEB_ORIGIN ??= `http://localhost:${env.WEB_PORT}`;
const useFakeGateway = !process.env.SMS_PROVIDER;
const gatewayPort = env.FAKE_SMS_GATEWAY_PORT ?? '4010';
if (useFakeGateway) {
  Object.assign(env, {
    SMS_PROVIDER: 'twilio',
    TWILIO_API_BASE_URL: `http://127.0.0.1:${gatewayPort}`,
    TWILIO_ACCOUNT_SID: env.TWILIO_ACCOUNT_SID ?? 'AC00000000000000000000000000000000',
    TWILIO_AUTH_TOKEN: env.TWILIO_AUTH_TOKEN ?? 'fake-twilio-auth-token',
    TWILIO_FROM: env.TWILIO_FROM ?? '+15005550006',
    FAKE_SMS_GATEWAY_PORT: gatewayPort,
  });
}

function reachable(url) {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol.startsWith('redis') ? 6379 : 5432));
  return new Promise((res) => {
    const socket = createConnection({ host: u.hostname, port, timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), res(true)));
    socket.once('error', () => res(false));
    socket.once('timeout', () => (socket.destroy(), res(false)));
  });
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function postgresBin(name) {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    for (const v of readdirSync(base).sort().reverse()) if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
  }
  return which(name);
}

async function waitFor(url, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await reachable(url)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function ensurePostgres() {
  if (await reachable(env.DATABASE_URL)) return;
  const initdb = postgresBin('initdb');
  const pgCtl = postgresBin('pg_ctl');
  const where = new URL(env.DATABASE_URL);
  if (!initdb || !pgCtl) {
    console.error(`PostgreSQL is not reachable at ${where.host} (DATABASE_URL) and no PostgreSQL server is installed here: install PostgreSQL 15+ or set DATABASE_URL.`);
    process.exit(1);
  }
  const dir = join(dataDir, 'postgres');
  // PostgreSQL refuses to run as root: as root, the private cluster belongs to the postgres user.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => (asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'ignore' }) : execFileSync(cmd, args, { stdio: 'ignore' }));
  mkdirSync(dir, { recursive: true });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dataDir, uid, gid);
    chownSync(dir, uid, gid);
  }
  if (!existsSync(join(dir, 'PG_VERSION'))) run(initdb, ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  run(pgCtl, ['-D', dir, '-l', join(dir, 'server.log'), '-o', `-p ${where.port || 5432} -c listen_addresses=127.0.0.1 -k ${dir}`, 'start']);
  if (!(await waitFor(env.DATABASE_URL, 20))) {
    console.error(`Started a private PostgreSQL in ${dir} but it does not answer: see ${join(dir, 'server.log')}.`);
    process.exit(1);
  }
  console.log(`started a private PostgreSQL in ${dir}`);
}

async function ensureRedis() {
  if (await reachable(env.REDIS_URL)) return;
  const server = which('redis-server');
  const where = new URL(env.REDIS_URL);
  if (!server) {
    console.error(`Redis is not reachable at ${where.host} (REDIS_URL) and redis-server is not installed here: install Redis 7 or set REDIS_URL.`);
    process.exit(1);
  }
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  execFileSync(server, ['--port', where.port || '6379', '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--logfile', join(dir, 'redis.log')]);
  if (!(await waitFor(env.REDIS_URL, 10))) {
    console.error(`Started a private Redis in ${dir} but it does not answer: see ${join(dir, 'redis.log')}.`);
    process.exit(1);
  }
  console.log(`started a private Redis in ${dir}`);
}

await ensurePostgres();
await ensureRedis();

const projects = ['api', 'sms-worker', 'web', ...(useFakeGateway ? ['fake-sms-gateway'] : [])];
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', projects.join(','), '--output-style=static'], { cwd: root, stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);
const migrate = spawnSync('node', ['dist/apps/api/apps/api/src/migrate.js'], { cwd: root, stdio: 'inherit', env });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const children = [];
function run(name, args) {
  const child = spawn('node', ['--enable-source-maps', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}]`.padEnd(10);
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${prefix} exited (${signal ?? code}); stopping the demo`);
      stop(1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (useFakeGateway) run('gateway', ['dist/tools/fake-sms-gateway/tools/fake-sms-gateway/src/main.js']);
run('api', ['dist/apps/api/apps/api/src/main.js']);
run('worker', ['dist/apps/sms-worker/apps/sms-worker/src/main.js']);
run('web', ['apps/web/server.mjs']);

setTimeout(() => {
  console.log('\nTwofold is running:');
  console.log(`  web app       http://localhost:${env.WEB_PORT}`);
  console.log(`  GraphQL API   ${env.PUBLIC_API_URL}/graphql   (health: ${env.PUBLIC_API_URL}/health)`);
  if (useFakeGateway) console.log(`  SMS inbox     http://127.0.0.1:${gatewayPort}/   (fake Twilio: every SMS appears here)`);
  console.log('Ctrl-C stops everything.\n');
}, 2500).unref();
