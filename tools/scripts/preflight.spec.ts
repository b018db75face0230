import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyDotEnv,
  busyPorts,
  describePgError,
  describeRedisError,
  loadDotEnv,
  portsNeeded,
  redactUrl,
  redisPing,
  waitForHealth,
} from './preflight.mjs';

const PG = 'postgres://app:s3cret@db.example:6432/twofold';
const REDIS = 'redis://127.0.0.1:6379';
/** The errors as `pg` and Node raise them (seen against real servers, see the integration spec). */
const pgError = (code: string | undefined, message: string) => Object.assign(new Error(message), { code });

describe('.env', () => {
  it('applies what the environment does not set, and keeps what it does', () => {
    const env: Record<string, string | undefined> = { DATABASE_URL: 'postgres://from-env/db', LOG_LEVEL: '' };
    const result = applyDotEnv(
      [
        '# a comment',
        'DATABASE_URL=postgres://from-file/db',
        'REDIS_URL="redis://:p#ss@127.0.0.1:6379"',
        "APP_SECRET='single quoted, at least 32 characters long'",
        'export API_PORT=3001',
        'LOG_LEVEL=debug',
        'TRAILING=value # comment',
        '',
      ].join('\n'),
      env,
    );
    expect(result.applied.sort()).toEqual(['API_PORT', 'APP_SECRET', 'REDIS_URL', 'TRAILING']);
    expect(result.kept.sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL']);
    expect(env).toEqual({
      DATABASE_URL: 'postgres://from-env/db',
      LOG_LEVEL: '', // set, even empty: the environment wins
      REDIS_URL: 'redis://:p#ss@127.0.0.1:6379',
      APP_SECRET: 'single quoted, at least 32 characters long',
      API_PORT: '3001',
      TRAILING: 'value',
    });
  });

  it('reads a file when it exists, and says null when it does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twofold-dotenv-'));
    try {
      writeFileSync(join(dir, '.env'), 'WEB_PORT=4300\n');
      const env: Record<string, string | undefined> = {};
      expect(loadDotEnv(join(dir, '.env'), env)).toEqual({ applied: ['WEB_PORT'], kept: [] });
      expect(env['WEB_PORT']).toBe('4300');
      expect(loadDotEnv(join(dir, 'missing.env'), env)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    expect(redactUrl(PG)).toBe('postgres://app:***@db.example:6432/twofold');
    expect(redactUrl(REDIS)).toBe('redis://127.0.0.1:6379');
    expect(redactUrl('not a url')).toBe('(not a URL)');
  });
});

