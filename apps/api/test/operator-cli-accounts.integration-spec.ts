import { deriveKey, open } from '@twofold/sms-queue';
import { startApi, type TestApi } from './harness';
import { cliRunner } from './cli-helpers';
import { COMPLETE_SMS, enableNumber, EVENTS, LOGIN, loginWithSms, ME, PASSWORD, phone, SEND_LOGIN, signUp } from './journey';

// Issue 13 part 6: `twofold account show|reset-2fa` and `twofold sessions revoke`, through the
// CLI's program (commander) with captured output, on the API's services and this file's database.
describe('operator CLI: accounts and sessions', () => {
  let api: TestApi;
  let cli: ReturnType<typeof cliRunner>;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000' });
    cli = cliRunner(api);
  });
  afterAll(() => api.close());

  /** `me` with a token: null once its session has ended. */
  const me = async (token: string) => (await api.gql(ME, {}, { token })).data?.['me'] ?? null;

  /** An account with 2FA on by SMS (two numbers), three live sessions (the one that confirmed the first number, two SMS logins). */
  async function twoFactorAccount() {
    const { token, email, accountId } = await signUp(api);
    const first = await enableNumber(api, token, phone(), 'Work phone');
    const second = await enableNumber(api, token, phone(), null);
    const sessions = [await loginWithSms(api, email, first.methodId, first.number), await loginWithSms(api, email, second.methodId, second.number)];
    return { email, accountId, numbers: [first.number, second.number], sessions: [token, ...sessions] };
  }

  it('account show: 2FA on, methods with masked numbers only, codes left, sessions, recent events; --json for scripts', async () => {
    const a = await twoFactorAccount();
    const human = await cli.run(['account', 'show', a.email]);
    expect(human).toMatchObject({ code: 0, err: '' });
    expect(human.out).toContain(a.accountId);
    expect(human.out).toMatch(/2FA:\s+on/);
    expect(human.out).toMatch(/Emergency codes left:\s+10/);
    expect(human.out).toMatch(/Sessions:\s+3/);
    expect(human.out).toMatch(/Pending recovery:\s+none/);
    expect(human.out).toContain('(Work phone)');
    expect(human.out).toContain('TWO_FACTOR_ENABLED');
    for (const n of a.numbers) {
      expect(human.out).not.toContain(n);
      expect(human.out).not.toContain(n.slice(-6));
    }
    const json = await cli.run(['account', 'show', a.email.toUpperCase(), '--json']);
    expect(json.code).toBe(0);
    const view = JSON.parse(json.out);
    expect(view.account).toMatchObject({ id: a.accountId, emailVerified: false });
    expect(view.twoFactor.enabled).toBe(true);
    expect(view.twoFactor.methods).toHaveLength(2);
    expect(view.twoFactor.methods.map((m: { kind: string }) => m.kind)).toEqual(['SMS', 'SMS']);
    expect(view.twoFactor.methods.filter((m: { isDefault: boolean }) => m.isDefault)).toHaveLength(1);
    expect(view).toMatchObject({ sessions: 3, rememberedDevices: 0, pendingRecovery: null });
    expect(view.twoFactor.emergencyCodesLeft).toBe(10);
    expect(view.recentEvents.length).toBeGreaterThan(3);
    expect(view.recentEvents.length).toBeLessThanOrEqual(20);
    for (const n of a.numbers) expect(json.out).not.toContain(n);
  });

  it('refuses an unknown e-mail with exit 1 and one line, and bad usage with exit 2', async () => {
    const unknown = await cli.run(['account', 'show', 'nobody@example.com']);
    expect(unknown).toEqual({ code: 1, out: '', err: 'twofold: no account with e-mail nobody@example.com\n' });
    const reset = await cli.run(['account', 'reset-2fa', 'nobody@example.com', '--reason', 'ticket 1', '--yes']);
    expect(reset).toMatchObject({ code: 1, err: 'twofold: no account with e-mail nobody@example.com\n' });
    const noCommand = await cli.run(['account', 'frobnicate']);
    expect(noCommand.code).toBe(2);
    expect(noCommand.err.trim().split('\n')[0]).toMatch(/unknown command 'frobnicate'/);
    expect((await cli.run(['account', 'show'])).code).toBe(2);
    const help = await cli.run(['account', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('reset-2fa');
    expect(help.out).toContain('show');
  });

  it('reset-2fa needs a non-empty --reason and an operator; nothing changes without them', async () => {
    const a = await twoFactorAccount();
    const missing = await cli.run(['account', 'reset-2fa', a.email, '--yes']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/required option '--reason <text>' not specified/);
    expect(missing.err.split('\n').filter(Boolean)).toHaveLength(1);
    const empty = await cli.run(['account', 'reset-2fa', a.email, '--reason', '   ', '--yes']);
    expect(empty).toMatchObject({ code: 2, err: 'twofold: --reason <text> is required and must not be empty\n' });
    const noOperator = await cli.run(['account', 'reset-2fa', a.email, '--reason', 'ticket 7', '--yes'], { user: '' });
    expect(noOperator).toMatchObject({ code: 2, err: 'twofold: --operator <name> is required when $USER is not set\n' });
    const declined = await cli.run(['account', 'reset-2fa', a.email, '--reason', 'ticket 7'], { answer: false });
    expect(declined).toMatchObject({ code: 1, err: 'twofold: cancelled: nothing was changed\n' });
    expect(cli.asked.at(-1)).toContain(a.email);
    const still = JSON.parse((await cli.run(['account', 'show', a.email, '--json'])).out);
    expect(still.twoFactor.enabled).toBe(true);
    expect(still.sessions).toBe(3);
  });

  it('reset-2fa turns 2FA off as disableTwoFactor does, ends every session, records the operator and the reason, and tells every number', async () => {
    const a = await twoFactorAccount();
    // A remembered device too (a fourth session, with a second factor).
    const c = (await api.gql(LOGIN, { input: { email: a.email, password: PASSWORD } })).data!['login'];
    const methodId = c.defaultMethod.id as string;
    expect((await api.gql(SEND_LOGIN, { input: { ticket: c.ticket, methodId } })).data).toBeTruthy();
    const remembered = await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId, code: await api.lastCode(a.numbers[0]), rememberDevice: true } });
    a.sessions.push(remembered.data!['completeLoginWithSms'].token);
    // And a lost-phone recovery in its waiting period (issue 13 part 5), as its confirmation leaves it.
    const now = api.clock.now();
    await api.pg.query(
      `INSERT INTO account_recovery (id, account_id, token_hash, status, created_at, confirmed_at, ready_at, expires_at, ended_at)
       VALUES (gen_random_uuid(), $1, gen_random_uuid()::text::bytea, 'WAITING', $2, $2, $3, $4, NULL)`,
      [a.accountId, now, new Date(now.getTime() + 72 * 3600_000), new Date(now.getTime() + 240 * 3600_000)],
    );
    const shown = JSON.parse((await cli.run(['account', 'show', a.email, '--json'])).out);
    expect(shown).toMatchObject({ sessions: 4, rememberedDevices: 1, pendingRecovery: { status: 'WAITING', readyAt: new Date(now.getTime() + 72 * 3600_000).toISOString() } });
    expect((await cli.run(['account', 'show', a.email])).out).toMatch(/Pending recovery:\s+WAITING since \S+Z: 2FA removable from \S+Z/);
    const before = Date.now();
    const r = await cli.run(['account', 'reset-2fa', a.email, '--reason', 'ID checked on a call, ticket 4521', '--operator', 'bob'], { answer: true });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/Two-factor authentication is off for/);
    expect(r.out).toMatch(/Sessions ended:\s+4/);
    expect(r.out).toMatch(/Methods removed:\s+2/);
    expect(r.out).toMatch(/Emergency codes deleted:\s+10/);
    expect(r.out).toMatch(/Remembered devices forgotten:\s+1/);
    expect(r.out).toMatch(/Recoveries cancelled:\s+1/);
    for (const n of a.numbers) expect(r.out).not.toContain(n);

    // The sessions are gone: their tokens are refused.
    for (const token of a.sessions) expect(await me(token)).toBeNull();
    // 2FA is off: the password alone signs in, and the account has no method, code or device left.
    const login = await api.gql(LOGIN, { input: { email: a.email, password: PASSWORD } });
    expect(login.data!['login'].__typename).toBe('Session');
    const token = login.data!['login'].token as string;
    const after = (await api.gql(`{ me { twoFactor { enabled smsMethods { id } backupCodes { remaining total } } } }`, {}, { token })).data!['me'];
    expect(after.twoFactor).toEqual({ enabled: false, smsMethods: [], backupCodes: { remaining: 0, total: 0 } });
    // The event the customer sees names the operator and the reason.
    const events = (await api.gql(EVENTS, { first: 20 }, { token })).data!['securityEvents'].nodes as { type: string; detail: string | null; userAgent: string | null }[];
    const reset = events.find((e) => e.type === 'TWO_FACTOR_RESET_BY_SUPPORT');
    expect(reset).toMatchObject({ detail: 'by bob: ID checked on a call, ticket 4521 (2 method(s) removed)', userAgent: 'twofold-cli (operator bob)' });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['BACKUP_CODES_DELETED', 'SESSION_REVOKED', 'TRUSTED_DEVICE_REMOVED', 'RECOVERY_CANCELLED']));
    expect((await api.pg.query(`SELECT status FROM account_recovery WHERE account_id = $1`, [a.accountId])).rows).toEqual([{ status: 'CANCELLED' }]);
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM trusted_device WHERE account_id = $1`, [a.accountId])).rows[0].n).toBe(0);
    // One notice to each number that was enabled before the reset.
    const { rows } = await api.pg.query(`SELECT phone_number FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE' AND created_at >= $2 ORDER BY phone_number`, [a.accountId, new Date(before)]);
    expect(rows.map((x: { phone_number: string }) => x.phone_number)).toEqual([...a.numbers].sort());
    for (const n of a.numbers) expect((await api.lastSms(n))!.body).toContain('our support team turned off two-factor authentication');
    // And by e-mail, as every notice (the sealed data names the kind).
    const mails = (await api.pg.query(`SELECT id, data_sealed FROM email_message WHERE account_id = $1 AND template = 'SECURITY_NOTICE' AND created_at >= $2`, [a.accountId, new Date(before)])).rows;
    expect(mails.map((m: { id: string; data_sealed: string }) => JSON.parse(open(deriveKey(api.config.appSecret, 'email-data'), m.data_sealed, m.id)).notice?.kind)).toEqual(['TWO_FACTOR_RESET_BY_SUPPORT']);

    // Again: refused, nothing to reset.
    const again = await cli.run(['account', 'reset-2fa', a.email, '--reason', 'twice', '--yes']);
    expect(again).toMatchObject({ code: 1, err: `twofold: two-factor authentication is already off for ${a.email}: nothing was changed\n` });
  });

  it('sessions revoke ends every live session, says how many and records it', async () => {
    const a = await twoFactorAccount();
    const r = await cli.run(['sessions', 'revoke', a.email, '--reason', 'customer lost a laptop']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`3 session(s) ended for ${a.email} (${a.accountId}).\n`);
    for (const token of a.sessions) expect(await me(token)).toBeNull();
    const json = JSON.parse((await cli.run(['sessions', 'revoke', a.email, '--json'])).out);
    expect(json).toEqual({ accountId: a.accountId, email: a.email, sessionsEnded: 0 });
    const { rows } = await api.pg.query(`SELECT detail, user_agent FROM security_event WHERE account_id = $1 AND type = 'SESSION_REVOKED' ORDER BY created_at, id`, [a.accountId]);
    expect(rows.slice(-2)).toEqual([
      { detail: '3 session(s) ended by support (alice): customer lost a laptop', user_agent: 'twofold-cli (operator alice)' },
      { detail: '0 session(s) ended by support (alice)', user_agent: 'twofold-cli (operator alice)' },
    ]);
    // 2FA stays on.
    expect(JSON.parse((await cli.run(['account', 'show', a.email, '--json'])).out).twoFactor.enabled).toBe(true);
  });
});
