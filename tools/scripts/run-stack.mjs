// What `npm start` (start.mjs) and `npm run dev` (dev.mjs) share: the environment (.env, then
// defaults), the service checks (with private PostgreSQL/Redis instances under .data/ when
// their servers are installed but nothing listens), one terminal of prefixed child output,
// Ctrl-C stopping everything, and the "running" banner once every /health answers.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, chownSync, statSync, watch } from 'node:fs';
import { createConnection } from 'node:net';
import { join, relative, resolve } from 'node:path';
import {
  busyPorts,
  checkPostgres,
  checkRedis,
  loadDotEnv,
  portsNeeded,
  redactUrl,
  waitForHealth,
} from './preflight.mjs';

export const root = resolve(import.meta.dirname, '../..');
const dataDir = join(root, '.data');

export function fail(line) {
  console.error(line);
  process.exit(1);
}

/** process.env, then .env (set variables win), then the demo's defaults. */
export function prepareEnv() {
  const env = { ...process.env };
  const dotenv = loadDotEnv(join(root, '.env'), env);
  if (dotenv) {
    const kept = dotenv.kept.length ? `; ${dotenv.kept.join(', ')} kept from the environment` : '';
    console.log(`read .env: ${dotenv.applied.length} variable(s)${kept}`);
  }
  env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/twofold';
  env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  env.API_PORT ??= '3000';
  env.WEB_PORT ??= '4200';
  env.SMS_WORKER_HEALTH_PORT ??= '3100';
  env.PUBLIC_API_URL ??= `http://127.0.0.1:${env.API_PORT}`;
  env.WEB_ORIGIN ??= `http://localhost:${env.WEB_PORT}`;
  // An explicit SMS_PROVIDER (environment or .env) replaces the fake gateway.
  const useFakeGateway = !env.SMS_PROVIDER;
  env.FAKE_SMS_GATEWAY_PORT ??= '4010';
  if (useFakeGateway) {
    // The fake gateway's SMTP server takes the e-mails too, unless SMTP_URL points elsewhere.
    env.FAKE_SMTP_PORT ??= '2525';
    env.FAKE_MAIL_INBOX_PORT ??= '4011';
    env.SMTP_URL ??= `smtp://127.0.0.1:${env.FAKE_SMTP_PORT}`;
    env.MAIL_FROM ??= 'Twofold <no-reply@twofold.localhost>';
    Object.assign(env, {
      SMS_PROVIDER: 'twilio',
      TWILIO_API_BASE_URL: `http://127.0.0.1:${env.FAKE_SMS_GATEWAY_PORT}`,
      TWILIO_ACCOUNT_SID: env.TWILIO_ACCOUNT_SID ?? 'AC00000000000000000000000000000000',
      TWILIO_AUTH_TOKEN: env.TWILIO_AUTH_TOKEN ?? 'fake-twilio-auth-token',
      TWILIO_FROM: env.TWILIO_FROM ?? '+15005550006',
    });
  }
  if (env.SMS_WORKER_HEALTH_PORT === '0')
    fail('SMS_WORKER_HEALTH_PORT=0 (any free port) cannot be health-checked here: set a port, e.g. 3100.');
  return { env, useFakeGateway };
}

// ---- PostgreSQL and Redis ------------------------------------------------------------------

const isLocal = (url) => ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(new URL(url).hostname);

function listening(url, defaultPort) {
  const u = new URL(url);
  return new Promise((res) => {
    const socket = createConnection({ host: u.hostname, port: Number(u.port || defaultPort), timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), res(true)));
    socket.once('error', () => res(false));
    socket.once('timeout', () => (socket.destroy(), res(false)));
  });
}

async function waitListening(url, defaultPort, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await listening(url, defaultPort)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function postgresBin(name) {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    for (const v of readdirSync(base).sort().reverse())
      if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
  }
  return which(name);
}

