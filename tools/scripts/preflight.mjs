// What `npm start` and `npm run dev` check before they build anything: the .env file, free
// ports, a real PostgreSQL login, a Redis PING, and afterwards each app's /health. Every
// problem is one line that says what is wrong and how to fix it. The pure parts (parsing,
// error wording) are unit-tested in preflight.spec.ts.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, createConnection, isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { parseEnv } from 'node:util';
import pg from 'pg';

// ---- .env -------------------------------------------------------------------------------

/**
 * Applies the variables of a .env text (Node's own parser, the one of `--env-file`) to `env`,
 * except the ones already set: the real environment wins over the file.
 */
export function applyDotEnv(text, env) {
  const applied = [];
  const kept = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) kept.push(name);
    else {
      env[name] = value;
      applied.push(name);
    }
  }
  return { applied, kept };
}

/** Reads `file` into `env` when it exists; null when there is no such file. */
export function loadDotEnv(file, env) {
  if (!existsSync(file)) return null;
  return applyDotEnv(readFileSync(file, 'utf8'), env);
}

// ---- wording ----------------------------------------------------------------------------

/** A URL fit for a log line: the password replaced by `***`. */
export function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}

function where(url, defaultPort) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || defaultPort}`;
}

function pgParts(url) {
  const u = new URL(url);
  return {
    at: where(url, 5432),
    user: decodeURIComponent(u.username) || process.env.USER || 'postgres',
    database: decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || 'postgres',
  };
}

/** One line for a failed PostgreSQL login (`pg` errors: SQLSTATE `code`, or a socket `code`). */
export function describePgError(error, url) {
  const { at, user, database } = pgParts(url);
  const message = String(error?.message ?? error);
  const code = error?.code;
  const fix = 'in DATABASE_URL (.env or the environment)';
  if (code === 'ECONNREFUSED')
    return `PostgreSQL: nothing listens at ${at}: start PostgreSQL 15+ there, or point DATABASE_URL at yours.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `PostgreSQL: the host of DATABASE_URL (${at}) does not resolve: fix the host ${fix}.`;
  if (code === 'ETIMEDOUT' || /timeout/i.test(message))
    return `PostgreSQL: no answer from ${at} within 5 s (a firewall, or a wrong host or port): check DATABASE_URL.`;
  if (code === '28P01')
    return `PostgreSQL refused the password of role "${user}": put the right password ${fix} (postgres://${user}:PASSWORD@…).`;
  if (/client password must be a string|password authentication/i.test(message)) {
    return `PostgreSQL asks a password for role "${user}" and DATABASE_URL has none: add it (postgres://${user}:PASSWORD@${at}/${database}).`;
  }
  if (code === '28000' && /role .* does not exist/i.test(message)) {
    return `PostgreSQL has no role "${user}": create it (\`createuser --createdb ${user}\` as the postgres user, or CREATE ROLE "${user}" LOGIN CREATEDB) or use an existing role ${fix}.`;
  }
  if (code === '28000' && /pg_hba\.conf/i.test(message)) {
    return `PostgreSQL does not let role "${user}" connect from this host (no pg_hba.conf entry): add one for database "${database}" and reload, or connect as another role.`;
  }
  if (code === '3D000')
    return `PostgreSQL has no database "${database}": the migrations create it (role "${user}" needs CREATEDB).`;
  if (code === '53300')
    return `PostgreSQL has no free connection (too many clients): close some, or raise max_connections.`;
  if (code === '57P03') return `PostgreSQL at ${at} is starting up or shutting down: try again in a few seconds.`;
  if (/does not support SSL/i.test(message))
    return `PostgreSQL at ${at} does not speak SSL: remove sslmode/ssl from DATABASE_URL.`;
  if (/self[- ]signed|certificate/i.test(message))
    return `PostgreSQL: the server's TLS certificate is not trusted (${message}): fix sslmode or the CA ${fix}.`;
  if (/terminated unexpectedly/i.test(message)) {
    return `PostgreSQL: the connection to ${at} closed before a login (not a PostgreSQL server, or a proxy or firewall in the way): check the host and port of DATABASE_URL.`;
  }
  return `PostgreSQL at ${at}: ${message}${code ? ` (${code})` : ''}.`;
}

