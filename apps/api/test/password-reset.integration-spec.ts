import { createHash } from 'node:crypto';
import { deriveKey, open, type EmailTemplateData } from '@twofold/sms-queue';
import { MaintenanceService } from '../src/maintenance/maintenance.service';
import { PasswordResetService } from '../src/password-reset/password-reset.service';
import { errorCode, startApi, type GqlResponse, type TestApi } from './harness';
import { COMPLETE_SMS, enableNumber, EVENTS, LOGIN, PASSWORD, SEND_LOGIN, signUp } from './journey';

const REQUEST = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, newPassword: $password }) }`;
const SESSIONS = `{ sessions { id current } }`;
const NEW_PASSWORD = 'a brand new passphrase 42';

/**
 * Issue 13 part 4, forgotten password: requestPasswordReset answers the same, in the same time,
 * whatever the address; the link it e-mails is single use (also under concurrent use), hashed at
 * rest, 15 minutes; resetPassword ends every session and never skips the second factor.
 */
describe('password reset', () => {
  let api: TestApi;
  let dataKey: Buffer;
  beforeAll(async () => {
    // Many requests come from one test client: the per-IP e-mail budget is tested on its own below.
    api = await startApi({ EMAIL_PER_IP_PER_HOUR: '1000' });
    dataKey = deriveKey(api.config.appSecret, 'email-data');
  });
  afterAll(() => api.close());

  /** Asks for a link and waits until its work, done after the answer, is over. */
  const request = async (email: string, headers: Record<string, string> = {}): Promise<GqlResponse> => {
    const res = await api.gql(REQUEST, { email }, { headers });
    await api.app.get(PasswordResetService).settled();
    return res;
  };
  const resetMails = async (accountId: string) =>
    (await api.pg.query(`SELECT id, to_address, template, locale, data_sealed FROM email_message WHERE account_id = $1 AND template = 'PASSWORD_RESET' ORDER BY created_at, id`, [accountId])).rows as {
      id: string; to_address: string; template: string; locale: string; data_sealed: string;
    }[];
  const lastLink = async (accountId: string) => {
    const rows = await resetMails(accountId);
    const m = rows[rows.length - 1];
    return JSON.parse(open(dataKey, m.data_sealed, m.id)) as EmailTemplateData;
  };
  const events = async (token: string) => (await api.gql(EVENTS, { first: 50 }, { token })).data!['securityEvents'].nodes as { type: string; detail: string | null }[];
  const login = (email: string, password: string) => api.gql(LOGIN, { input: { email, password } });

  it('e-mails a 256-bit link, stored only as its SHA-256, valid 15 minutes', async () => {
    const { accountId, email } = await signUp(api);
    expect((await request(email.toUpperCase())).data).toEqual({ requestPasswordReset: true });
    const [mail, ...more] = await resetMails(accountId);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ to_address: email, locale: 'en' });
    const { token, expiresAt, name } = await lastLink(accountId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(name).toBe('Ada Lovelace');
    const rows = (await api.pg.query(`SELECT token_hash, created_at, expires_at, used_at FROM password_reset_token WHERE account_id = $1`, [accountId])).rows;
    expect(rows).toHaveLength(1);
    expect(Buffer.compare(rows[0].token_hash, createHash('sha256').update(token!).digest())).toBe(0);
    expect(rows[0].expires_at.getTime() - rows[0].created_at.getTime()).toBe(900_000);
    expect(new Date(expiresAt!).getTime()).toBe(rows[0].expires_at.getTime());
    // At rest: the token is in clear in no table (the e-mail carries it sealed).
    const dump = (await api.pg.query(`SELECT (SELECT json_agg(t) FROM password_reset_token t)::text || (SELECT json_agg(t) FROM email_message t)::text || (SELECT json_agg(t) FROM security_event t)::text AS j`)).rows[0].j as string;
    expect(dump).not.toContain(token);
  });

  it('answers the same for an unknown address, a known one and one over its budget, and nothing is sent for the unknown', async () => {
    const { accountId, email } = await signUp(api);
    const before = Number((await api.pg.query(`SELECT count(*)::int AS n FROM email_message WHERE template = 'PASSWORD_RESET'`)).rows[0].n);
    const unknown = await request(`nobody-${Date.now()}@example.com`);
    expect(Number((await api.pg.query(`SELECT count(*)::int AS n FROM email_message WHERE template = 'PASSWORD_RESET'`)).rows[0].n)).toBe(before);
    const known = await request(email);
    for (let i = 0; i < 3; i++) await request(email);
    const overBudget = await request(email);
    expect(await resetMails(accountId)).toHaveLength(3);
    // Byte for byte the same answer.
    expect(unknown.text).toBe('{"data":{"requestPasswordReset":true}}\n');
    expect([unknown.status, known.status, overBudget.status]).toEqual([200, 200, 200]);
    expect([known.text, overBudget.text]).toEqual([unknown.text, unknown.text]);
    // Only malformed input is refused, whatever the address.
    expect(errorCode(await api.gql(REQUEST, { email: '   ' }))).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown address as fast as a known one (the work happens after the answer)', async () => {
    const { email } = await signUp(api);
    const time = async (address: string) => {
      const started = performance.now();
      const res = await api.gql(REQUEST, { email: address });
      const ms = performance.now() - started;
      expect(res.data).toEqual({ requestPasswordReset: true });
      await api.app.get(PasswordResetService).settled();
      return ms;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so load on the machine falls on both alike; the account's budget runs out after 3 (then the known address is also over its budget).
    for (let i = 0; i < 15; i++) {
      known.push(await time(email));
      unknown.push(await time(`nobody-${i}-${Date.now()}@example.com`));
    }
    const [k, u] = [median(known), median(unknown)];
    // Within 5 ms of each other (plus 30 % of the larger one on a loaded machine): no tell either way.
    expect(Math.abs(k - u)).toBeLessThan(5 + 0.3 * Math.max(k, u));
  });

  it('the link works once, sets the password and ends every session, the asking one included', async () => {
    const { accountId, email, token: session } = await signUp(api);
    const other = (await login(email, PASSWORD)).data!['login'].token as string;
    await request(email);
    const { token } = await lastLink(accountId);
    expect(errorCode(await api.gql(RESET, { token, password: 'short' }))).toBe('BAD_USER_INPUT');
    const weak = await api.gql(RESET, { token, password: 'password123' });
    expect(weak.errors![0].extensions!['fields']).toEqual({ newPassword: expect.stringMatching(/common/) });
    // A refused password did not spend the link.
    expect((await api.gql(RESET, { token, password: NEW_PASSWORD })).data).toEqual({ resetPassword: true });
    expect(errorCode(await api.gql(RESET, { token, password: 'yet another passphrase 7' }))).toBe('INVALID_TOKEN');
    // Every session ended, the one that asked included.
    expect(errorCode(await api.gql(SESSIONS, {}, { token: session }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(SESSIONS, {}, { token: other }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(email, PASSWORD))).toBe('INVALID_CREDENTIALS');
    const fresh = (await login(email, NEW_PASSWORD)).data!['login'];
    expect(fresh.__typename).toBe('Session');
    const types = (await events(fresh.token)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['PASSWORD_RESET', 'PASSWORD_RESET_REQUESTED']));
    expect((await events(fresh.token)).find((e) => e.type === 'PASSWORD_RESET')!.detail).toBe('by e-mail link; 2 session(s) ended');
  });

  it('unknown, malformed, used and expired tokens all answer INVALID_TOKEN (the injectable clock moves past 15 minutes)', async () => {
    const { accountId, email } = await signUp(api);
    await request(email);
    const { token } = await lastLink(accountId);
    expect(errorCode(await api.gql(RESET, { token: 'short', password: NEW_PASSWORD }))).toBe('INVALID_TOKEN');
    const wrong = token!.slice(0, -2) + (token!.endsWith('AA') ? 'BB' : 'AA');
    expect(errorCode(await api.gql(RESET, { token: wrong, password: NEW_PASSWORD }))).toBe('INVALID_TOKEN');
    api.clock.advance(899);
    await request(email);
    const second = (await lastLink(accountId)).token!;
    api.clock.advance(2);
    expect(errorCode(await api.gql(RESET, { token, password: NEW_PASSWORD }))).toBe('INVALID_TOKEN');
    // The newer link (requested 2 s ago) still works; then the expired one stays refused.
    expect((await api.gql(RESET, { token: second, password: NEW_PASSWORD })).data).toEqual({ resetPassword: true });
    expect((await login(email, NEW_PASSWORD)).data!['login'].__typename).toBe('Session');
    // The reset dropped the unused (expired) link; maintenance removes the used one once past its expiry.
    const links = async () => Number((await api.pg.query(`SELECT count(*)::int AS n FROM password_reset_token WHERE account_id = $1`, [accountId])).rows[0].n);
    expect(await links()).toBe(1);
    api.clock.advance(901);
    await api.app.get(MaintenanceService).runOnce();
    expect(await links()).toBe(0);
  });

  it('10 concurrent resets with one token: exactly one succeeds, every other answers INVALID_TOKEN', async () => {
    const { accountId, email } = await signUp(api);
    await request(email);
    const { token } = await lastLink(accountId);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => api.gql(RESET, { token, password: `${NEW_PASSWORD} ${i}` })));
    const won = answers.map((r, i) => (r.data?.['resetPassword'] === true ? i : -1)).filter((i) => i >= 0);
    expect(won).toHaveLength(1);
    expect(answers.filter((r) => errorCode(r) === 'INVALID_TOKEN')).toHaveLength(9);
    expect((await login(email, `${NEW_PASSWORD} ${won[0]}`)).data!['login'].__typename).toBe('Session');
    expect(Number((await api.pg.query(`SELECT count(*)::int AS n FROM security_event WHERE account_id = $1 AND type = 'PASSWORD_RESET'`, [accountId])).rows[0].n)).toBe(1);
  });

  it('with 2FA on, a reset returns no session and the next login still asks for the second factor; devices are forgotten', async () => {
    const { token: session, email, accountId } = await signUp(api);
    const { methodId, number } = await enableNumber(api, session);
    // A remembered device: it would otherwise skip the second factor.
    const challenge = (await login(email, PASSWORD)).data!['login'];
    await api.gql(SEND_LOGIN, { input: { ticket: challenge.ticket, methodId } });
    const done = await api.gql(`mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token trustedDeviceToken } }`, {
      input: { ticket: challenge.ticket, methodId, code: await api.lastCode(number), rememberDevice: true },
    });
    const deviceToken = done.data!['completeLoginWithSms'].trustedDeviceToken as string;
    expect(deviceToken).toBeTruthy();

    // A sign-in half done with the old password (someone who knew it): its code is sent, not yet typed.
    const pending = (await login(email, PASSWORD)).data!['login'];
    await api.gql(SEND_LOGIN, { input: { ticket: pending.ticket, methodId } });
    const pendingCode = await api.lastCode(number);

    await request(email);
    const { token } = await lastLink(accountId);
    const reset = await api.gql(RESET, { token, password: NEW_PASSWORD });
    expect(reset.text).toBe('{"data":{"resetPassword":true}}\n');
    // That sign-in cannot be finished any more: its ticket ended with the old password.
    expect(errorCode(await api.gql(COMPLETE_SMS, { input: { ticket: pending.ticket, methodId, code: pendingCode } }))).toBe('TICKET_EXPIRED');
    // The notice SMS to the number (never a code).
    expect((await api.lastSms(number))!.body).toMatch(/password of your account was reset/);
    const next = (await login(email, NEW_PASSWORD)).data!['login'];
    expect(next.__typename).toBe('TwoFactorChallenge');
    // Even from the remembered device: a link stands in for the password, never for the second factor.
    const fromDevice = (await api.gql(LOGIN, { input: { email, password: NEW_PASSWORD, trustedDeviceToken: deviceToken } })).data!['login'];
    expect(fromDevice.__typename).toBe('TwoFactorChallenge');
    await api.gql(SEND_LOGIN, { input: { ticket: next.ticket, methodId } });
    const signedIn = await api.gql(COMPLETE_SMS, { input: { ticket: next.ticket, methodId, code: await api.lastCode(number) } });
    expect(signedIn.data!['completeLoginWithSms'].token).toBeTruthy();
  });

  it("a stranger's requests cannot spend the account's own e-mail budget", async () => {
    const customer = await signUp(api); // the verification e-mail: 1 of the account's 5
    for (let i = 0; i < 10; i++) await request(customer.email, { 'user-agent': 'stranger' });
    expect(await resetMails(customer.accountId)).toHaveLength(3); // PASSWORD_RESET_EMAILS_PER_ACCOUNT_PER_HOUR
    // The customer's own e-mails still have their 4 left.
    for (let i = 0; i < 4; i++) expect((await api.gql(`mutation { resendVerificationEmail }`, {}, { token: customer.token })).data).toEqual({ resendVerificationEmail: true });
    expect(errorCode(await api.gql(`mutation { resendVerificationEmail }`, {}, { token: customer.token }))).toBe('RATE_LIMITED');
    // The refusals are recorded once for the hour, not once per request.
    const refused = (await events(customer.token)).filter((e) => e.type === 'PASSWORD_RESET_REQUESTED' && e.detail?.startsWith('no e-mail sent'));
    expect(refused.map((e) => e.detail)).toEqual(['no e-mail sent: account limit reached']);
    // An hour later the reset budget is back.
    api.clock.advance(3601);
    await request(customer.email);
    expect(await resetMails(customer.accountId)).toHaveLength(4);
  });

  it('a password change drops the unused links', async () => {
    const { accountId, email, token: session } = await signUp(api);
    await request(email);
    const { token } = await lastLink(accountId);
    const changed = await api.gql(`mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) }`, { c: PASSWORD, n: NEW_PASSWORD }, { token: session });
    expect(changed.data).toEqual({ changePassword: true });
    expect(errorCode(await api.gql(RESET, { token, password: 'yet another passphrase 7' }))).toBe('INVALID_TOKEN');
  });

  it('one request carries at most one reset operation (aliases do not multiply e-mails)', async () => {
    const { email } = await signUp(api);
    const res = await api.gql(`mutation($e: String!) { a: requestPasswordReset(input: { email: $e }) b: requestPasswordReset(input: { email: $e }) }`, { e: email });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('password reset under the per-IP e-mail budget', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ EMAIL_PER_IP_PER_HOUR: '2', TRUST_PROXY: '1' });
  });
  afterAll(() => api.close());

  it('one client stops at its budget with the same answer; another client still gets the link', async () => {
    const a = await signUp(api);
    const b = await signUp(api);
    const from = (ip: string, email: string) => api.gql(REQUEST, { email }, { headers: { 'x-forwarded-for': ip } });
    const answers = [await from('198.51.100.1', a.email), await from('198.51.100.1', b.email), await from('198.51.100.1', a.email)];
    await api.app.get(PasswordResetService).settled();
    expect(answers.map((r) => r.text)).toEqual(Array(3).fill('{"data":{"requestPasswordReset":true}}\n'));
    const count = async (accountId: string) => Number((await api.pg.query(`SELECT count(*)::int AS n FROM email_message WHERE account_id = $1 AND template = 'PASSWORD_RESET'`, [accountId])).rows[0].n);
    // The sign-ups' verification e-mails came from the test client's own address, not from 198.51.100.1.
    expect([await count(a.accountId), await count(b.accountId)]).toEqual([1, 1]);
    await from('203.0.113.5', a.email);
    await api.app.get(PasswordResetService).settled();
    expect(await count(a.accountId)).toBe(2);
  });
});