/** Starts a private PostgreSQL under .data/postgres; returns a problem line or null. */
async function startPrivatePostgres(url) {
  const initdb = postgresBin('initdb');
  const pgCtl = postgresBin('pg_ctl');
  if (!initdb || !pgCtl) return null;
  const where = new URL(url);
  const dir = join(dataDir, 'postgres');
  // PostgreSQL refuses to run as root: as root, the private cluster belongs to the postgres user.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'ignore' })
      : execFileSync(cmd, args, { stdio: 'ignore' });
  mkdirSync(dir, { recursive: true });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dataDir, uid, gid);
    chownSync(dir, uid, gid);
  }
  if (!existsSync(join(dir, 'PG_VERSION'))) run(initdb, ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  run(pgCtl, [
    '-D',
    dir,
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${where.port || 5432} -c listen_addresses=127.0.0.1 -k ${dir}`,
    'start',
  ]);
  if (!(await waitListening(url, 5432, 20)))
    return `Started a private PostgreSQL in ${dir} but it does not answer: see ${join(dir, 'server.log')}.`;
  console.log(`started a private PostgreSQL in ${dir}`);
  return 'started';
}

async function startPrivateRedis(url) {
  const server = which('redis-server');
  if (!server) return null;
  const where = new URL(url);
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  execFileSync(server, [
    '--port',
    where.port || '6379',
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
    '--logfile',
    join(dir, 'redis.log'),
  ]);
  if (!(await waitListening(url, 6379, 10)))
    return `Started a private Redis in ${dir} but it does not answer: see ${join(dir, 'redis.log')}.`;
  console.log(`started a private Redis in ${dir}`);
  return 'started';
}

/**
 * Logs in to PostgreSQL (`SELECT 1`) and PINGs Redis with the configured URLs; when nothing
 * listens on a local address and the server is installed, starts a private one first. Stops
 * with one line on the first problem; also refuses ports the apps need that are taken.
 */
export async function checkServices(env, { gateway }) {
  let pgResult = await checkPostgres(env.DATABASE_URL);
  if (!pgResult.ok && pgResult.refused && isLocal(env.DATABASE_URL)) {
    const started = await startPrivatePostgres(env.DATABASE_URL);
    if (started && started !== 'started') fail(started);
    if (started) pgResult = await checkPostgres(env.DATABASE_URL);
    else pgResult.problem += ' (No PostgreSQL server is installed here to start a private one.)';
  }
  if (!pgResult.ok) fail(pgResult.problem);
  console.log(`PostgreSQL: logged in at ${redactUrl(env.DATABASE_URL)}${pgResult.note ? ` (${pgResult.note})` : ''}`);

  // With REDIS_CLUSTER_NODES the apps use a Redis Cluster: PING its first seed node with REDIS_URL's
  // user, password and TLS (the apps ignore REDIS_URL's host then), and never start a private Redis.
  const seeds = (env.REDIS_CLUSTER_NODES ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const redisUrl = seeds.length ? Object.assign(new URL(env.REDIS_URL), { host: seeds[0], pathname: '' }).href : env.REDIS_URL;
  let redisResult = await checkRedis(redisUrl);
  if (!redisResult.ok && redisResult.refused && !seeds.length && isLocal(redisUrl)) {
    const started = await startPrivateRedis(redisUrl);
    if (started && started !== 'started') fail(started);
    if (started) redisResult = await checkRedis(redisUrl);
    else redisResult.problem += ' (redis-server is not installed here to start a private one.)';
  }
  if (!redisResult.ok) fail(redisResult.problem);
  console.log(`Redis: PONG from ${redactUrl(redisUrl)}${seeds.length ? ' (a seed of REDIS_CLUSTER_NODES)' : ''}${redisResult.note ? ` (${redisResult.note})` : ''}`);

  const busy = await busyPorts(portsNeeded(env, { gateway }));
  if (busy.length) fail(busy.join('\n'));
}

// ---- children ------------------------------------------------------------------------------

/** Child processes sharing this terminal, each line prefixed with its name. */
export class Children {
  constructor() {
    /** Every process started, current and past (stop() ends those still running). */
    this.list = [];
    this.stopping = false;
    process.on('SIGINT', () => this.stop(0));
    process.on('SIGTERM', () => this.stop(0));
  }

  #spawn(prefix, command, args, env, onExit) {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
      if (!this.stopping) onExit(code, signal);
    });
    this.list.push(child);
    return child;
  }

  /** A process whose exit stops everything (`npm start`, and the dev loop's web and gateway). */
  run(name, command, args, env) {
    const prefix = `[${name}]`.padEnd(10);
    return this.#spawn(prefix, command, args, env, (code, signal) => {
      console.error(`${prefix} exited (${signal ?? code}); stopping everything`);
      this.stop(1);
    });
  }

  /**
   * A process restarted when a source file under `watchDirs` changes (specs and test folders
   * excepted). Directories are watched, not files, so editors that save by renaming a new file
   * into place are seen too (Node 20's `--watch` loses such a file after the first save). A crash
   * waits for the next change; `healthUrl` is polled after each restart and the wait reported.
   */
  runWatched(name, command, args, env, { watchDirs, healthUrl }) {
    const prefix = `[${name}]`.padEnd(10);
    let child;
    let restarting = false;
    let again = null;
    let timer;
    const start = () => {
      child = this.#spawn(prefix, command, args, env, (code, signal) => {
        if (!restarting)
          process.stdout.write(`${prefix} exited (${signal ?? code}); it restarts on the next saved change\n`);
      });
    };
    const restart = async (file) => {
      if (this.stopping) return;
      if (restarting) {
        again = file;
        return;
      }
      restarting = true;
      process.stdout.write(`${prefix} ${file} changed: restarting\n`);
      const since = Date.now();
      await stopChild(child, 10_000);
      restarting = false;
      if (this.stopping) return;
      start();
      if (again) {
        const next = again;
        again = null;
        return restart(next);
      }
      const current = child;
      if (healthUrl) this.#announceBackUp(prefix, healthUrl, since, () => child === current);
    };
    for (const dir of watchDirs) {
      watchTree(join(root, dir), (file) => {
        if (!SOURCE_FILE.test(file) || IGNORED_FILE.test(file)) return;
        clearTimeout(timer);
        timer = setTimeout(() => restart(relative(root, file)), 150);
      });
    }
    start();
  }

  /** Reports when `url` answers again, unless `latest()` turns false (a newer restart reports instead). */
  async #announceBackUp(prefix, url, since, latest) {
    const failing = await waitForHealth([{ name: prefix, url }], {
      timeoutMs: 60_000,
      slowAfterMs: 60_000,
      stopped: () => this.stopping || !latest(),
    });
    if (this.stopping || !latest()) return;
    const seconds = ((Date.now() - since) / 1000).toFixed(1);
    process.stdout.write(
      failing.length
        ? `${prefix} not healthy 60 s after the restart (${failing[0].last}); fix and save again\n`
        : `${prefix} restarted, healthy after ${seconds} s\n`,
    );
  }

  stop(code = 0) {
    if (this.stopping) return;
    this.stopping = true;
    setTimeout(() => process.exit(code), 12_000).unref();
    Promise.all(this.list.map((c) => stopChild(c, 10_000))).then(() => process.exit(code));
  }
}

const SOURCE_FILE = /\.(ts|tsx|mts|js|mjs|json)$/;
const IGNORED_FILE = /([.-]spec\.tsx?$)|\/(test|__snapshots__)\//;

/**
 * Calls `onFile(path)` for every change under `dir`. One plain watcher per directory, added for
 * directories created later: Node 20's recursive fs.watch on Linux follows files, and loses one
 * that an editor saves by renaming a new copy over it.
 */
function watchTree(dir, onFile) {
  const watched = new Set();
  const add = (d) => {
    if (watched.has(d) || !existsSync(d)) return;
    watched.add(d);
    let entries = [];
    try {
      watch(d, (_event, name) => {
        if (!name) return;
        const path = join(d, name);
        if (statSafe(path)?.isDirectory()) add(path);
        else onFile(path);
      }).on('error', () => watched.delete(d));
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) add(join(d, e.name));
  };
  add(dir);
}

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.nx', 'coverage']);

function statSafe(path) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
function stopChild(child, graceMs) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The URL each app answers /health on (the fake gateway has no /health: its inbox JSON). */
export function healthTargets(env, { gateway, webHost = '127.0.0.1' }) {
  return [
    { name: 'API', url: `http://127.0.0.1:${env.API_PORT}/health` },
    { name: 'SMS worker', url: `http://127.0.0.1:${env.SMS_WORKER_HEALTH_PORT}/health` },
    { name: 'web app', url: `http://${webHost}:${env.WEB_PORT}/health` },
    ...(gateway ? [{ name: 'fake SMS gateway', url: `http://127.0.0.1:${env.FAKE_SMS_GATEWAY_PORT}/__messages` }] : []),
  ];
}

/** Waits for every /health, then prints the banner; stops everything if one never answers. */
export async function bannerWhenHealthy(children, env, { gateway, webHost, title, extra = [] }) {
  const targets = healthTargets(env, { gateway, webHost });
  const list = (pending) => pending.map((t) => `${t.name} (${t.url}: ${t.last})`).join(', ');
  const failing = await waitForHealth(targets, {
    timeoutMs: 120_000,
    slowAfterMs: 30_000,
    stopped: () => children.stopping,
    onSlow: (pending) => console.log(`still waiting for ${list(pending)}`),
  });
  if (children.stopping) return;
  if (failing.length) {
    console.error(`not healthy after 120 s: ${list(failing)}; stopping everything`);
    children.stop(1);
    return;
  }
  console.log(`\n${title}`);
  console.log(`  web app       http://localhost:${env.WEB_PORT}`);
  console.log(`  GraphQL API   ${env.PUBLIC_API_URL}/graphql   (health: ${env.PUBLIC_API_URL}/health)`);
  console.log(`  SMS worker    http://127.0.0.1:${env.SMS_WORKER_HEALTH_PORT}/health`);
  if (gateway)
    console.log(
      `  SMS inbox     http://127.0.0.1:${env.FAKE_SMS_GATEWAY_PORT}/   (fake Twilio: every SMS appears here)`,
    );
  if (gateway && env.FAKE_MAIL_INBOX_PORT)
    console.log(`  mail inbox    http://127.0.0.1:${env.FAKE_MAIL_INBOX_PORT}/   (fake SMTP on ${env.FAKE_SMTP_PORT}: every e-mail appears here)`);
  for (const line of extra) console.log(line);
  console.log('Ctrl-C stops everything.\n');
}
