import { createHash } from 'node:crypto';
import { deriveKey, open, type EmailTemplateData } from '@twofold/sms-queue';
import { MaintenanceService } from '../src/maintenance/maintenance.service';
import { errorCode, startApi, type TestApi } from './harness';
import { enableNumber, ME, REMOVE, signUp } from './journey';
import { challenge, sendLoginCode } from './two-factor-helpers';

const DELAY = 3600;
const START = `mutation($input: StartAccountRecoveryInput!) { startAccountRecovery(input: $input) }`;
const CONFIRM = `mutation($input: ConfirmAccountRecoveryInput!) { confirmAccountRecovery(input: $input) { readyAt } }`;
const COMPLETE = `mutation($input: CompleteAccountRecoveryInput!) { completeAccountRecovery(input: $input) { token account { id } } }`;
const REPORT = `mutation($input: ReportUnrecognizedActivityInput!) { reportUnrecognizedActivity(input: $input) { recoveryCancelled } }`;
const COMPLETE_SMS = `mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token } }`;

/**
 * Issue 13 part 5, lost every factor: password step → e-mailed link → its first use starts
 * RECOVERY_DELAY_SECONDS (told to every number and the address) → after it, a fresh password step
 * plus the same link turn 2FA off and sign in. A second factor or "This wasn't me" cancels it.
 */