/** One line for a failed Redis check: a socket error `code`, or the server's error reply. */
export function describeRedisError(error, url) {
  const at = where(url, 6379);
  const message = String(error?.message ?? error);
  const code = error?.code;
  const fix = 'in REDIS_URL (.env or the environment)';
  if (code === 'ECONNREFUSED')
    return `Redis: nothing listens at ${at}: start Redis 7 there, or point REDIS_URL at yours.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `Redis: the host of REDIS_URL (${at}) does not resolve: fix the host ${fix}.`;
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    return new URL(url).protocol === 'rediss:'
      ? `Redis: no TLS answer from ${at} within 5 s (a plain server? then redis://, not rediss://): check REDIS_URL.`
      : `Redis: no answer from ${at} within 5 s (a firewall, a wrong port, or a TLS-only server: rediss://): check REDIS_URL.`;
  }
  if (/^NOAUTH/.test(message))
    return `Redis at ${at} wants a password and REDIS_URL has none: add it (redis://:PASSWORD@${at}, or redis://USER:PASSWORD@… with an ACL user).`;
  if (/^WRONGPASS/.test(message)) return `Redis refused the user name or password of REDIS_URL: fix them ${fix}.`;
  if (/DB index is out of range/i.test(message))
    return `Redis has no database ${new URL(url).pathname.slice(1)} (REDIS_URL's path): use 0 to 15, or raise \`databases\` in redis.conf.`;
  if (/^LOADING/.test(message)) return `Redis at ${at} is loading its data set: try again in a few seconds.`;
  if (/EPROTO|wrong version number|ssl/i.test(message))
    return `Redis at ${at}: TLS handshake failed (${message}): use redis:// for a plain server, rediss:// for TLS.`;
  return `Redis at ${at}: ${message}${code ? ` (${code})` : ''}.`;
}

// ---- checks -----------------------------------------------------------------------------

/**
 * Logs in with DATABASE_URL and runs `SELECT 1`. A missing database is fine (the migrations
 * create it) when the role may log in to `postgres` and create databases.
 * Returns { ok, problem?, note?, refused? }: `refused` when nothing listens (a private
 * instance may be started).
 */
export async function checkPostgres(url) {
  const attempt = async (connectionString) => {
    const client = new pg.Client({
      connectionString,
      connectionTimeoutMillis: 6000,
      application_name: 'twofold-preflight',
    });
    client.on('error', () => {});
    let timer;
    try {
      // pg's own connectionTimeoutMillis reports "Connection terminated unexpectedly": name it.
      await Promise.race([
        client.connect(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), 5000);
        }),
      ]);
      const { rows } = await client.query(
        'SELECT 1 AS one, (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user) AS can_create',
      );
      return { rows };
    } finally {
      clearTimeout(timer);
      client.end().catch(() => {});
    }
  };
  try {
    await attempt(url);
    return { ok: true };
  } catch (error) {
    if (error?.code !== '3D000')
      return { ok: false, problem: describePgError(error, url), refused: error?.code === 'ECONNREFUSED' };
    const { database, user } = pgParts(url);
    const admin = new URL(url);
    admin.pathname = '/postgres';
    try {
      const { rows } = await attempt(admin.toString());
      if (!rows[0].can_create) {
        return {
          ok: false,
          problem: `PostgreSQL has no database "${database}" and role "${user}" may not create it: create it (\`createdb -O ${user} ${database}\`) or grant CREATEDB.`,
        };
      }
      return { ok: true, note: `database "${database}" does not exist yet: the migrations create it` };
    } catch (adminError) {
      return {
        ok: false,
        problem: `${describePgError(error, url)} But the migrations connect to "postgres" first to create it, and that failed: ${describePgError(adminError, admin.toString())}`,
      };
    }
  }
}

/**
 * Minimal RESP exchange: AUTH (when REDIS_URL has a password), SELECT (when it has a path),
 * PING. Returns the server's replies, or throws the first error reply as an Error.
 */
