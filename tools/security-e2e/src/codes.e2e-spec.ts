import { COMPLETE_SMS, CONFIRM, errorCode, RESEND, SEND_LOGIN, startSystem, type System } from './harness';

/**
 * One-time SMS codes against the real API and worker: the 5-try limit (across resends), replacement,
 * single use, and binding to one account, method, purpose and ticket. Every refusal is checked for
 * its exact code and for having sent and created nothing.
 */
let sys: System;
beforeAll(async () => {
  sys = await startSystem({ label: 'seccodes' });
});
afterAll(async () => {
  await sys?.stop();
});

const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('method confirmation codes', () => {
  it('five wrong codes end the confirmation: the right code is refused after them (TOO_MANY_ATTEMPTS), nothing enabled', async () => {
    const { token } = await sys.signUp();
    const { methodId, code } = await sys.addNumber(token);
    for (let i = 1; i <= 5; i++) {
      const res = await sys.gql(CONFIRM, { input: { methodId, code: wrongOf(code) } }, { token });
      expect(errorCode(res)).toBe('INVALID_CODE');
      expect(res.errors![0].extensions['remainingAttempts']).toBe(5 - i);
    }
    const sms = await sys.smsRows();
    const right = await sys.gql(CONFIRM, { input: { methodId, code } }, { token });
    expect(errorCode(right)).toBe('TOO_MANY_ATTEMPTS');
    expect(right.data).toBeNull();
    expect(await sys.count(`SELECT count(*) FROM sms_method WHERE id = $1 AND status = 'ENABLED'`, [methodId])).toBe(0);
    expect(await sys.count(`SELECT count(*) FROM backup_code`)).toBe(0);
    expect(await sys.smsRows()).toBe(sms);
  });

  it('a resend does not reset the failure count: 3 wrong, resend, 2 wrong, then the fresh right code is refused', async () => {
    const { token } = await sys.signUp();
    const { methodId, code, number } = await sys.addNumber(token);
    for (let i = 0; i < 3; i++) expect(errorCode(await sys.gql(CONFIRM, { input: { methodId, code: wrongOf(code) } }, { token }))).toBe('INVALID_CODE');
    const { result, code: fresh } = await sys.withCode(number, () => sys.gql(RESEND, { id: methodId }, { token }));
    expect(result.errors).toBeUndefined();
    const fourth = await sys.gql(CONFIRM, { input: { methodId, code: wrongOf(fresh) } }, { token });
    expect(errorCode(fourth)).toBe('INVALID_CODE');
    expect(fourth.errors![0].extensions['remainingAttempts']).toBe(1);
    expect(errorCode(await sys.gql(CONFIRM, { input: { methodId, code: wrongOf(fresh) } }, { token }))).toBe('INVALID_CODE');
    expect(errorCode(await sys.gql(CONFIRM, { input: { methodId, code: fresh } }, { token }))).toBe('TOO_MANY_ATTEMPTS');
    expect(await sys.count(`SELECT count(*) FROM sms_method WHERE id = $1 AND status = 'ENABLED'`, [methodId])).toBe(0);
  });

  it('a replaced code fails (INVALID_CODE) and its successor works', async () => {
    const { token } = await sys.signUp();
    const { methodId, code: first, number } = await sys.addNumber(token);
    const { code: second } = await sys.withCode(number, () => sys.gql(RESEND, { id: methodId }, { token }));
    if (second === first) return; // 1 in a million: the same digits again prove nothing either way
    const old = await sys.gql(CONFIRM, { input: { methodId, code: first } }, { token });
    expect(errorCode(old)).toBe('INVALID_CODE');
    const ok = await sys.gql(CONFIRM, { input: { methodId, code: second } }, { token });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!['confirmSmsMethod'].method.status).toBe('ENABLED');
  });

  it('a code of one account or method fails for another (INVALID_CODE), nothing enabled, no SMS', async () => {
    const alice = await sys.signUp();
    const bob = await sys.signUp();
    const a = await sys.addNumber(alice.token);
    const b = await sys.addNumber(bob.token);
    const a2 = await sys.addNumber(alice.token);
    if (a.code === b.code || a.code === a2.code) return;
    const sms = await sys.smsRows();
    // Alice's code on Bob's pending method, with Bob's session.
    expect(errorCode(await sys.gql(CONFIRM, { input: { methodId: b.methodId, code: a.code } }, { token: bob.token }))).toBe('INVALID_CODE');
    // Alice's code of her first number on her second number.
    expect(errorCode(await sys.gql(CONFIRM, { input: { methodId: a2.methodId, code: a.code } }, { token: alice.token }))).toBe('INVALID_CODE');
    // Bob's method id with Alice's session: not hers.
    expect(errorCode(await sys.gql(CONFIRM, { input: { methodId: b.methodId, code: b.code } }, { token: alice.token }))).toBe('NOT_FOUND');
    expect(await sys.count(`SELECT count(*) FROM sms_method WHERE status = 'ENABLED' AND id = ANY($1)`, [[a.methodId, b.methodId, a2.methodId]])).toBe(0);
    expect(await sys.smsRows()).toBe(sms);
  });

  it('50 parallel wrong confirmations: at most 5 counted, then the right code is refused', async () => {
    const { token } = await sys.signUp();
    const { methodId, code } = await sys.addNumber(token);
    const answers = await Promise.all(Array.from({ length: 50 }, () => sys.gql(CONFIRM, { input: { methodId, code: wrongOf(code) } }, { token })));
    const codes = answers.map(errorCode);
    expect(codes.filter((c) => c === 'INVALID_CODE').length).toBeLessThanOrEqual(5);
    expect(codes.every((c) => c === 'INVALID_CODE' || c === 'TOO_MANY_ATTEMPTS')).toBe(true);
    expect(await sys.count(`SELECT failed_attempts FROM sms_method WHERE id = $1`, [methodId])).toBeLessThanOrEqual(5);
    expect(errorCode(await sys.gql(CONFIRM, { input: { methodId, code } }, { token }))).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('login codes and tickets', () => {
  it('five wrong login codes end the ticket; the right code is then refused, no session', async () => {
    const acc = await sys.twoFactorAccount();
    const ticket = await sys.loginTicket(acc.email);
    const code = await sys.loginCode(ticket, acc.methodId, acc.number, acc.token);
    const sessions = await sys.sessionsOf(acc.accountId);
    for (let i = 1; i <= 5; i++) {
      const res = await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code: wrongOf(code) } });
      expect(errorCode(res)).toBe('INVALID_CODE');
      expect(res.errors![0].extensions['remainingAttempts']).toBe(5 - i);
    }
    const right = await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code } });
    expect(errorCode(right)).toBe('TOO_MANY_ATTEMPTS');
    expect(right.data).toBeNull();
    expect(await sys.sessionsOf(acc.accountId)).toBe(sessions);
    // A dead ticket cannot ask for more SMS either.
    const sms = await sys.smsRows();
    expect(errorCode(await sys.gql(SEND_LOGIN, { input: { ticket, methodId: acc.methodId } }))).toBe('TOO_MANY_ATTEMPTS');
    expect(await sys.smsRows()).toBe(sms);
  });

  it('a resend of the login code does not reset the ticket count', async () => {
    const acc = await sys.twoFactorAccount();
    const ticket = await sys.loginTicket(acc.email);
    const first = await sys.loginCode(ticket, acc.methodId, acc.number);
    for (let i = 0; i < 4; i++) expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code: wrongOf(first) } }))).toBe('INVALID_CODE');
    const fresh = await sys.loginCode(ticket, acc.methodId, acc.number);
    const fifth = await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code: wrongOf(fresh) } });
    expect(errorCode(fifth)).toBe('INVALID_CODE');
    expect(fifth.errors![0].extensions['remainingAttempts']).toBe(0);
    expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code: fresh } }))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('a replaced login code fails and its successor works; the used code then fails within its TTL', async () => {
    const acc = await sys.twoFactorAccount();
    const ticket = await sys.loginTicket(acc.email);
    const first = await sys.loginCode(ticket, acc.methodId, acc.number);
    const second = await sys.loginCode(ticket, acc.methodId, acc.number);
    if (first !== second) expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code: first } }))).toBe('INVALID_CODE');
    const ok = await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code: second } });
    expect(ok.errors).toBeUndefined();
    sys.remember(ok.data!['completeLoginWithSms'].token);
    const sessions = await sys.sessionsOf(acc.accountId);
    // Used: the same ticket and code again (the ticket is consumed) …
    expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code: second } }))).toBe('TICKET_EXPIRED');
    // … and the used code on a fresh ticket (codes are bound to their ticket and single use).
    const ticket2 = await sys.loginTicket(acc.email);
    expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket: ticket2, methodId: acc.methodId, code: second } }))).toBe('INVALID_CODE');
    expect(await sys.sessionsOf(acc.accountId)).toBe(sessions);
  });

  it('a used confirmation code fails within its TTL', async () => {
    const { token } = await sys.signUp();
    const { methodId, code } = await sys.addNumber(token);
    expect((await sys.gql(CONFIRM, { input: { methodId, code } }, { token })).errors).toBeUndefined();
    // The method is no longer pending: the same code cannot confirm it (or anything) again.
    const again = await sys.gql(CONFIRM, { input: { methodId, code } }, { token });
    expect(errorCode(again)).toBe('BAD_USER_INPUT'); // not pending any more
    expect(again.data).toBeNull();
  });

  it('codes and tickets are bound to their account, method and purpose', async () => {
    const alice = await sys.twoFactorAccount();
    const bob = await sys.twoFactorAccount();
    const aTicket = await sys.loginTicket(alice.email);
    const bTicket = await sys.loginTicket(bob.email);
    const aCode = await sys.loginCode(aTicket, alice.methodId, alice.number);
    const bCode = await sys.loginCode(bTicket, bob.methodId, bob.number);
    const before = { a: await sys.sessionsOf(alice.accountId), b: await sys.sessionsOf(bob.accountId), sms: await sys.smsRows() };

    // Alice's ticket with Bob's method (and Bob's valid code): not hers.
    expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket: aTicket, methodId: bob.methodId, code: bCode } }))).toBe('NOT_FOUND');
    // Bob's ticket with Alice's code on Bob's method.
    if (aCode !== bCode) expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket: bTicket, methodId: bob.methodId, code: aCode } }))).toBe('INVALID_CODE');
    // Alice's code on another of Alice's tickets (purpose LOGIN, other ticket).
    const aTicket2 = await sys.loginTicket(alice.email);
    expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket: aTicket2, methodId: alice.methodId, code: aCode } }))).toBe('INVALID_CODE');
    // A pending number's confirmation code (purpose METHOD_CONFIRMATION) as a login code, and a login code as its confirmation.
    const pending = await sys.addNumber(alice.token);
    const aTicket3 = await sys.loginTicket(alice.email);
    const aCode3 = await sys.loginCode(aTicket3, alice.methodId, alice.number);
    if (pending.code !== aCode3) {
      expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket: aTicket3, methodId: alice.methodId, code: pending.code } }))).toBe('INVALID_CODE');
      expect(errorCode(await sys.gql(CONFIRM, { input: { methodId: pending.methodId, code: aCode3 } }, { token: alice.token }))).toBe('INVALID_CODE');
    }
    // The pending method is not a login method.
    expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket: aTicket3, methodId: pending.methodId, code: pending.code } }))).toBe('METHOD_NOT_ENABLED');
    // A login ticket is not a session, and a session is not a ticket.
    expect(errorCode(await sys.gql(CONFIRM, { input: { methodId: pending.methodId, code: pending.code } }, { token: aTicket3 }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket: alice.token, methodId: alice.methodId, code: aCode3 } }))).toBe('TICKET_EXPIRED');

    expect(await sys.sessionsOf(alice.accountId)).toBe(before.a);
    expect(await sys.sessionsOf(bob.accountId)).toBe(before.b);
    // The only SMS since: the pending number's confirmation, the notice to Alice's number about it, and aTicket3's code.
    expect(await sys.count(`SELECT count(*) FROM sms_message`)).toBeLessThanOrEqual(before.sms + 3);
  });

  it('a ticket bound to one purpose fails for the other: a REAUTH ticket cannot log in, and another session cannot use it', async () => {
    const acc = await sys.twoFactorAccount();
    const reauth = await sys.gql(`mutation($input: ReauthenticateInput!) { reauthenticate(input: $input) { __typename ... on TwoFactorChallenge { ticket } } }`, { input: { password: 'correct horse battery staple' } }, { token: acc.token });
    const ticket = sys.remember(reauth.data!['reauthenticate'].ticket as string);
    const code = await sys.loginCode(ticket, acc.methodId, acc.number, acc.token);
    const sessions = await sys.sessionsOf(acc.accountId);
    // Without the session it is bound to (as a plain login) and with another session of the same account.
    expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code } }))).toBe('TICKET_EXPIRED');
    const other = await sys.gql(COMPLETE_SMS, { input: { ticket: await sys.loginTicket(acc.email), methodId: acc.methodId, code } });
    expect(errorCode(other)).toBe('INVALID_CODE');
    expect(await sys.sessionsOf(acc.accountId)).toBe(sessions);
  });
});