describe('lost-phone recovery', () => {
  let api: TestApi;
  let dataKey: Buffer;
  beforeAll(async () => {
    api = await startApi({ RECOVERY_DELAY_SECONDS: String(DELAY), SMS_LIMIT_PER_IP_PER_HOUR: '1000', EMAIL_PER_ACCOUNT_PER_HOUR: '100' });
    dataKey = deriveKey(api.config.appSecret, 'email-data');
  });
  afterAll(() => api.close());

  /** The newest e-mail of a template for the account, opened as the worker would. */
  async function lastMail(accountId: string, template: string): Promise<EmailTemplateData> {
    const { rows } = await api.pg.query(`SELECT id, data_sealed FROM email_message WHERE account_id = $1 AND template = $2 ORDER BY created_at DESC, id DESC LIMIT 1`, [accountId, template]);
    if (!rows[0]) throw new Error(`no ${template} e-mail`);
    return JSON.parse(open(dataKey, rows[0].data_sealed, rows[0].id)) as EmailTemplateData;
  }

  /** 2FA on with one number, the address verified (or not). */
  async function account(verified = true) {
    const a = await signUp(api);
    if (verified) {
      const v = await lastMail(a.accountId, 'VERIFY_EMAIL');
      expect((await api.gql(`mutation($t: String!) { verifyEmail(token: $t) }`, { t: v.token })).data).toEqual({ verifyEmail: true });
    }
    const { methodId, number } = await enableNumber(api, a.token);
    return { ...a, methodId, number };
  }
  const ticketOf = async (email: string) => (await challenge(api, email)).ticket;
  const events = async (accountId: string) =>
    (await api.pg.query(`SELECT type, detail FROM security_event WHERE account_id = $1 AND type LIKE 'RECOVERY_%' ORDER BY created_at, id`, [accountId])).rows as { type: string; detail: string }[];
  /** start + the link from the e-mail + its confirmation. */
  async function started(a: { email: string; accountId: string }) {
    expect((await api.gql(START, { input: { ticket: await ticketOf(a.email) } })).data).toEqual({ startAccountRecovery: true });
    const link = (await lastMail(a.accountId, 'ACCOUNT_RECOVERY')).token!;
    const confirmed = await api.gql(CONFIRM, { input: { token: link } });
    expect(confirmed.errors).toBeUndefined();
    return { link, readyAt: new Date(confirmed.data!['confirmAccountRecovery'].readyAt as string) };
  }

  it('e-mails a link, waits RECOVERY_DELAY_SECONDS after its confirmation (told to the number and the address), then the password plus the link turn 2FA off and sign in', async () => {
    const a = await account();
    const before = api.clock.now().getTime();
    const { link, readyAt } = await started(a);
    expect(readyAt.getTime() - before).toBeGreaterThanOrEqual(DELAY * 1000);
    expect(readyAt.getTime() - before).toBeLessThan(DELAY * 1000 + 5000);
    // Only the SHA-256 of the link is stored.
    const row = await api.pg.query(`SELECT status, token_hash FROM account_recovery WHERE account_id = $1`, [a.accountId]);
    expect(row.rows).toHaveLength(1);
    expect(row.rows[0].status).toBe('WAITING');
    expect(Buffer.compare(row.rows[0].token_hash, createHash('sha256').update(link).digest())).toBe(0);
    // The number and the address are told.
    expect((await api.lastSms(a.number))?.body).toBe('Twofold: someone used your password to start removing 2FA from your account. Sign in with your phone to cancel it.');
    expect((await lastMail(a.accountId, 'SECURITY_NOTICE')).notice?.kind).toBe('RECOVERY_STARTED');
    // The link is confirmed once.
    expect(errorCode(await api.gql(CONFIRM, { input: { token: link } }))).toBe('BAD_USER_INPUT');

    // Before the end of the wait: refused, nothing changes.
    const early = await api.gql(COMPLETE, { input: { ticket: await ticketOf(a.email), token: link } });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].message).toMatch(/^The waiting period is not over: come back after /);
    api.clock.advance(DELAY + 1);
    const done = await api.gql(COMPLETE, { input: { ticket: await ticketOf(a.email), token: link } });
    expect(done.errors).toBeUndefined();
    const session = done.data!['completeAccountRecovery'].token as string;
    const me = (await api.gql(ME, {}, { token: session })).data!['me'];
    expect(me.twoFactor).toMatchObject({ enabled: false, smsMethods: [] });
    expect(me.twoFactor.backupCodes.active).toBe(false);
    expect((await api.pg.query(`SELECT status FROM account_recovery WHERE account_id = $1`, [a.accountId])).rows[0].status).toBe('COMPLETED');
    expect((await events(a.accountId)).map((e) => e.type)).toEqual(['RECOVERY_REQUESTED', 'RECOVERY_STARTED', 'RECOVERY_COMPLETED']);
    expect((await api.lastSms(a.number))?.body).toBe('Twofold: two-factor authentication was turned off. If this was not you, secure your account now.');
    expect((await lastMail(a.accountId, 'SECURITY_NOTICE')).notice?.kind).toBe('TWO_FACTOR_DISABLED');
    // The link is spent; the password alone now signs in.
    expect(errorCode(await api.gql(COMPLETE, { input: { ticket: 'A'.repeat(43), token: link } }))).toBe('TICKET_EXPIRED');
    const login = await api.gql(`mutation($input: LoginInput!) { login(input: $input) { __typename } }`, { input: { email: a.email, password: 'correct horse battery staple' } });
    expect(login.data!['login'].__typename).toBe('Session');
  });

  it('a second factor used during the wait cancels the recovery for good', async () => {
    const a = await account();
    const { link } = await started(a);
    api.clock.advance(60);
    const c = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    expect((await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code } })).errors).toBeUndefined();
    api.clock.advance(DELAY + 1);
    const res = await api.gql(COMPLETE, { input: { ticket: await ticketOf(a.email), token: link } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/cancelled: a second factor/);
    expect((await api.pg.query(`SELECT status FROM account_recovery WHERE account_id = $1`, [a.accountId])).rows[0].status).toBe('CANCELLED');
    expect(errorCode(await api.gql(COMPLETE, { input: { ticket: await ticketOf(a.email), token: link } }))).toBe('BAD_USER_INPUT');
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM sms_method WHERE account_id = $1`, [a.accountId])).rows[0].n).toBe(1);
    expect((await events(a.accountId)).map((e) => e.type)).toEqual(['RECOVERY_REQUESTED', 'RECOVERY_STARTED', 'RECOVERY_CANCELLED']);
  });

  it('a second factor used during the wait still cancels it after that method is removed', async () => {
    const a = await account();
    const { link } = await started(a);
    api.clock.advance(60);
    // The owner signs in with the number, adds another and removes the first: its last use goes with it.
    const c = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    const session = (await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code } })).data!['completeLoginWithSms'].token as string;
    await enableNumber(api, session);
    expect((await api.gql(REMOVE, { id: a.methodId }, { token: session })).errors).toBeUndefined();
    api.clock.advance(DELAY + 1);
    const res = await api.gql(COMPLETE, { input: { ticket: await ticketOf(a.email), token: link } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/cancelled: a second factor/);
    expect((await api.pg.query(`SELECT status FROM account_recovery WHERE account_id = $1`, [a.accountId])).rows[0].status).toBe('CANCELLED');
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM sms_method WHERE account_id = $1`, [a.accountId])).rows[0].n).toBe(1); // the number added
  });

  it('"This wasn\'t me" on the notice e-mail cancels it', async () => {
    const a = await account();
    const { link } = await started(a);
    const alert = (await lastMail(a.accountId, 'SECURITY_NOTICE')).token;
    expect((await api.gql(REPORT, { input: { token: alert } })).data).toEqual({ reportUnrecognizedActivity: { recoveryCancelled: true } });
    api.clock.advance(DELAY + 1);
    expect(errorCode(await api.gql(COMPLETE, { input: { ticket: await ticketOf(a.email), token: link } }))).toBe('BAD_USER_INPUT');
    expect(await events(a.accountId)).toEqual([
      { type: 'RECOVERY_REQUESTED', detail: 'recovery link e-mailed' },
      { type: 'RECOVERY_STARTED', detail: expect.stringMatching(/^2FA removable from \d{4}-/) },
      { type: 'RECOVERY_CANCELLED', detail: `"This wasn't me" reported` },
    ]);
  });

  it('needs a confirmed address, a live password step, a link confirmed in time, and the same account', async () => {
    const unverified = await account(false);
    expect(errorCode(await api.gql(START, { input: { ticket: await ticketOf(unverified.email) } }))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(START, { input: { ticket: 'B'.repeat(43) } }))).toBe('TICKET_EXPIRED');

    const a = await account();
    expect((await api.gql(START, { input: { ticket: await ticketOf(a.email) } })).data).toEqual({ startAccountRecovery: true });
    const late = (await lastMail(a.accountId, 'ACCOUNT_RECOVERY')).token!;
    api.clock.advance(3601); // RECOVERY_LINK_TTL_SECONDS
    expect(errorCode(await api.gql(CONFIRM, { input: { token: late } }))).toBe('BAD_USER_INPUT');

    // Concurrent first uses of one link: exactly one confirms.
    expect((await api.gql(START, { input: { ticket: await ticketOf(a.email) } })).data).toEqual({ startAccountRecovery: true });
    const racing = (await lastMail(a.accountId, 'ACCOUNT_RECOVERY')).token!;
    const confirms = await Promise.all(Array.from({ length: 6 }, () => api.gql(CONFIRM, { input: { token: racing } })));
    expect(confirms.filter((r) => r.data?.['confirmAccountRecovery'])).toHaveLength(1);
    expect(confirms.filter((r) => errorCode(r) === 'BAD_USER_INPUT')).toHaveLength(5);
    const link = racing;
    const other = await account();
    api.clock.advance(DELAY + 1);
    expect(errorCode(await api.gql(COMPLETE, { input: { ticket: await ticketOf(other.email), token: link } }))).toBe('BAD_USER_INPUT');
    // A second request while one waits sends nothing more.
    const mails = async () => (await api.pg.query(`SELECT count(*)::int AS n FROM email_message WHERE account_id = $1 AND template = 'ACCOUNT_RECOVERY'`, [a.accountId])).rows[0].n as number;
    const n = await mails();
    expect((await api.gql(START, { input: { ticket: await ticketOf(a.email) } })).data).toEqual({ startAccountRecovery: true });
    expect(await mails()).toBe(n);
    // Concurrent completions: exactly one signs in.
    const tickets = await Promise.all(Array.from({ length: 5 }, () => ticketOf(a.email)));
    const answers = await Promise.all(tickets.map((ticket) => api.gql(COMPLETE, { input: { ticket, token: link } })));
    expect(answers.filter((r) => r.data?.['completeAccountRecovery'])).toHaveLength(1);
    // Maintenance removes recoveries past their expiry (7 days after readyAt), whatever their state.
    const rows = async () => (await api.pg.query(`SELECT count(*)::int AS n FROM account_recovery WHERE account_id = $1`, [a.accountId])).rows[0].n as number;
    await api.app.get(MaintenanceService).runOnce();
    expect(await rows()).toBeGreaterThan(0);
    api.clock.advance(7 * 86400 + 1);
    await api.app.get(MaintenanceService).runOnce();
    expect(await rows()).toBe(0);
  });
});
