import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { checkPostgres, checkRedis } from './preflight.mjs';

/** `npm start`'s checks against the real PostgreSQL and Redis (DATABASE_URL / REDIS_URL to move them). */
const base = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/twofold');
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const pgUrl = (change: (u: URL) => void) => {
  const u = new URL(base);
  change(u);
  return u.toString();
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('checkPostgres', () => {
  it('logs in and runs SELECT 1', async () => {
    await expect(checkPostgres(pgUrl((u) => (u.pathname = '/postgres')))).resolves.toEqual({ ok: true });
  });

  it('accepts a missing database the migrations will create', async () => {
    const result = await checkPostgres(pgUrl((u) => (u.pathname = '/twofold_preflight_never_created')));
    expect(result).toEqual({
      ok: true,
      note: 'database "twofold_preflight_never_created" does not exist yet: the migrations create it',
    });
  });

  it('names a missing role', async () => {
    const result = await checkPostgres(pgUrl((u) => (u.username = 'twofold_no_such_role')));
    expect(result).toMatchObject({ ok: false, refused: false });
    expect(result.problem).toMatch(/^PostgreSQL has no role "twofold_no_such_role": create it/);
  });

  it('says nothing listens, and marks it refused (npm start may start a private instance)', async () => {
    const port = await freePort();
    const result = await checkPostgres(`postgres://postgres@127.0.0.1:${port}/twofold`);
    expect(result).toEqual({
      ok: false,
      refused: true,
      problem: `PostgreSQL: nothing listens at 127.0.0.1:${port}: start PostgreSQL 15+ there, or point DATABASE_URL at yours.`,
    });
  });
});

describe('checkRedis', () => {
  it('gets PONG', async () => {
    await expect(checkRedis(redisUrl)).resolves.toEqual({ ok: true, note: undefined });
  });

  it('refuses a database index Redis does not have', async () => {
    const u = new URL(redisUrl);
    u.pathname = '/999';
    await expect(checkRedis(u.toString())).resolves.toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^Redis has no database 999/),
    });
  });

  const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  (redisServer ? describe : describe.skip)('a Redis with a password (private redis-server)', () => {
    let child: ChildProcess;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      child = spawn(
        redisServer,
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--requirepass',
          'preflight-secret',
        ],
        { stdio: 'ignore' },
      );
      for (let i = 0; i < 40; i++) {
        if ((await checkRedis(`redis://:preflight-secret@127.0.0.1:${port}`)).ok) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('private redis-server did not start');
    });
    afterAll(() => child?.kill('SIGKILL'));

    it('NOAUTH: asks for the password', async () => {
      await expect(checkRedis(`redis://127.0.0.1:${port}`)).resolves.toEqual({
        ok: false,
        refused: false,
        problem: `Redis at 127.0.0.1:${port} wants a password and REDIS_URL has none: add it (redis://:PASSWORD@127.0.0.1:${port}, or redis://USER:PASSWORD@… with an ACL user).`,
      });
    });

    it('WRONGPASS: says the password is wrong', async () => {
      await expect(checkRedis(`redis://:wrong@127.0.0.1:${port}`)).resolves.toMatchObject({
        ok: false,
        problem: expect.stringMatching(/^Redis refused the user name or password/),
      });
    });
  });
});