export function redisPing(url, timeoutMs = 5000) {
  const u = new URL(url);
  const port = Number(u.port || 6379);
  const commands = [];
  if (u.password)
    commands.push(
      u.username
        ? ['AUTH', decodeURIComponent(u.username), decodeURIComponent(u.password)]
        : ['AUTH', decodeURIComponent(u.password)],
    );
  const db = u.pathname.slice(1);
  if (db) commands.push(['SELECT', db]);
  commands.push(['PING']);
  const wire = commands
    .map((c) => `*${c.length}\r\n${c.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`)
    .join('');
  return new Promise((resolve, reject) => {
    const socket =
      u.protocol === 'rediss:'
        ? tlsConnect({ host: u.hostname, port, ...(isIP(u.hostname) ? {} : { servername: u.hostname }) })
        : createConnection({ host: u.hostname, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    let buffer = '';
    const replies = [];
    socket.once(u.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => socket.write(wire));
    socket.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        replies.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
      if (replies.length >= commands.length) {
        clearTimeout(timer);
        socket.destroy();
        const failed = replies.map((r, i) => ({ r, cmd: commands[i][0] })).filter(({ r }) => r.startsWith('-'));
        // AUTH to a server without a password: Redis says so, the apps' client (ioredis) only warns and goes on.
        const fatal = failed.find(({ r, cmd }) => !(cmd === 'AUTH' && /without any password configured/.test(r)));
        if (fatal) reject(new Error(fatal.r.slice(1)));
        else
          resolve({
            replies,
            warning: failed.length ? 'REDIS_URL has a password but Redis asks for none (ignored)' : undefined,
          });
      }
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // Settling twice is a no-op: after an answer or an error this changes nothing.
    socket.once('close', () => {
      clearTimeout(timer);
      reject(
        new Error(`the connection closed after ${replies.length} of ${commands.length} answers (not a Redis server?)`),
      );
    });
  });
}

export async function checkRedis(url) {
  try {
    const { warning } = await redisPing(url);
    return { ok: true, note: warning };
  } catch (error) {
    return { ok: false, problem: describeRedisError(error, url), refused: error?.code === 'ECONNREFUSED' };
  }
}

/** Whether a TCP port can be bound on the host the app will listen on (all interfaces by default). */
export function portFree(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port: Number(port), host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The ports the demo needs, each with the variable that moves it. */
export function portsNeeded(env, { gateway }) {
  return [
    { name: 'API', variable: 'API_PORT', port: env.API_PORT },
    { name: 'web app', variable: 'WEB_PORT', port: env.WEB_PORT },
    { name: 'SMS worker health', variable: 'SMS_WORKER_HEALTH_PORT', port: env.SMS_WORKER_HEALTH_PORT },
    ...(gateway
      ? [
          { name: 'fake SMS gateway', variable: 'FAKE_SMS_GATEWAY_PORT', port: env.FAKE_SMS_GATEWAY_PORT },
          { name: 'fake SMTP server', variable: 'FAKE_SMTP_PORT', port: env.FAKE_SMTP_PORT },
          { name: 'fake mail inbox', variable: 'FAKE_MAIL_INBOX_PORT', port: env.FAKE_MAIL_INBOX_PORT },
        ]
      : []),
  ].filter((p) => Number(p.port) > 0);
}

export async function busyPorts(needed) {
  const busy = [];
  for (const p of needed)
    if (!(await portFree(p.port)))
      busy.push(
        `${p.name} port ${p.port} is in use: stop what listens there, or set ${p.variable} (.env or the environment)`,
      );
  return busy;
}

/**
 * Polls each target's URL until it answers 2xx. `onSlow(pending)` is called once after
 * `slowAfterMs`; resolves with the targets still failing at `timeoutMs` (empty: all healthy).
 * @param {{ name: string, url: string }[]} targets
 * @param {{ timeoutMs?: number, slowAfterMs?: number, onSlow?: (pending: { name: string, url: string, last: string }[]) => void, stopped?: () => boolean }} [options]
 * @returns {Promise<{ name: string, url: string, last: string }[]>}
 */
export async function waitForHealth(
  targets,
  { timeoutMs = 120_000, slowAfterMs = 20_000, onSlow = () => {}, stopped = () => false } = {},
) {
  const pending = new Map(targets.map((t) => [t.name, { ...t, last: 'no answer yet' }]));
  const started = Date.now();
  let warned = false;
  while (pending.size > 0 && Date.now() - started < timeoutMs && !stopped()) {
    await Promise.all(
      [...pending.values()].map(async (t) => {
        try {
          const res = await fetch(t.url, { signal: AbortSignal.timeout(2000) });
          if (res.ok) pending.delete(t.name);
          else t.last = `HTTP ${res.status} ${(await res.text()).slice(0, 200)}`;
        } catch (error) {
          t.last = error?.cause?.code ?? error?.name ?? 'no answer';
        }
      }),
    );
    if (pending.size === 0) break;
    if (!warned && Date.now() - started > slowAfterMs) {
      warned = true;
      onSlow([...pending.values()]);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return [...pending.values()];
}
