import { deriveKey, open, type EmailTemplateData } from '@twofold/sms-queue';
import { APP_SECRET, errorCode, LOGIN, PASSWORD, startSystem, type GqlResponse, type System } from './harness';

/**
 * Issue 13 part 4 against the built API and worker: `requestPasswordReset` answers byte for byte
 * the same, in the same time, for an unknown address, an account, and an account over its reset
 * budget; and no reset token or password of a reset and a change is in PostgreSQL, Redis or the
 * logs (debug level).
 */
const REQUEST = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, newPassword: $password }) }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) }`;
const TRIES = 40;

let sys: System;
beforeAll(async () => {
  // Many requests from one client: the per-IP e-mail budget is the integration spec's to test.
  sys = await startSystem({ label: 'secreset', env: { LOG_LEVEL: 'debug', EMAIL_PER_IP_PER_HOUR: '100000' } });
});
afterAll(async () => {
  await sys?.stop();
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

/** The newest reset link e-mailed to the account, opened as the worker would. */
async function lastLink(accountId: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await sys.pg.query(`SELECT id, data_sealed FROM email_message WHERE account_id = $1 AND template = 'PASSWORD_RESET' ORDER BY created_at DESC LIMIT 1`, [accountId]);
    if (rows[0]) return (JSON.parse(open(deriveKey(APP_SECRET, 'email-data'), rows[0].data_sealed, rows[0].id)) as EmailTemplateData).token as string;
    // The e-mail is written after the answer.
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no reset e-mail for ${accountId}`);
}

it('unknown address, account and account over its budget: the same answer, medians within 20%', async () => {
  const known = await sys.signUp();
  const overBudget = await sys.signUp();
  for (let i = 0; i < 4; i++) await sys.gql(REQUEST, { email: overBudget.email });
  const kinds = {
    unknown: (i: number) => sys.gql(REQUEST, { email: `nobody-${i}-${Math.random().toString(36).slice(2)}@example.com` }),
    // Over its budget too after the first 3: its work (lookup, budget, event) still runs, after the answer.
    known: () => sys.gql(REQUEST, { email: known.email }),
    overBudget: () => sys.gql(REQUEST, { email: overBudget.email }),
  };
  type Kind = keyof typeof kinds;
  async function measure(round: number) {
    const times: Record<Kind, number[]> = { unknown: [], known: [], overBudget: [] };
    const answers: GqlResponse[] = [];
    for (let i = 0; i < TRIES; i++) {
      for (const k of (Object.keys(kinds) as Kind[]).sort(() => Math.random() - 0.5)) {
        const res = await kinds[k](round * TRIES + i);
        times[k].push(res.ms);
        answers.push(res);
        // The work after the answer (lookup, budget, e-mail) is done before the next request is
        // timed: otherwise it lands on whichever request comes next, noise that is no tell.
        await new Promise((r) => setTimeout(r, 15));
      }
    }
    const medians = { unknown: median(times.unknown), known: median(times.known), overBudget: median(times.overBudget) };
    const values = Object.values(medians);
    // Sub-millisecond medians: compare with a 1 ms floor, so scheduler noise on a tiny number is no tell.
    return { answers, medians, ratio: Math.max(...values, 1) / Math.max(Math.min(...values), 1) };
  }
  for (const k of Object.keys(kinds) as Kind[]) await kinds[k](1000);
  const runs: Awaited<ReturnType<typeof measure>>[] = [];
  // Up to five measurements: with medians of 4-5 ms, a burst of load from the files running beside
  // this one moves a median by 20 % on its own, and which kind it favours changes from run to run.
  // A real tell (work before the answer for one kind) shows in every run.
  for (let round = 0; round < 5 && !runs.some((r) => r.ratio <= 1.2); round++) runs.push(await measure(round));
  console.log(`requestPasswordReset medians (ms): ${runs.map((r) => JSON.stringify(r.medians)).join(' then ')}`);

  expect(new Set(runs[0].answers.map((r) => `${r.status} ${r.text}`))).toEqual(new Set(['200 {"data":{"requestPasswordReset":true}}\n']));
  expect(Math.min(...runs.map((r) => r.ratio))).toBeLessThanOrEqual(1.2);
  expect(Math.max(...runs.map((r) => r.ratio))).toBeLessThan(2);
  // The known accounts got their 3 e-mails an hour, no more; the unknown addresses none.
  expect(await sys.count(`SELECT count(*) FROM email_message WHERE account_id = $1 AND template = 'PASSWORD_RESET'`, [known.accountId])).toBe(3);
  expect(await sys.count(`SELECT count(*) FROM email_message WHERE template = 'PASSWORD_RESET'`)).toBe(6);
}, 300_000);

it('no reset token or password of a reset and a change is in PostgreSQL, Redis or the logs', async () => {
  const account = await sys.signUp();
  expect((await sys.gql(REQUEST, { email: account.email })).data).toEqual({ requestPasswordReset: true });
  const token = sys.remember(await lastLink(account.accountId));
  const reset = sys.remember('chosen after a reset 7');
  expect((await sys.gql(RESET, { token, password: reset })).data).toEqual({ resetPassword: true });
  expect(errorCode(await sys.gql(RESET, { token, password: reset }))).toBe('INVALID_TOKEN');
  const session = (await sys.gql(LOGIN, { input: { email: account.email, password: reset } })).data!['login'].token as string;
  sys.remember(session);
  const changed = sys.remember('changed once more 8');
  expect((await sys.gql(CHANGE, { c: reset, n: changed }, { token: session })).data).toEqual({ changePassword: true });
  await new Promise((r) => setTimeout(r, 500));

  const secrets = [token, reset, changed, session, PASSWORD];
  const postgres = await sys.dumpDatabase();
  const redis = await sys.dumpRedis();
  const logs = sys.logs();
  expect(postgres).toContain('password_reset_token');
  expect(postgres).toContain(account.email);
  const found = (haystack: string) => secrets.filter((s) => haystack.includes(s));
  expect({ postgres: found(postgres), redis: found(redis), logs: found(logs) }).toEqual({ postgres: [], redis: [], logs: [] });
});
