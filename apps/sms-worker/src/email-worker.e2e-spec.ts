import IORedis from 'ioredis';
import { Pool } from 'pg';
import { createTestDatabase, graphqlClient, startFakeMailServer, uniqueQueuePrefix, type FakeMail, type FakeMailServer, type GraphqlClient, type TestDatabase } from '@twofold/testing';
import { API_MAIN, ensureApiBuilt, ensureWorkerBuilt, freePort, PrivateRedis, spawnNode, spawnWorker, type WorkerProcess } from './test/e2e-harness';
import { dumpRedis, TEST_APP_SECRET, waitFor } from './test/fixtures';

/**
 * E-mail end to end (issue 13): the built API writes the verification e-mail at sign-up, the
 * built worker sends it over SMTP to the fake gateway's mail server, the link in it verifies the
 * address; a security change sends a notice e-mail whose "This wasn't me" link ends the sessions;
 * SMTP failures are retried (4xx) or final (5xx), each state recorded on the row; no token in
 * clear in PostgreSQL, Redis or the logs.
 */
describe('e-mail end to end: API and worker processes, fake SMTP server', () => {
  let testDb: TestDatabase;
  let pg: Pool;
  let redis: PrivateRedis;
  let scan: IORedis;
  let mail: FakeMailServer;
  let client: GraphqlClient;
  const processes: WorkerProcess[] = [];
  const prefix = uniqueQueuePrefix('email');
  const tokens: string[] = [];
  const WEB_ORIGIN = 'http://app.twofold.test';

  beforeAll(async () => {
    ensureApiBuilt();
    ensureWorkerBuilt();
    testDb = await createTestDatabase('emaile2e');
    pg = new Pool({ connectionString: testDb.url, max: 2 });
    pg.on('error', () => undefined);
    redis = new PrivateRedis(await freePort());
    await redis.start();
    scan = new IORedis(redis.url, { maxRetriesPerRequest: 1 });
    mail = await startFakeMailServer();
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const shared = {
      NODE_ENV: 'test',
      APP_SECRET: TEST_APP_SECRET,
      DATABASE_URL: testDb.url,
      REDIS_URL: redis.url,
      SMS_QUEUE_PREFIX: prefix,
      PUBLIC_API_URL: apiUrl,
      WEB_ORIGIN,
      SMS_PROVIDER: 'console',
      LOG_LEVEL: 'info',
    };
    const api = spawnNode(API_MAIN, { ...shared, API_PORT: String(apiPort), EMAIL_PER_ACCOUNT_PER_HOUR: '100', SMS_RELAY_INTERVAL_MS: '500' });
    processes.push(api);
    const worker = spawnWorker({ ...shared, SMTP_URL: mail.smtpUrl, MAIL_FROM: 'Twofold <no-reply@twofold.test>', SMS_WORKER_HEALTH_PORT: '0', SMS_WORKER_HEALTH_HOST: '127.0.0.1' });
    processes.push(worker);
    // Our API bound the port (a /health answer alone could come from another suite's server that
    // took the port between freePort() and the bind).
    await api.waitForLog((l) => String(l['msg'] ?? '').startsWith('listening on'), 60000);
    await waitFor('the API to answer /health', () => fetch(`${apiUrl}/health`).then((r) => r.ok).catch(() => false), 30000, 100);
    const started = await worker.waitForLog((l) => l['msg'] === 'sms worker started', 20000);
    expect(started['email']).toBe('smtp');
    const health = await (await fetch(`http://127.0.0.1:${started['healthPort']}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', checks: { email: { ok: true }, worker: { ok: true } } });
    client = graphqlClient(apiUrl);
  }, 90000);

  afterAll(async () => {
    for (const p of processes) if (p.proc.exitCode === null) p.proc.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    scan?.disconnect();
    await redis?.stop();
    await mail?.close();
    await pg?.end();
    await testDb?.drop();
  });

  const row = async (accountId: string) =>
    (await pg.query(`SELECT id, status, attempts, provider_message_id, failure_reason, sent_at FROM email_message WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [accountId])).rows[0];
  const waitRow = (accountId: string, status: string, timeoutMs = 20000) => waitFor(`e-mail ${status}`, async () => ((await row(accountId))?.status === status ? row(accountId) : null), timeoutMs, 50);
  const tokenOf = (m: FakeMail) => {
    const t = /verify-email\?token=([A-Za-z0-9_-]{43})/.exec(m.text)?.[1];
    if (!t) throw new Error('no link in the e-mail');
    tokens.push(t);
    return t;
  };

  async function signUp(locale = 'en') {
    const email = `e2e-${Math.random().toString(36).slice(2)}@example.com`;
    const res = await client<{ signUp: { token: string; account: { id: string } } }>(
      `mutation($input: SignUpInput!) { signUp(input: $input) { token account { id } } }`,
      { input: { email, password: 'correct horse battery staple', name: 'Ada Lovelace' } },
      { headers: { 'accept-language': locale } },
    );
    if (!res.data) throw new Error(`signUp answered ${res.status}: ${res.text.slice(0, 500)}`);
    return { email, token: res.data.signUp.token, accountId: res.data.signUp.account.id };
  }

  it('delivers the verification e-mail (text and HTML, the link from WEB_ORIGIN), records SENT, and the link verifies the address', async () => {
    const a = await signUp();
    const [m] = await mail.waitForMails(1, { filter: (x) => x.to.includes(a.email), timeoutMs: 15000 });
    expect(m.from).toBe('no-reply@twofold.test');
    expect(m.subject).toBe('Confirm your e-mail address for Twofold');
    const token = tokenOf(m);
    expect(m.text).toContain(`${WEB_ORIGIN}/verify-email?token=${token}`);
    expect(m.html).toContain(`href="${WEB_ORIGIN}/verify-email?token=${token}"`);
    const sent = await waitRow(a.accountId, 'SENT');
    expect(sent).toMatchObject({ attempts: 1, failure_reason: null, provider_message_id: m.messageId });
    expect(sent.provider_message_id).toContain(sent.id);
    expect((await client(`mutation($t: String!) { verifyEmail(token: $t) }`, { t: token })).data).toEqual({ verifyEmail: true });
    expect((await client(`{ me { emailVerified } }`, {}, { token: a.token })).data).toEqual({ me: { emailVerified: true } });
  });

  it('speaks French to a French account', async () => {
    const a = await signUp('fr-FR');
    const [m] = await mail.waitForMails(1, { filter: (x) => x.to.includes(a.email), timeoutMs: 15000 });
    expect(m.subject).toBe('Confirmez votre adresse e-mail pour Twofold');
    expect(m.text).toContain('Ce lien ne fonctionne qu’une fois');
    tokenOf(m);
  });

  it('retries while the SMTP server answers 451, then SENT; a 550 is FAILED at once', async () => {
    mail.control({ fail: 451, times: 2 });
    const a = await signUp();
    await waitFor('a retry noted', async () => ((await row(a.accountId))?.failure_reason ?? '').startsWith('retrying: smtp 451'), 15000, 50);
    const [m] = await mail.waitForMails(1, { filter: (x) => x.to.includes(a.email), timeoutMs: 30000 });
    tokenOf(m);
    expect(await waitRow(a.accountId, 'SENT')).toMatchObject({ attempts: 3, failure_reason: null });

    mail.control({ fail: 550 });
    const b = await signUp();
    expect(await waitRow(b.accountId, 'FAILED')).toMatchObject({ attempts: 1, failure_reason: 'smtp 550: refused', sent_at: null });
    mail.control({ fail: null });
  }, 60000);

  it('delivers a security-notice e-mail (issue 13 part 3) whose "This wasn\'t me" link ends the sessions once', async () => {
    const a = await signUp();
    await mail.waitForMails(1, { filter: (x) => x.to.includes(a.email), timeoutMs: 15000 }).then(([v]) => tokenOf(v));
    // A number added then removed (2FA off): no SMS notice, but the e-mail one.
    const added = await client<{ addSmsMethod: { method: { id: string } } }>(`mutation($input: AddSmsMethodInput!) { addSmsMethod(input: $input) { method { id } } }`, { input: { phoneNumber: '+447700900123' } }, { token: a.token });
    const methodId = added.data!.addSmsMethod.method.id;
    expect((await client(`mutation($id: ID!) { removeSmsMethod(methodId: $id) { enabled } }`, { id: methodId }, { token: a.token })).data).toEqual({ removeSmsMethod: { enabled: false } });
    const [m] = await mail.waitForMails(1, { filter: (x) => x.to.includes(a.email) && x.subject.startsWith('A phone number was removed'), timeoutMs: 15000 });
    expect(m.text).toContain('A phone number was removed from your account.');
    expect(m.text).toMatch(/When: \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC/);
    expect(m.text).toContain('From the address: 127.0.0.1');
    const token = /wasnt-me\?token=([A-Za-z0-9_-]{43})/.exec(m.text)?.[1];
    if (!token) throw new Error('no "This wasn\'t me" link in the e-mail');
    tokens.push(token);
    expect(m.html).toContain(`href="${WEB_ORIGIN}/wasnt-me?token=${token}"`);
    const notices = () => pg.query(`SELECT status FROM email_message WHERE account_id = $1 AND template = 'SECURITY_NOTICE'`, [a.accountId]);
    await waitFor('the notice SENT', async () => (await notices()).rows[0]?.status === 'SENT', 15000, 50);
    expect((await notices()).rowCount).toBe(1);
    const report = `mutation($input: ReportUnrecognizedActivityInput!) { reportUnrecognizedActivity(input: $input) { sessionsEnded mustChangePassword } }`;
    expect((await client(report, { input: { token } })).data).toEqual({ reportUnrecognizedActivity: { sessionsEnded: 1, mustChangePassword: true } });
    expect((await client(`{ me { id } }`, {}, { token: a.token })).data).toEqual({ me: null });
    expect((await client(report, { input: { token } })).errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('leaves no token in clear in PostgreSQL, Redis or the logs, and no address in the worker logs', async () => {
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const pgDump = (await pg.query(`SELECT (SELECT json_agg(t) FROM email_message t)::text || (SELECT json_agg(t) FROM email_verification_token t)::text || (SELECT json_agg(t) FROM security_alert_token t)::text AS j`)).rows[0].j as string;
    const redisDump = await dumpRedis(scan, prefix);
    const logs = processes.flatMap((p) => p.lines).join('\n');
    expect(logs).toContain('email sent');
    for (const t of tokens) {
      expect(pgDump).not.toContain(t);
      expect(redisDump).not.toContain(t);
      expect(logs).not.toContain(t);
    }
    expect(processes[1].lines.join('\n')).not.toMatch(/e2e-[a-z0-9]+@example\.com/);
  });
});
