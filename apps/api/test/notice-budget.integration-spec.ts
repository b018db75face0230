import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { SMS_QUEUE_NAME } from '@twofold/sms-queue';
import { errorCode, startApi, type TestApi } from './harness';
import { loginWithSms, phone, signUp } from './journey';
import { challenge, enableWith, REGENERATE, sendLoginCode } from './two-factor-helpers';

/**
 * Issue "Security round 2" §1: every SMS that leaves is budgeted. Security notices have their own
 * hourly budget per account (SMS_NOTICES_PER_ACCOUNT_PER_HOUR, 10) and count toward the global
 * budget; the operations that send them are at most one per request; they wait behind codes.
 */
describe('security notices are budgeted', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000', SMS_LIMIT_PER_ACCOUNT_PER_HOUR: '1000' });
  });
  afterAll(() => api.close());

  async function accountWith(n: number) {
    const { token, accountId, email } = await signUp(api);
    const numbers: string[] = [];
    for (let i = 0; i < n; i++) {
      const number = phone();
      await enableWith(api, token, number);
      numbers.push(number);
    }
    return { token, accountId, email, numbers };
  }
  const notices = async (accountId: string) =>
    (await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE'`, [accountId])).rows[0].n as number;
  const blockedEvents = async (accountId: string) =>
    (await api.pg.query(`SELECT detail FROM security_event WHERE account_id = $1 AND type = 'SMS_SEND_BLOCKED' ORDER BY created_at`, [accountId])).rows.map((r: { detail: string }) => r.detail);

  it('an account gets at most SMS_NOTICES_PER_ACCOUNT_PER_HOUR notices an hour; the change itself still happens, and the hour slides', async () => {
    const a = await accountWith(5);
    expect(await notices(a.accountId)).toBe(10); // adding numbers 2..5 told the others: 1 + 2 + 3 + 4
    for (let i = 0; i < 3; i++) {
      const res = await api.gql(REGENERATE, {}, { token: a.token });
      expect(res.errors).toBeUndefined();
      expect(res.data!['regenerateBackupCodes'].codes).toHaveLength(10);
    }
    expect(await notices(a.accountId)).toBe(10);
    const events = await blockedEvents(a.accountId);
    expect(events).toHaveLength(3);
    expect(events[0]).toMatch(/^BACKUP_CODES_GENERATED notice to .*: notice budget reached$/);
    for (const e of events) expect(e).not.toMatch(/\+447700900\d{3}/); // masked numbers only

    api.clock.advance(3601);
    const token = await loginWithSms(api, a.email); // a full login: sudo mode again
    for (let i = 0; i < 3; i++) expect((await api.gql(REGENERATE, {}, { token })).errors).toBeUndefined();
    expect(await notices(a.accountId)).toBe(20); // 5 + 5, then the budget again
    expect(await blockedEvents(a.accountId)).toHaveLength(4);
  });

  it('a budget cut in the middle of one change sends what is left of it', async () => {
    const a = await accountWith(3); // 1 + 2 = 3 notices
    await api.gql(REGENERATE, {}, { token: a.token }); // 6
    await api.gql(REGENERATE, {}, { token: a.token }); // 9
    await api.gql(REGENERATE, {}, { token: a.token }); // 10: one of three sent
    expect(await notices(a.accountId)).toBe(10);
    expect(await blockedEvents(a.accountId)).toEqual([expect.stringMatching(/: notice budget reached: 2 of 3 not sent$/)]);
  });

  it.each([
    ['regenerateBackupCodes', `mutation { a: regenerateBackupCodes { codes } b: regenerateBackupCodes { codes } }`],
    ['deleteBackupCodes', `mutation { a: deleteBackupCodes { enabled } b: deleteBackupCodes { enabled } }`],
    ['regenerateBackupCodes in a fragment', `mutation { a: regenerateBackupCodes { codes } ...F } fragment F on Mutation { b: regenerateBackupCodes { codes } }`],
  ])('two aliased %s in one request are refused before anything runs', async (_name, query) => {
    const a = await accountWith(2);
    const codesBefore = (await api.pg.query(`SELECT array_agg(code_hash ORDER BY code_hash) AS h FROM backup_code WHERE account_id = $1`, [a.accountId])).rows[0].h;
    const noticesBefore = await notices(a.accountId);
    const res = await api.gql(query, {}, { token: a.token });
    expect(res.data ?? null).toBeNull();
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(await notices(a.accountId)).toBe(noticesBefore);
    expect((await api.pg.query(`SELECT array_agg(code_hash ORDER BY code_hash) AS h FROM backup_code WHERE account_id = $1`, [a.accountId])).rows[0].h).toEqual(codesBefore);
  });

  it('two aliased signUps in one request are refused and create no account', async () => {
    const email = `alias-${Math.random().toString(36).slice(2)}@example.com`;
    const input = `{ email: "${email}", password: "correct horse battery staple", name: "A" }`;
    const res = await api.gql(`mutation { a: signUp(input: ${input}) { token } b: signUp(input: ${input.replace('alias-', 'alias2-')}) { token } }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM account WHERE email_normalized LIKE 'alias%'`)).rows[0].n).toBe(0);
  });

  it('notices are queued behind codes: a notice job carries a lower BullMQ priority, a code job none', async () => {
    const queue = new Queue(SMS_QUEUE_NAME, { connection: new IORedis(api.config.redisUrl, { maxRetriesPerRequest: null }), prefix: api.config.queuePrefix });
    try {
      const a = await accountWith(2);
      await api.gql(REGENERATE, {}, { token: a.token });
      const c = await challenge(api, a.email);
      const methodId = c.defaultMethod.id;
      await sendLoginCode(api, c.ticket, methodId, a.numbers[0]);
      const { rows } = await api.pg.query(`SELECT id, purpose FROM sms_message WHERE account_id = $1 ORDER BY created_at DESC LIMIT 3`, [a.accountId]);
      const byPurpose = new Map<string, number | undefined>();
      for (const r of rows as { id: string; purpose: string }[]) {
        const job = await queue.getJob(r.id);
        expect(job).toBeTruthy();
        byPurpose.set(r.purpose, job!.opts.priority);
      }
      expect(byPurpose.get('LOGIN') ?? 0).toBe(0);
      expect(byPurpose.get('NOTICE')).toBeGreaterThan(0);
      expect(await queue.getJobCounts('prioritized')).toEqual({ prioritized: expect.any(Number) });
      expect((await queue.getJobCounts('prioritized'))['prioritized']).toBeGreaterThanOrEqual(2);
    } finally {
      await queue.close();
    }
  });
});

