import { errorCode, startApi, type TestApi } from './harness';
import { COMPLETE_BACKUP, COMPLETE_SMS, LOGIN, PASSWORD, phone, SEND_LOGIN, signUp } from './journey';
import { addNumber, challenge, DISPATCH, enableWith, sendLoginCode, SET_DEFAULT, STATUS, wrongCode } from './two-factor-helpers';

/**
 * Contract §4 "Login with a second factor": the challenge, the ticket's rules, tries per ticket,
 * the per-account block, and smsDispatch during login. The per-IP hourly SMS limit is raised:
 * every request here comes from 127.0.0.1 (that limit has its own spec in sms-limits).
 */
describe('login with a second factor', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000' });
  });
  afterAll(() => api.close());

  const complete = (ticket: string, methodId: string, code: string) => api.gql(COMPLETE_SMS, { input: { ticket, methodId, code } });

  /** An account with one enabled number. */
  async function account() {
    const { token, email, accountId } = await signUp(api);
    const number = phone();
    const { methodId, backupCodes } = await enableWith(api, token, number, 'Work phone');
    return { token, email, accountId, number, methodId, backupCodes: backupCodes! };
  }

  it('login answers a TwoFactorChallenge: default method, every ENABLED number and BACKUP_CODE, with labels', async () => {
    const { token, email } = await signUp(api);
    const work = await enableWith(api, token, '+447400123456', 'Work phone');
    const home = await enableWith(api, token, '+447400987654', null);
    await addNumber(api, token, phone()); // pending: not offered
    const before = api.clock.now().getTime();
    const c = await challenge(api, email);
    expect(c.ticket.length).toBeGreaterThanOrEqual(32);
    expect(Math.abs(Date.parse(c.expiresAt) - before - api.config.timings.loginTicketTtlSeconds * 1000)).toBeLessThan(15000);
    expect(c.defaultMethod).toEqual({ id: work.methodId, kind: 'SMS', label: 'SMS to +44 •••• ••3456 (Work phone)' });
    expect(c.methods).toHaveLength(3);
    expect(c.methods).toEqual(
      expect.arrayContaining([
        { id: work.methodId, kind: 'SMS', label: 'SMS to +44 •••• ••3456 (Work phone)', maskedPhoneNumber: '+44 •••• ••3456', description: 'Work phone' },
        { id: home.methodId, kind: 'SMS', label: 'SMS to +44 •••• ••7654', maskedPhoneNumber: '+44 •••• ••7654', description: null },
        expect.objectContaining({ kind: 'BACKUP_CODE', maskedPhoneNumber: null }),
      ]),
    );
    // The password step alone is no session.
    expect(JSON.stringify(c)).not.toMatch(/"token"/);

    await api.gql(SET_DEFAULT, { methodId: home.methodId }, { token });
    expect((await challenge(api, email)).defaultMethod.id).toBe(home.methodId);
  });

  it('completing with the SMS code gives a session and marks the number used', async () => {
    const a = await account();
    const c = await challenge(api, a.email);
    const { code, dispatch } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    expect(dispatch.status).toBe('QUEUED');
    expect((await api.lastSms(a.number))!.purpose).toBe('LOGIN');
    const done = await complete(c.ticket, a.methodId, code);
    expect(done.errors).toBeUndefined();
    const session = done.data!['completeLoginWithSms'].token;
    const me = await api.gql(STATUS, {}, { token: session });
    expect(me.data!['me'].twoFactor.smsMethods[0].lastUsedAt).not.toBeNull();
  });

  it('a login code expires after SMS_CODE_TTL_SECONDS: CODE_EXPIRED with the right digits, not counted as a try', async () => {
    const a = await account();
    const c = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    api.clock.advance(api.config.timings.smsCodeTtlSeconds + 1);
    expect(errorCode(await complete(c.ticket, a.methodId, code))).toBe('CODE_EXPIRED');
    const fresh = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    expect((await complete(c.ticket, a.methodId, fresh.code)).errors).toBeUndefined();
  });

  it('a ticket is single use: after success, every further use is TICKET_EXPIRED', async () => {
    const a = await account();
    const c = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    expect((await complete(c.ticket, a.methodId, code)).errors).toBeUndefined();
    expect(errorCode(await complete(c.ticket, a.methodId, code))).toBe('TICKET_EXPIRED');
    expect(errorCode(await api.gql(COMPLETE_BACKUP, { input: { ticket: c.ticket, code: a.backupCodes[0] } }))).toBe('TICKET_EXPIRED');
    api.clock.advance(api.config.timings.smsResendCooldownSeconds);
    expect(errorCode(await api.gql(SEND_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } }))).toBe('TICKET_EXPIRED');
    // An unknown ticket is the same answer.
    expect(errorCode(await complete('x'.repeat(43), a.methodId, code))).toBe('TICKET_EXPIRED');
  });

  it('a ticket expires after LOGIN_TICKET_TTL_SECONDS (TICKET_EXPIRED even with a valid code)', async () => {
    const a = await account();
    const c = await challenge(api, a.email);
    const ticketTtl = api.config.timings.loginTicketTtlSeconds;
    api.clock.advance(ticketTtl - 20);
    const { code } = await sendLoginCode(api, c.ticket, a.methodId, a.number); // this code lives 5 more minutes
    api.clock.advance(21);
    expect(errorCode(await complete(c.ticket, a.methodId, code))).toBe('TICKET_EXPIRED');
    expect(errorCode(await api.gql(COMPLETE_BACKUP, { input: { ticket: c.ticket, code: a.backupCodes[0] } }))).toBe('TICKET_EXPIRED');
  });

  it("a ticket is bound to its account: another account's method id is NOT_FOUND", async () => {
    const a = await account();
    const b = await account();
    const c = await challenge(api, a.email);
    expect(errorCode(await api.gql(SEND_LOGIN, { input: { ticket: c.ticket, methodId: b.methodId } }))).toBe('NOT_FOUND');
    const bTicket = await challenge(api, b.email);
    const { code } = await sendLoginCode(api, bTicket.ticket, b.methodId, b.number);
    expect(errorCode(await complete(c.ticket, b.methodId, code))).toBe('NOT_FOUND');
    // B's own login still works with that code.
    expect((await complete(bTicket.ticket, b.methodId, code)).errors).toBeUndefined();
  });

  it('a code sent for ticket A does not work on ticket B of the same account', async () => {
    const a = await account();
    const t1 = await challenge(api, a.email);
    const t2 = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, t1.ticket, a.methodId, a.number);
    const res = await complete(t2.ticket, a.methodId, code);
    expect(errorCode(res)).toBe('INVALID_CODE');
    // The code is still good where it belongs... unless sending a code on t2 replaced it; not done here.
    expect((await complete(t1.ticket, a.methodId, code)).errors).toBeUndefined();
  });

  it('a confirmation code does not work for login', async () => {
    const a = await account();
    const other = phone();
    const { methodId } = await addNumber(api, a.token, other);
    const confirmationCode = await api.lastCode(other);
    // White box: make the number ENABLED while its confirmation code is still live.
    await api.pg.query(`UPDATE sms_method SET status = 'ENABLED', verified_at = now() WHERE id = $1`, [methodId]);
    const c = await challenge(api, a.email);
    expect(errorCode(await complete(c.ticket, methodId, confirmationCode))).toBe('INVALID_CODE');
  });

  it('a pending number cannot be used to log in (METHOD_NOT_ENABLED)', async () => {
    const a = await account();
    const pending = phone();
    const { methodId } = await addNumber(api, a.token, pending);
    const c = await challenge(api, a.email);
    expect(errorCode(await api.gql(SEND_LOGIN, { input: { ticket: c.ticket, methodId } }))).toBe('METHOD_NOT_ENABLED');
    expect(errorCode(await complete(c.ticket, methodId, await api.lastCode(pending)))).toBe('METHOD_NOT_ENABLED');
  });

  it('5 failures on one ticket end it: remainingAttempts 4..0, then TOO_MANY_ATTEMPTS even with the right code', async () => {
    const a = await account();
    const c = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Mixed methods: SMS and emergency-code failures count on the same ticket.
      const res = i % 2 ? await api.gql(COMPLETE_BACKUP, { input: { ticket: c.ticket, code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' } }) : await complete(c.ticket, a.methodId, wrongCode(code));
      expect(errorCode(res)).toBe('INVALID_CODE');
      remaining.push(res.errors![0].extensions['remainingAttempts']);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const right = await complete(c.ticket, a.methodId, code);
    expect(errorCode(right)).toBe('TOO_MANY_ATTEMPTS');
    expect(right.errors![0].extensions).toHaveProperty('retryAfterSeconds');
    expect(errorCode(await api.gql(COMPLETE_BACKUP, { input: { ticket: c.ticket, code: a.backupCodes[0] } }))).toBe('TOO_MANY_ATTEMPTS');
    // A new login (new ticket) works.
    const fresh = await challenge(api, a.email);
    const again = await sendLoginCode(api, fresh.ticket, a.methodId, a.number);
    expect((await complete(fresh.ticket, a.methodId, again.code)).errors).toBeUndefined();
  });

  it('sendLoginSmsCode resends never reset the count of a ticket; a resend replaces the code', async () => {
    const a = await account();
    const c = await challenge(api, a.email);
    const first = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    // Cooldown on the same ticket.
    const early = await api.gql(SEND_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } });
    expect(errorCode(early)).toBe('RATE_LIMITED');
    expect(early.errors![0].extensions['retryAfterSeconds']).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) await complete(c.ticket, a.methodId, wrongCode(first.code));
    api.clock.advance(api.config.timings.smsResendCooldownSeconds);
    const second = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    if (second.code !== first.code) expect(errorCode(await complete(c.ticket, a.methodId, first.code))).toBe('INVALID_CODE');
    else await complete(c.ticket, a.methodId, wrongCode(first.code));
    const last = await complete(c.ticket, a.methodId, wrongCode(second.code));
    expect(last.errors![0].extensions['remainingAttempts']).toBe(0);
    expect(errorCode(await complete(c.ticket, a.methodId, second.code))).toBe('TOO_MANY_ATTEMPTS');
    api.clock.advance(api.config.timings.smsResendCooldownSeconds);
    expect(errorCode(await api.gql(SEND_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } }))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('10 failures for one account in 15 minutes block its second-factor step for 15 minutes, even with a fresh ticket and the right code', async () => {
    const a = await account();
    const ready = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, ready.ticket, a.methodId, a.number); // a right code, sent before the block
    for (let t = 0; t < 2; t++) {
      const c = await challenge(api, a.email);
      for (let i = 0; i < 5; i++) expect(errorCode(await complete(c.ticket, a.methodId, wrongCode(code)))).toBe('INVALID_CODE');
    }
    const blocked = await complete(ready.ticket, a.methodId, code);
    expect(errorCode(blocked)).toBe('TOO_MANY_ATTEMPTS');
    const retry = blocked.errors![0].extensions['retryAfterSeconds'];
    expect(retry).toBeGreaterThan(840);
    expect(retry).toBeLessThanOrEqual(900);
    const fresh = await challenge(api, a.email);
    const viaBackup = await api.gql(COMPLETE_BACKUP, { input: { ticket: fresh.ticket, code: a.backupCodes[0] } });
    expect(errorCode(viaBackup)).toBe('TOO_MANY_ATTEMPTS');
    expect(errorCode(await api.gql(SEND_LOGIN, { input: { ticket: fresh.ticket, methodId: a.methodId } }))).toBe('TOO_MANY_ATTEMPTS');

    api.clock.advance(retry - 60);
    const stillBlocked = await challenge(api, a.email);
    expect(errorCode(await api.gql(COMPLETE_BACKUP, { input: { ticket: stillBlocked.ticket, code: a.backupCodes[0] } }))).toBe('TOO_MANY_ATTEMPTS');
    api.clock.advance(61);
    const after = await challenge(api, a.email);
    expect((await api.gql(COMPLETE_BACKUP, { input: { ticket: after.ticket, code: a.backupCodes[0] } })).errors).toBeUndefined();
  });

  it('failures older than 15 minutes do not count towards the block', async () => {
    const a = await account();
    for (let t = 0; t < 2; t++) {
      const c = await challenge(api, a.email);
      for (let i = 0; i < (t === 0 ? 5 : 4); i++) await complete(c.ticket, a.methodId, '000000');
    }
    api.clock.advance(15 * 60 + 1);
    const c = await challenge(api, a.email);
    expect(errorCode(await complete(c.ticket, a.methodId, '000000'))).toBe('INVALID_CODE'); // 10th, but 9 are old
    const ok = await api.gql(COMPLETE_BACKUP, { input: { ticket: c.ticket, code: a.backupCodes[0] } });
    expect(ok.errors).toBeUndefined();
  });

  it('smsDispatch: with the session, or with the ticket during login; not with another ticket or account', async () => {
    const a = await account();
    const c = await challenge(api, a.email);
    const { dispatch } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    const byTicket = await api.gql(DISPATCH, { id: dispatch.id, ticket: c.ticket });
    expect(byTicket.errors).toBeUndefined();
    expect(byTicket.data!['smsDispatch']).toMatchObject({ id: dispatch.id, status: 'QUEUED', maskedPhoneNumber: expect.stringMatching(/^\+44 •••• ••\d{4}$/) });
    expect((await api.gql(DISPATCH, { id: dispatch.id }, { token: a.token })).data!['smsDispatch'].id).toBe(dispatch.id);

    const otherTicket = await challenge(api, a.email);
    expect(errorCode(await api.gql(DISPATCH, { id: dispatch.id, ticket: otherTicket.ticket }))).toBe('NOT_FOUND');
    const b = await account();
    expect(errorCode(await api.gql(DISPATCH, { id: dispatch.id }, { token: b.token }))).toBe('NOT_FOUND');
    const bTicket = await challenge(api, b.email);
    expect(errorCode(await api.gql(DISPATCH, { id: dispatch.id, ticket: bTicket.ticket }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(DISPATCH, { id: dispatch.id, ticket: 'y'.repeat(43) }))).toBe('TICKET_EXPIRED');
  });

  it('login with a wrong password gives no challenge', async () => {
    const a = await account();
    const res = await api.gql(LOGIN, { input: { email: a.email, password: `${PASSWORD}!` } });
    expect(errorCode(res)).toBe('INVALID_CREDENTIALS');
  });
});
