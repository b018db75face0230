import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { deriveKey, open } from '@twofold/sms-queue';
import { createTestDatabase, TEST_REDIS_URL, uniqueQueuePrefix, type TestDatabase } from '@twofold/testing';
import { ADD, API_MAIN, ApiClient, APP_SECRET, assertBuilt, CONFIRM, freePort, PASSWORD, SIGN_UP, spawnNode, waitUntil, WORKSPACE, type NodeProcess } from './system';

/** The operator CLI as `npm run twofold` runs it once built (tools/scripts/twofold.mjs starts this file). */
const CLI_MAIN = join(WORKSPACE, 'dist/apps/api/apps/api/src/cli/main.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// Issue 13 part 6, end to end: the built CLI as its own process, beside a built API process, on
// one database: what an operator's shell does. The command layer is covered in
// apps/api/test/operator-cli-*.integration-spec.ts; this checks the real entry point: config from
// the environment, exit codes, one-line errors, and that the process ends by itself.
describe('operator CLI process (dist)', () => {
  let db: TestDatabase;
  let api: NodeProcess;
  let client: ApiClient;
  let pg: Pool;
  let env: Record<string, string>;
  const number = `+447700900${String(100 + (process.pid % 800)).padStart(3, '0')}`;
  const email = `operator-e2e-${Date.now().toString(36)}@example.com`;

  const cli = (args: string[], extra: Record<string, string> = {}) =>
    new Promise<Run>((resolve) => {
      execFile(process.execPath, [CLI_MAIN, ...args], { cwd: WORKSPACE, env: { PATH: process.env['PATH'] ?? '', ...env, ...extra }, timeout: 60000 }, (err, stdout, stderr) => {
        const code = err && typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : err ? -1 : 0;
        resolve({ code, stdout, stderr });
      });
    });

  beforeAll(async () => {
    assertBuilt();
    if (!existsSync(CLI_MAIN)) throw new Error(`${CLI_MAIN} is missing: run \`npx nx run api:build\``);
    db = await createTestDatabase('cli-e2e');
    const port = await freePort();
    env = { NODE_ENV: 'test', APP_SECRET, DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, SMS_QUEUE_PREFIX: uniqueQueuePrefix('cli-e2e'), SMS_PROVIDER: 'console', LOG_LEVEL: 'warn', USER: 'e2e-operator' };
    api = spawnNode('api', API_MAIN, { ...env, API_PORT: String(port) });
    client = new ApiClient('api', `http://127.0.0.1:${port}`);
    await waitUntil('API healthy', async () => (await fetch(`${client.url}/health`)).status === 200, 90000, [api]);
    pg = new Pool({ connectionString: db.url, max: 2 });
    pg.on('error', () => undefined);
  });
  afterAll(async () => {
    await api?.stop();
    await pg?.end();
    await db?.drop();
  });

  let token: string;
  let smsId: string;
  let code: string;
  it('sets up an account with 2FA on by SMS through the API', async () => {
    const signUp = await client.gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Operator Test' } });
    token = signUp.data!['signUp'].token;
    const added = await client.gql(ADD, { input: { phoneNumber: number } }, { token });
    smsId = added.data!['addSmsMethod'].dispatch.id;
    const { rows } = await pg.query(`SELECT body_sealed FROM sms_message WHERE id = $1`, [smsId]);
    code = /#(\d{6})$/.exec(open(deriveKey(APP_SECRET, 'sms-body'), rows[0].body_sealed, smsId))![1]!;
    const confirmed = await client.gql(CONFIRM, { input: { methodId: added.data!['addSmsMethod'].method.id, code } }, { token });
    expect(confirmed.data!['confirmSmsMethod'].twoFactor.enabled).toBe(true);
  });

  it('account show --json: exit 0, the state, no full number; the process ends by itself', async () => {
    const r = await cli(['account', 'show', email, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout);
    expect(view.twoFactor).toMatchObject({ enabled: true, emergencyCodesLeft: 10 });
    expect(view.twoFactor.methods).toHaveLength(1);
    expect(r.stdout).not.toContain(number);
  });

  it('sms show: the confirmation SMS, masked, without its code', async () => {
    const r = await cli(['sms', 'show', smsId]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Purpose:\s+METHOD_CONFIRMATION/);
    expect(r.stdout).toMatch(/Code:\s+used/);
    expect(r.stdout).not.toContain(number);
    expect(r.stdout).not.toContain(code);
  });

  it('refusals and bad usage: exit 1 and 2, one line each, never a stack trace', async () => {
    const unknown = await cli(['account', 'show', 'nobody@example.com']);
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'twofold: no account with e-mail nobody@example.com\n' });
    const noReason = await cli(['account', 'reset-2fa', email, '--yes']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr.trim().split('\n')).toHaveLength(1);
    const usage = await cli(['frobnicate']);
    expect(usage.code).toBe(2);
    const badConfig = await cli(['account', 'show', email], { DATABASE_URL: 'mysql://nope' });
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toMatch(/^twofold: failed: Configuration error: DATABASE_URL .*\n$/);
    const noDatabase = await cli(['account', 'show', email], { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${db.name}_missing` });
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    for (const r of [unknown, noReason, usage, badConfig, noDatabase]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('account reset-2fa --yes: 2FA off, the session ended, the event recorded with $USER and the reason', async () => {
    const r = await cli(['account', 'reset-2fa', email, '--reason', 'e2e: identity checked', '--yes']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sessions ended:\s+1/);
    expect((await client.gql(`{ me { id } }`, {}, { token })).data?.['me'] ?? null).toBeNull();
    const { rows } = await pg.query(`SELECT detail, user_agent FROM security_event WHERE type = 'TWO_FACTOR_RESET_BY_SUPPORT'`);
    expect(rows).toEqual([{ detail: 'by e2e-operator: e2e: identity checked (1 method(s) removed)', user_agent: 'twofold-cli (operator e2e-operator)' }]);
    expect(JSON.parse((await cli(['account', 'show', email, '--json'])).stdout).twoFactor.enabled).toBe(false);
  });
});