describe('the global budget counts notices', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_BUDGET_GLOBAL_PER_HOUR: '8', SMS_LIMIT_PER_IP_PER_HOUR: '100000', SMS_RESEND_COOLDOWN_SECONDS: '0' });
  });
  afterAll(() => api.close());

  it('notices stop at the global budget, and the codes after them see it full', async () => {
    const { token, accountId, email } = await signUp(api);
    const [first, second] = [phone(), phone()];
    await enableWith(api, token, first); // 1 code
    await enableWith(api, token, second); // 1 code + 1 notice to the first
    await api.gql(REGENERATE, {}, { token }); // 2 notices: 5 SMS in the hour
    await api.gql(REGENERATE, {}, { token }); // 7
    const third = await api.gql(REGENERATE, {}, { token }); // 2 more would pass 8: none sent
    expect(third.errors).toBeUndefined();
    const count = async (purpose: string) => (await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE account_id = $1 AND purpose = $2`, [accountId, purpose])).rows[0].n;
    expect(await count('NOTICE')).toBe(5);
    const c = await challenge(api, email);
    const sent = await sendLoginCode(api, c.ticket, c.defaultMethod.id, first); // the 8th SMS of the hour
    expect(sent.dispatch.id).toBeTruthy();
    const refused = await api.gql(`mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id } }`, { input: { ticket: c.ticket, methodId: c.defaultMethod.id } });
    expect(errorCode(refused)).toBe('RATE_LIMITED');
  });
});
