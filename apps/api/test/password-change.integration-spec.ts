import { errorCode, startApi, type TestApi } from './harness';
import { enableNumber, EVENTS, LOGIN, PASSWORD, REAUTH, signUp } from './journey';

const CHANGE = `mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) }`;
const SESSIONS = `{ sessions { id current } }`;
const DEVICES = `{ trustedDevices { id } }`;
const NEW_PASSWORD = 'a brand new passphrase 42';
const WINDOW = 600; // REAUTH_WINDOW_SECONDS default

/**
 * Issue 13 part 4, changePassword: sudo mode, the current password counted like a sign-in, the new
 * one under sign-up's rules, every other session ended (this one stays), an event and the notices.
 */
describe('password change', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const change = (token: string, current: string, next: string) => api.gql(CHANGE, { c: current, n: next }, { token });
  const login = (email: string, password: string) => api.gql(LOGIN, { input: { email, password } });
  const events = async (token: string) => (await api.gql(EVENTS, { first: 50 }, { token })).data!['securityEvents'].nodes as { type: string; detail: string | null }[];

  it('sets the new password, ends every other session and keeps this one', async () => {
    const { token, email } = await signUp(api);
    const other = (await login(email, PASSWORD)).data!['login'].token as string;
    expect((await change(token, PASSWORD, NEW_PASSWORD)).data).toEqual({ changePassword: true });
    expect((await api.gql(SESSIONS, {}, { token })).data!['sessions']).toEqual([{ id: expect.any(String), current: true }]);
    expect(errorCode(await api.gql(SESSIONS, {}, { token: other }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(email, PASSWORD))).toBe('INVALID_CREDENTIALS');
    expect((await login(email, NEW_PASSWORD)).data!['login'].__typename).toBe('Session');
    const changed = (await events(token)).filter((e) => e.type === 'PASSWORD_CHANGED');
    expect(changed).toEqual([expect.objectContaining({ detail: '1 other session(s) ended' })]);
    // The hash stored is argon2id, and neither password is anywhere in clear.
    const dump = (await api.pg.query(`SELECT (SELECT json_agg(t) FROM account t)::text || (SELECT json_agg(t) FROM security_event t)::text AS j`)).rows[0].j as string;
    expect(dump).not.toContain(NEW_PASSWORD);
    expect(dump).not.toContain(PASSWORD);
    expect((await api.pg.query(`SELECT password_hash FROM account WHERE email_normalized = $1`, [email])).rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('needs sudo mode: REAUTH_REQUIRED after the window, changing nothing; a reauthenticate opens it again', async () => {
    const { token, email } = await signUp(api);
    api.clock.advance(WINDOW + 1);
    expect(errorCode(await change(token, PASSWORD, NEW_PASSWORD))).toBe('REAUTH_REQUIRED');
    expect(errorCode(await login(email, NEW_PASSWORD))).toBe('INVALID_CREDENTIALS');
    expect((await api.gql(REAUTH, { input: { password: PASSWORD } }, { token })).data!['reauthenticate'].__typename).toBe('Session');
    expect((await change(token, PASSWORD, NEW_PASSWORD)).data).toEqual({ changePassword: true });
  });

  it('a wrong current password is INVALID_CREDENTIALS, recorded, and counted by the login throttle of the email', async () => {
    const { token, email } = await signUp(api);
    expect(errorCode(await change(token, 'not my password at all', NEW_PASSWORD))).toBe('INVALID_CREDENTIALS');
    expect((await events(token)).filter((e) => e.type === 'LOGIN_FAILED').map((e) => e.detail)).toEqual(['wrong password (password change)']);
    // 9 more failures (10 in all, LOGIN_FAILURE_LIMIT) block the email: sign-ins and changes alike.
    for (let i = 0; i < 9; i++) expect(errorCode(await change(token, `wrong ${i} password`, NEW_PASSWORD))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await change(token, PASSWORD, NEW_PASSWORD))).toBe('RATE_LIMITED');
    expect(errorCode(await login(email, PASSWORD))).toBe('RATE_LIMITED');
    // Once the window has passed, the right password signs in again.
    api.clock.advance(901);
    expect((await login(email, PASSWORD)).data!['login'].__typename).toBe('Session');
  });

  it("validates the new password with sign-up's rules (BAD_USER_INPUT, fields.newPassword) before checking anything", async () => {
    const { token } = await signUp(api);
    const short = await change(token, PASSWORD, 'short');
    expect(errorCode(short)).toBe('BAD_USER_INPUT');
    expect(short.errors![0].extensions!['fields']).toEqual({ newPassword: expect.stringMatching(/at least 10/) });
    const common = await change(token, 'wrong but unchecked', 'password123');
    expect(common.errors![0].extensions!['fields']).toEqual({ newPassword: expect.stringMatching(/common/) });
    const empty = await change(token, '', NEW_PASSWORD);
    expect(empty.errors![0].extensions!['fields']).toEqual({ currentPassword: 'Enter your current password.' });
    // Nothing was counted as a failed password.
    expect((await events(token)).filter((e) => e.type === 'LOGIN_FAILED')).toEqual([]);
  });

  it('two changes at once from one session: one wins, the other is refused, and the password is the winner’s', async () => {
    const { token, email } = await signUp(api);
    const [a, b] = await Promise.all([change(token, PASSWORD, `${NEW_PASSWORD} a`), change(token, PASSWORD, `${NEW_PASSWORD} b`)]);
    const won = [a, b].filter((r) => r.data?.['changePassword'] === true);
    expect(won).toHaveLength(1);
    expect(errorCode(won[0] === a ? b : a)).toBe('INVALID_CREDENTIALS');
    const winner = won[0] === a ? 'a' : 'b';
    expect((await login(email, `${NEW_PASSWORD} ${winner}`)).data!['login'].__typename).toBe('Session');
  });

  it('with 2FA on: notices go to the numbers; remembered devices stay (they never skip the password)', async () => {
    const { token, email } = await signUp(api);
    const { methodId, number } = await enableNumber(api, token);
    const challenge = (await login(email, PASSWORD)).data!['login'];
    await api.gql(`mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id } }`, { input: { ticket: challenge.ticket, methodId } });
    const remembered = await api.gql(`mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token trustedDeviceToken } }`, {
      input: { ticket: challenge.ticket, methodId, code: await api.lastCode(number), rememberDevice: true },
    });
    const { token: current, trustedDeviceToken } = remembered.data!['completeLoginWithSms'] as { token: string; trustedDeviceToken: string };
    // A sign-in half done elsewhere with the old password: the password step passed, the code not typed yet.
    const pending = (await login(email, PASSWORD)).data!['login'];
    expect(pending.__typename).toBe('TwoFactorChallenge');
    expect((await change(current, PASSWORD, NEW_PASSWORD)).data).toEqual({ changePassword: true });
    await api.gql(`mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id } }`, { input: { ticket: pending.ticket, methodId } });
    const tooLate = await api.gql(`mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token } }`, {
      input: { ticket: pending.ticket, methodId, code: '000000' },
    });
    expect(errorCode(tooLate)).toBe('TICKET_EXPIRED');
    expect((await api.lastSms(number))!.body).toBe('Twofold: the password of your account was changed. If this was not you, secure your account now.');
    expect(errorCode(await api.gql(SESSIONS, {}, { token }))).toBe('UNAUTHENTICATED');
    expect((await api.gql(DEVICES, {}, { token: current })).data!['trustedDevices']).toHaveLength(1);
    // The device still skips the second factor, with the new password only.
    expect((await api.gql(LOGIN, { input: { email, password: PASSWORD, trustedDeviceToken } })).errors![0].extensions!['code']).toBe('INVALID_CREDENTIALS');
    expect((await api.gql(LOGIN, { input: { email, password: NEW_PASSWORD, trustedDeviceToken } })).data!['login'].__typename).toBe('Session');
  });

  it('needs a session', async () => {
    expect(errorCode(await api.gql(CHANGE, { c: PASSWORD, n: NEW_PASSWORD }))).toBe('UNAUTHENTICATED');
  });
});
