import { errorCode, startApi, type GqlResponse, type TestApi } from './harness';
import {
  ADD,
  COMPLETE_BACKUP,
  COMPLETE_SMS,
  DELETE_BACKUP,
  enableNumber,
  EVENTS,
  LOGIN,
  loginWithSms,
  PASSWORD,
  phone,
  REAUTH,
  REGENERATE,
  REMOVE,
  SEND_LOGIN,
  SET_DEFAULT,
  signUp,
} from './journey';

const WINDOW = 600; // REAUTH_WINDOW_SECONDS default

// Contract §4: "Sensitive changes (removeSmsMethod, setDefaultTwoFactorMethod,
// regenerateBackupCodes, deleteBackupCodes, addSmsMethod while 2FA is on) need a full login …
// or a full reauthenticate within REAUTH_WINDOW_SECONDS, else REAUTH_REQUIRED. With 2FA on,
// reauthenticate answers a TwoFactorChallenge; completing it … returns the same session, refreshed."
describe('sudo mode', () => {
  let api: TestApi;
  beforeAll(async () => {
    // Sending limits are not under test here; many numbers are confirmed from one client.
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000' });
  });
  afterAll(() => api.close());

  /** A signed-in account with 2FA on through two numbers (so one can be removed or made default). */
  async function twoFactorAccount() {
    const { token, email, accountId } = await signUp(api);
    const first = await enableNumber(api, token);
    const second = await enableNumber(api, token);
    return { token, email, accountId, first, second, backupCodes: first.backupCodes! };
  }

  type Op = { name: string; run: (token: string, ctx: Awaited<ReturnType<typeof twoFactorAccount>>) => Promise<GqlResponse>; field: string };
  const sensitive: Op[] = [
    { name: 'removeSmsMethod', field: 'removeSmsMethod', run: (token, ctx) => api.gql(REMOVE, { id: ctx.second.methodId }, { token }) },
    { name: 'setDefaultTwoFactorMethod', field: 'setDefaultTwoFactorMethod', run: (token, ctx) => api.gql(SET_DEFAULT, { id: ctx.second.methodId }, { token }) },
    { name: 'regenerateBackupCodes', field: 'regenerateBackupCodes', run: (token) => api.gql(REGENERATE, {}, { token }) },
    { name: 'deleteBackupCodes', field: 'deleteBackupCodes', run: (token) => api.gql(DELETE_BACKUP, {}, { token }) },
    { name: 'addSmsMethod while 2FA is on', field: 'addSmsMethod', run: (token) => api.gql(ADD, { input: { phoneNumber: phone() } }, { token }) },
  ];

  const sessionCount = async (accountId: string) =>
    Number((await api.pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1`, [accountId])).rows[0].n);

  describe.each(sensitive)('$name', (op) => {
    it(`works within REAUTH_WINDOW_SECONDS of the login and answers REAUTH_REQUIRED after it, changing nothing`, async () => {
      const ctx = await twoFactorAccount();
      // The sign-up session: fully authenticated at sign-up, so sudo mode ends REAUTH_REQUIRED later.
      const fresh = ctx.token;
      const before = JSON.stringify((await api.pg.query(`SELECT id, is_default, status FROM sms_method WHERE account_id = $1 ORDER BY id`, [ctx.accountId])).rows);
      const codesBefore = (await api.pg.query(`SELECT count(*)::int AS n FROM backup_code WHERE account_id = $1`, [ctx.accountId])).rows[0].n;

      api.clock.advance(WINDOW + 1);
      const refused = await op.run(fresh, ctx);
      expect(refused.data).toBeNull();
      expect(errorCode(refused)).toBe('REAUTH_REQUIRED');
      const after = JSON.stringify((await api.pg.query(`SELECT id, is_default, status FROM sms_method WHERE account_id = $1 ORDER BY id`, [ctx.accountId])).rows);
      expect(after).toBe(before);
      expect((await api.pg.query(`SELECT count(*)::int AS n FROM backup_code WHERE account_id = $1`, [ctx.accountId])).rows[0].n).toBe(codesBefore);

      // A brand-new full login is inside the window.
      const again = await loginWithSms(api, ctx.email);
      api.clock.advance(WINDOW - 30);
      const ok = await op.run(again, ctx);
      expect(ok.errors).toBeUndefined();
      expect(ok.data![op.field]).toBeTruthy();
    });
  });

  // Contract §4 and §7: adding a method needs the sudo window, the first one included, so a stolen
  // session cannot bind the thief's phone and take the only copy of the emergency codes.
  it('needs sudo mode for the first addSmsMethod too: a sign-up or a full login counts, a stale session does not', async () => {
    const { token, accountId } = await signUp(api);
    const number = phone();
    api.clock.advance(WINDOW + 1);
    const refused = await api.gql(ADD, { input: { phoneNumber: number } }, { token });
    expect(refused.data).toBeNull();
    expect(errorCode(refused)).toBe('REAUTH_REQUIRED');
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM sms_method WHERE account_id = $1`, [accountId])).rows[0].n).toBe(0);
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE account_id = $1`, [accountId])).rows[0].n).toBe(0);

    const reauth = await api.gql(REAUTH, { input: { password: PASSWORD } }, { token });
    expect(reauth.data!['reauthenticate'].__typename).toBe('Session');
    const res = await api.gql(ADD, { input: { phoneNumber: number } }, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data!['addSmsMethod'].method.status).toBe('PENDING_VERIFICATION');

    // A fresh sign-up is inside the window.
    const fresh = await signUp(api);
    expect((await api.gql(ADD, { input: { phoneNumber: phone() } }, { token: fresh.token })).errors).toBeUndefined();
  });

  describe('reauthenticate with 2FA off', () => {
    it('returns the same Session token and unlocks sensitive changes for another window', async () => {
      const { token, accountId } = await signUp(api);
      const pending = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token });
      const methodId = pending.data!['addSmsMethod'].method.id;
      api.clock.advance(WINDOW + 1);
      expect(errorCode(await api.gql(REMOVE, { id: methodId }, { token }))).toBe('REAUTH_REQUIRED');

      const sessions = await sessionCount(accountId);
      const res = await api.gql(REAUTH, { input: { password: PASSWORD } }, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data!['reauthenticate']).toEqual({ __typename: 'Session', token });
      expect(await sessionCount(accountId)).toBe(sessions);

      const removed = await api.gql(REMOVE, { id: methodId }, { token });
      expect(removed.errors).toBeUndefined();
      expect(removed.data!['removeSmsMethod'].smsMethods).toEqual([]);

      // The unlock lasts one window, not forever.
      const another = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token });
      api.clock.advance(WINDOW + 1);
      expect(errorCode(await api.gql(REMOVE, { id: another.data!['addSmsMethod'].method.id }, { token }))).toBe('REAUTH_REQUIRED');

      const events = await api.gql(EVENTS, { first: 10 }, { token });
      expect(events.data!['securityEvents'].nodes.map((e: { type: string }) => e.type)).toContain('REAUTHENTICATED');
    });

    it('answers INVALID_CREDENTIALS to a wrong password and stays locked', async () => {
      const { token } = await signUp(api);
      const pending = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token });
      api.clock.advance(WINDOW + 1);
      const res = await api.gql(REAUTH, { input: { password: 'not my password' } }, { token });
      expect(res.data).toBeNull();
      expect(errorCode(res)).toBe('INVALID_CREDENTIALS');
      expect(errorCode(await api.gql(REMOVE, { id: pending.data!['addSmsMethod'].method.id }, { token }))).toBe('REAUTH_REQUIRED');
    });

    it('needs a session, and a password', async () => {
      expect(errorCode(await api.gql(REAUTH, { input: { password: PASSWORD } }))).toBe('UNAUTHENTICATED');
      const { token } = await signUp(api);
      const empty = await api.gql(REAUTH, { input: { password: '' } }, { token });
      expect(errorCode(empty)).toBe('BAD_USER_INPUT');
      expect(empty.errors![0].extensions['fields']).toEqual({ password: expect.any(String) });
    });
  });

  describe('reauthenticate with 2FA on', () => {
    async function lockedAccount() {
      const ctx = await twoFactorAccount();
      const session = await loginWithSms(api, ctx.email);
      api.clock.advance(WINDOW + 1);
      expect(errorCode(await api.gql(REGENERATE, {}, { token: session }))).toBe('REAUTH_REQUIRED');
      const res = await api.gql(REAUTH, { input: { password: PASSWORD } }, { token: session });
      expect(res.errors).toBeUndefined();
      const challenge = res.data!['reauthenticate'];
      expect(challenge.__typename).toBe('TwoFactorChallenge');
      expect(challenge.defaultMethod.id).toBe(ctx.first.methodId);
      expect(challenge.methods.map((m: { id: string; kind: string }) => m.kind)).toEqual(['SMS', 'SMS', 'BACKUP_CODE']);
      // The password alone does not unlock anything.
      expect(errorCode(await api.gql(REGENERATE, {}, { token: session }))).toBe('REAUTH_REQUIRED');
      return { ...ctx, session, ticket: challenge.ticket as string };
    }

    it('returns a TwoFactorChallenge whose completion by SMS returns the SAME token and unlocks', async () => {
      const ctx = await lockedAccount();
      const sessions = await sessionCount(ctx.accountId);
      const sent = await api.gql(SEND_LOGIN, { input: { ticket: ctx.ticket, methodId: ctx.first.methodId } }, { token: ctx.session });
      expect(sent.errors).toBeUndefined();
      const code = await api.lastCode(ctx.first.number);
      const done = await api.gql(COMPLETE_SMS, { input: { ticket: ctx.ticket, methodId: ctx.first.methodId, code } }, { token: ctx.session });
      expect(done.errors).toBeUndefined();
      expect(done.data!['completeLoginWithSms'].token).toBe(ctx.session);
      expect(done.data!['completeLoginWithSms'].account.id).toBe(ctx.accountId);
      expect(await sessionCount(ctx.accountId)).toBe(sessions); // refreshed, not a new session

      const regenerated = await api.gql(REGENERATE, {}, { token: ctx.session });
      expect(regenerated.errors).toBeUndefined();
      expect(regenerated.data!['regenerateBackupCodes'].codes).toHaveLength(10);
    });

    it('returns a TwoFactorChallenge whose completion by emergency code returns the SAME token and unlocks', async () => {
      const ctx = await lockedAccount();
      const sessions = await sessionCount(ctx.accountId);
      const done = await api.gql(COMPLETE_BACKUP, { input: { ticket: ctx.ticket, code: ctx.backupCodes[0] } }, { token: ctx.session });
      expect(done.errors).toBeUndefined();
      expect(done.data!['completeLoginWithBackupCode'].token).toBe(ctx.session);
      expect(await sessionCount(ctx.accountId)).toBe(sessions);

      const removed = await api.gql(REMOVE, { id: ctx.second.methodId }, { token: ctx.session });
      expect(removed.errors).toBeUndefined();
      expect(removed.data!['removeSmsMethod'].smsMethods.map((m: { id: string }) => m.id)).toEqual([ctx.first.methodId]);
    });

    it('answers INVALID_CREDENTIALS to a wrong password (no challenge)', async () => {
      const ctx = await twoFactorAccount();
      const session = await loginWithSms(api, ctx.email);
      const res = await api.gql(REAUTH, { input: { password: `${PASSWORD}!` } }, { token: session });
      expect(res.data).toBeNull();
      expect(errorCode(res)).toBe('INVALID_CREDENTIALS');
      const tickets = await api.pg.query(`SELECT count(*)::int AS n FROM login_ticket WHERE account_id = $1 AND purpose = 'REAUTH'`, [ctx.accountId]);
      expect(tickets.rows[0].n).toBe(0);
    });

    it("refuses a REAUTH ticket completed without that session's bearer token (none, or another session's) and creates no session", async () => {
      const ctx = await lockedAccount();
      const other = await loginWithSms(api, ctx.email);
      const sessions = await sessionCount(ctx.accountId);
      const newest = await api.pg.query(`SELECT max(authenticated_at) AS t FROM session WHERE account_id = $1`, [ctx.accountId]);
      const authenticatedBefore = (newest.rows[0].t as Date).getTime();

      const anonymous = await api.gql(COMPLETE_BACKUP, { input: { ticket: ctx.ticket, code: ctx.backupCodes[1] } });
      expect(anonymous.data).toBeNull();
      expect(errorCode(anonymous)).toBe('TICKET_EXPIRED');

      const wrongSession = await api.gql(COMPLETE_BACKUP, { input: { ticket: ctx.ticket, code: ctx.backupCodes[1] } }, { token: other });
      expect(wrongSession.data).toBeNull();
      expect(errorCode(wrongSession)).toBe('TICKET_EXPIRED');

      // Sending a code for it needs that session too: a stranger holding the ticket sends no SMS.
      const smsBefore = (await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE account_id = $1`, [ctx.accountId])).rows[0].n;
      const sendAnonymous = await api.gql(SEND_LOGIN, { input: { ticket: ctx.ticket, methodId: ctx.first.methodId } });
      expect(sendAnonymous.data).toBeNull();
      expect(errorCode(sendAnonymous)).toBe('TICKET_EXPIRED');
      expect(errorCode(await api.gql(SEND_LOGIN, { input: { ticket: ctx.ticket, methodId: ctx.first.methodId } }, { token: other }))).toBe('TICKET_EXPIRED');
      expect((await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE account_id = $1`, [ctx.accountId])).rows[0].n).toBe(smsBefore);

      expect((await api.gql(SEND_LOGIN, { input: { ticket: ctx.ticket, methodId: ctx.first.methodId } }, { token: ctx.session })).errors).toBeUndefined();
      const code = await api.lastCode(ctx.first.number);
      const smsWithoutToken = await api.gql(COMPLETE_SMS, { input: { ticket: ctx.ticket, methodId: ctx.first.methodId, code } });
      expect(errorCode(smsWithoutToken)).toBe('TICKET_EXPIRED');

      expect(await sessionCount(ctx.accountId)).toBe(sessions);
      // The emergency code tried through the refused requests was not spent.
      const remaining = await api.pg.query(`SELECT count(*)::int AS n FROM backup_code WHERE account_id = $1 AND used_at IS NULL`, [ctx.accountId]);
      expect(remaining.rows[0].n).toBe(10);
      // Neither session was refreshed by the refused completions.
      const { rows } = await api.pg.query(`SELECT authenticated_at FROM session WHERE account_id = $1 ORDER BY authenticated_at DESC`, [ctx.accountId]);
      expect(rows[0].authenticated_at.getTime()).toBe(authenticatedBefore);
      expect(errorCode(await api.gql(REGENERATE, {}, { token: ctx.session }))).toBe('REAUTH_REQUIRED');
    });

    it('a LOGIN ticket completed while carrying a bearer token opens a new session and does not unlock the old one', async () => {
      const ctx = await lockedAccount();
      const login = await api.gql(LOGIN, { input: { email: ctx.email, password: PASSWORD } });
      const loginTicket = login.data!['login'].ticket;
      const done = await api.gql(COMPLETE_BACKUP, { input: { ticket: loginTicket, code: ctx.backupCodes[2] } }, { token: ctx.session });
      expect(done.errors).toBeUndefined();
      expect(done.data!['completeLoginWithBackupCode'].token).not.toBe(ctx.session);
      // ...and that did not unlock the old session.
      expect(errorCode(await api.gql(REGENERATE, {}, { token: ctx.session }))).toBe('REAUTH_REQUIRED');
    });
  });
});