describe('races', () => {
  it('50 parallel uses of one valid SMS code: exactly one session', async () => {
    const acc = await sys.twoFactorAccount();
    const ticket = await sys.loginTicket(acc.email);
    const code = await sys.loginCode(ticket, acc.methodId, acc.number);
    const before = await sys.sessionsOf(acc.accountId);
    const answers = await Promise.all(Array.from({ length: 50 }, () => sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code } })));
    const ok = answers.filter((a) => a.data?.['completeLoginWithSms']?.token);
    ok.forEach((a) => sys.remember(a.data!['completeLoginWithSms'].token));
    expect(ok).toHaveLength(1);
    expect(answers.filter((a) => !a.data).every((a) => errorCode(a) === 'TICKET_EXPIRED')).toBe(true);
    expect(await sys.sessionsOf(acc.accountId)).toBe(before + 1);
  });

  it('50 parallel uses of one emergency code, each on its own ticket: exactly one session, one code used', async () => {
    const acc = await sys.twoFactorAccount();
    const tickets: string[] = [];
    for (let i = 0; i < 50; i += 10) tickets.push(...(await Promise.all(Array.from({ length: 10 }, () => sys.loginTicket(acc.email)))));
    const before = await sys.sessionsOf(acc.accountId);
    const code = acc.backupCodes[0];
    const answers = await Promise.all(tickets.map((ticket) => sys.gql(`mutation($input: CompleteLoginWithBackupCodeInput!) { completeLoginWithBackupCode(input: $input) { token } }`, { input: { ticket, code } })));
    const ok = answers.filter((a) => a.data?.['completeLoginWithBackupCode']?.token);
    ok.forEach((a) => sys.remember(a.data!['completeLoginWithBackupCode'].token));
    expect(ok).toHaveLength(1);
    expect(answers.filter((a) => !a.data).map(errorCode).every((c) => c === 'INVALID_CODE' || c === 'TOO_MANY_ATTEMPTS')).toBe(true);
    expect(await sys.sessionsOf(acc.accountId)).toBe(before + 1);
    expect(await sys.count(`SELECT count(*) FROM backup_code WHERE account_id = $1 AND used_at IS NOT NULL`, [acc.accountId])).toBe(1);
  });

  it('50 parallel uses of one ticket, each with a valid emergency code: exactly one session, one code used', async () => {
    const acc = await sys.twoFactorAccount();
    const ticket = await sys.loginTicket(acc.email);
    const before = await sys.sessionsOf(acc.accountId);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sys.gql(`mutation($input: CompleteLoginWithBackupCodeInput!) { completeLoginWithBackupCode(input: $input) { token } }`, { input: { ticket, code: acc.backupCodes[i % 10] } }),
      ),
    );
    const ok = answers.filter((a) => a.data?.['completeLoginWithBackupCode']?.token);
    ok.forEach((a) => sys.remember(a.data!['completeLoginWithBackupCode'].token));
    expect(ok).toHaveLength(1);
    expect(answers.filter((a) => !a.data).every((a) => errorCode(a) === 'TICKET_EXPIRED')).toBe(true);
    expect(await sys.sessionsOf(acc.accountId)).toBe(before + 1);
    expect(await sys.count(`SELECT count(*) FROM backup_code WHERE account_id = $1 AND used_at IS NOT NULL`, [acc.accountId])).toBe(1);
  });

  it('50 parallel wrong guesses on one ticket: at most 5 counted, then the right code is refused', async () => {
    const acc = await sys.twoFactorAccount();
    const ticket = await sys.loginTicket(acc.email);
    const code = await sys.loginCode(ticket, acc.methodId, acc.number);
    const answers = await Promise.all(Array.from({ length: 50 }, () => sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code: wrongOf(code) } })));
    const codes = answers.map(errorCode);
    expect(codes.filter((c) => c === 'INVALID_CODE').length).toBeLessThanOrEqual(5);
    expect(codes.every((c) => c === 'INVALID_CODE' || c === 'TOO_MANY_ATTEMPTS')).toBe(true);
    expect(await sys.count(`SELECT failed_attempts FROM login_ticket WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [acc.accountId])).toBeLessThanOrEqual(5);
    expect(await sys.count(`SELECT count(*) FROM security_event WHERE account_id = $1 AND type = 'SECOND_FACTOR_FAILED'`, [acc.accountId])).toBeLessThanOrEqual(5);
    const sessions = await sys.sessionsOf(acc.accountId);
    expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: acc.methodId, code } }))).toBe('TOO_MANY_ATTEMPTS');
    expect(await sys.sessionsOf(acc.accountId)).toBe(sessions);
  });
});