describe('describePgError', () => {
  it.each([
    [
      '28P01: password authentication failed for user "app"',
      pgError('28P01', 'password authentication failed for user "app"'),
      /^PostgreSQL refused the password of role "app": put the right password in DATABASE_URL/,
    ],
    [
      'SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string',
      pgError(undefined, 'SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'),
      /^PostgreSQL asks a password for role "app" and DATABASE_URL has none/,
    ],
    [
      '28000: role "app" does not exist',
      pgError('28000', 'role "app" does not exist'),
      /^PostgreSQL has no role "app": create it \(`createuser --createdb app`/,
    ],
    [
      '28000: no pg_hba.conf entry for host "10.0.0.5", user "app", database "twofold", no encryption',
      pgError('28000', 'no pg_hba.conf entry for host "10.0.0.5", user "app", database "twofold", no encryption'),
      /no pg_hba.conf entry\): add one for database "twofold"/,
    ],
    [
      '3D000: database "twofold" does not exist',
      pgError('3D000', 'database "twofold" does not exist'),
      /^PostgreSQL has no database "twofold": the migrations create it/,
    ],
    [
      'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:6432',
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:6432'),
      /^PostgreSQL: nothing listens at db.example:6432: start PostgreSQL 15\+ there/,
    ],
    [
      'ENOTFOUND: getaddrinfo ENOTFOUND db.example',
      pgError('ENOTFOUND', 'getaddrinfo ENOTFOUND db.example'),
      /^PostgreSQL: the host of DATABASE_URL \(db.example:6432\) does not resolve/,
    ],
    ['ETIMEDOUT: timeout', pgError('ETIMEDOUT', 'timeout'), /^PostgreSQL: no answer from db.example:6432 within 5 s/],
    [
      'The server does not support SSL connections',
      pgError(undefined, 'The server does not support SSL connections'),
      /does not speak SSL: remove sslmode/,
    ],
    [
      '53300: sorry, too many clients already',
      pgError('53300', 'sorry, too many clients already'),
      /no free connection/,
    ],
    [
      'Connection terminated unexpectedly',
      pgError(undefined, 'Connection terminated unexpectedly'),
      /closed before a login \(not a PostgreSQL server/,
    ],
    [
      'XX000: something new',
      pgError('XX000', 'something new'),
      /^PostgreSQL at db.example:6432: something new \(XX000\)\.$/,
    ],
  ])('%s', (_label, error, expected) => {
    const line = describePgError(error, PG);
    expect(line).toMatch(expected);
    expect(line).not.toContain('\n');
    expect(line).not.toContain('s3cret');
  });

  it('names the user of the URL, or the OS user as libpq does when there is none', () => {
    expect(
      describePgError(pgError('28000', 'role "x" does not exist'), 'postgres://ghost@127.0.0.1/twofold'),
    ).toContain('no role "ghost"');
  });
});

describe('describeRedisError', () => {
  it.each([
    [
      'NOAUTH Authentication required.',
      new Error('NOAUTH Authentication required.'),
      /^Redis at 127.0.0.1:6379 wants a password and REDIS_URL has none: add it \(redis:\/\/:PASSWORD@127.0.0.1:6379/,
    ],
    [
      'WRONGPASS invalid username-password pair or user is disabled.',
      new Error('WRONGPASS invalid username-password pair or user is disabled.'),
      /^Redis refused the user name or password of REDIS_URL/,
    ],
    ['ERR DB index is out of range', new Error('ERR DB index is out of range'), /^Redis has no database 99/],
    [
      'LOADING Redis is loading the dataset in memory',
      new Error('LOADING Redis is loading the dataset in memory'),
      /loading its data set: try again/,
    ],
    [
      'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:6379',
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:6379'),
      /^Redis: nothing listens at 127.0.0.1:6379: start Redis 7 there/,
    ],
    ['ENOTFOUND: getaddrinfo ENOTFOUND', pgError('ENOTFOUND', 'getaddrinfo ENOTFOUND'), /does not resolve/],
    ['ETIMEDOUT: timeout', pgError('ETIMEDOUT', 'timeout'), /no answer from 127.0.0.1:6379 within 5 s .*rediss:\/\//],
  ])('%s', (_label, error, expected) => {
    expect(describeRedisError(error, 'redis://127.0.0.1:6379/99')).toMatch(expected);
  });

  it('suggests plain redis:// when a rediss:// URL gets no TLS answer', () => {
    expect(describeRedisError(pgError('ETIMEDOUT', 'timeout'), 'rediss://127.0.0.1:6379')).toMatch(
      /a plain server\? then redis:\/\//,
    );
  });
});

/** A stand-in Redis that answers each command with the next canned reply, or closes. */
async function fakeRedis(
  replies: string[],
): Promise<{ url: (auth?: string, db?: string) => string; received: string[]; server: Server }> {
  const received: string[] = [];
  const server = createServer((socket) => {
    let sent = 0;
    socket.on('data', (chunk) => {
      received.push(chunk.toString());
      const commands = (chunk.toString().match(/^\*\d+\r\n/gm) ?? []).length;
      for (let i = 0; i < commands; i++) {
        const reply = replies[sent++];
        if (reply === undefined) socket.end();
        else socket.write(`${reply}\r\n`);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: (auth = '', db = '') => `redis://${auth}127.0.0.1:${port}${db ? `/${db}` : ''}`, received, server };
}

describe('redisPing', () => {
  const servers: Server[] = [];
  afterEach(() => servers.splice(0).forEach((s) => s.close()));
  const start = async (replies: string[]) => {
    const fake = await fakeRedis(replies);
    servers.push(fake.server);
    return fake;
  };

  it('sends AUTH and SELECT from the URL, then PING', async () => {
    const fake = await start(['+OK', '+OK', '+PONG']);
    await expect(redisPing(fake.url('bob:pa%20ss@', '2'))).resolves.toEqual({
      replies: ['+OK', '+OK', '+PONG'],
      warning: undefined,
    });
    expect(fake.received.join('')).toBe(
      '*3\r\n$4\r\nAUTH\r\n$3\r\nbob\r\n$5\r\npa ss\r\n*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n*1\r\n$4\r\nPING\r\n',
    );
  });

  it('rejects with the server error of the first failing command', async () => {
    const fake = await start(['-NOAUTH Authentication required.']);
    await expect(redisPing(fake.url())).rejects.toThrow('NOAUTH Authentication required.');
    const wrong = await start([
      '-WRONGPASS invalid username-password pair or user is disabled.',
      '-NOAUTH Authentication required.',
    ]);
    await expect(redisPing(wrong.url(':nope@'))).rejects.toThrow(/^WRONGPASS/);
  });

  it('only warns when the URL has a password that Redis does not ask for (ioredis goes on too)', async () => {
    const fake = await start([
      '-ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
      '+PONG',
    ]);
    await expect(redisPing(fake.url(':extra@'))).resolves.toMatchObject({
      warning: 'REDIS_URL has a password but Redis asks for none (ignored)',
    });
  });

  it('rejects when the server closes without answering', async () => {
    const fake = await start([]);
    await expect(redisPing(fake.url())).rejects.toThrow(
      'the connection closed after 0 of 1 answers (not a Redis server?)',
    );
  });

  it('rejects with ECONNREFUSED when nothing listens', async () => {
    const fake = await start([]);
    const url = fake.url();
    await new Promise((r) => fake.server.close(r));
    await expect(redisPing(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('ports', () => {
  it('lists the ports the demo needs, the gateway only when it runs, none for port 0', () => {
    const env = { API_PORT: '3000', WEB_PORT: '4200', SMS_WORKER_HEALTH_PORT: '0', FAKE_SMS_GATEWAY_PORT: '4010' };
    expect(portsNeeded(env, { gateway: false }).map((p: { variable: string }) => p.variable)).toEqual([
      'API_PORT',
      'WEB_PORT',
    ]);
    expect(portsNeeded(env, { gateway: true }).map((p: { variable: string }) => p.variable)).toEqual([
      'API_PORT',
      'WEB_PORT',
      'FAKE_SMS_GATEWAY_PORT',
    ]);
  });

  it('names a port that is taken and the variable that moves it', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, r));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await busyPorts([{ name: 'API', variable: 'API_PORT', port: String(port) }])).toEqual([
        `API port ${port} is in use: stop what listens there, or set API_PORT (.env or the environment)`,
      ]);
    } finally {
      server.close();
    }
    expect(await busyPorts([{ name: 'API', variable: 'API_PORT', port: String(port) }])).toEqual([]);
  });
});

describe('waitForHealth', () => {
  it('waits until every target answers 2xx, and reports the slow ones once with their last answer', async () => {
    let calls = 0;
    const server = createHttpServer((_req, res) => {
      calls += 1;
      if (calls < 4) res.writeHead(503).end('{"status":"error","checks":{"redis":{"ok":false}}}');
      else res.writeHead(200).end('{"status":"ok"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const slow: { name: string; last: string }[][] = [];
    try {
      const failing = await waitForHealth([{ name: 'SMS worker', url: `http://127.0.0.1:${port}/health` }], {
        timeoutMs: 10_000,
        slowAfterMs: 0,
        onSlow: (pending: { name: string; last: string }[]) => slow.push(pending),
      });
      expect(failing).toEqual([]);
      expect(slow).toHaveLength(1);
      expect(slow[0]).toMatchObject([
        { name: 'SMS worker', last: 'HTTP 503 {"status":"error","checks":{"redis":{"ok":false}}}' },
      ]);
    } finally {
      server.close();
    }
  });

  it('gives back the targets still failing at the deadline', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    const failing = await waitForHealth([{ name: 'API', url: `http://127.0.0.1:${port}/health` }], {
      timeoutMs: 700,
      slowAfterMs: 10_000,
    });
    expect(failing).toMatchObject([{ name: 'API', last: 'ECONNREFUSED' }]);
  });
});
