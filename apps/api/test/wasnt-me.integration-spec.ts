import { createHash } from 'node:crypto';
import { deriveKey, open, type EmailTemplateData } from '@twofold/sms-queue';
import { MaintenanceService } from '../src/maintenance/maintenance.service';
import { errorCode, startApi, type TestApi } from './harness';
import { enableNumber, EVENTS, LOGIN, ME, signUp } from './journey';
import { challenge, sendLoginCode } from './two-factor-helpers';

const REPORT = `mutation($input: ReportUnrecognizedActivityInput!) { reportUnrecognizedActivity(input: $input) { sessionsEnded devicesForgotten mustChangePassword } }`;
const COMPLETE_SMS = `mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token trustedDeviceToken } }`;
const UA = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' };

/**
 * Issue 13 part 3, "This wasn't me": the link of a notice e-mail, used once, ends every session
 * and remembered device of the account and records ACTIVITY_REPORTED. One error code
 * (BAD_USER_INPUT) for an unknown, used or expired link.
 */
describe('reportUnrecognizedActivity', () => {
  let api: TestApi;
  let dataKey: Buffer;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000', SMS_NOTICES_PER_ACCOUNT_PER_HOUR: '1000', EMAIL_NOTICES_PER_ACCOUNT_PER_HOUR: '1000' });
    dataKey = deriveKey(api.config.appSecret, 'email-data');
  });
  afterAll(() => api.close());

  /** An account with one number, a second full session on a remembered device, and the token of that notice's e-mail. */
  async function accountWithNotice() {
    const a = await signUp(api);
    const { methodId, number } = await enableNumber(api, a.token);
    const c = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, c.ticket, methodId, number);
    const done = await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId, code, rememberDevice: true } }, { headers: UA });
    if (!done.data) throw new Error(JSON.stringify(done.errors));
    const { rows } = await api.pg.query(`SELECT id, data_sealed FROM email_message WHERE account_id = $1 AND template = 'SECURITY_NOTICE' ORDER BY created_at DESC LIMIT 1`, [a.accountId]);
    const data = JSON.parse(open(dataKey, rows[0].data_sealed, rows[0].id)) as EmailTemplateData;
    expect(data.notice?.kind).toBe('DEVICE_REMEMBERED');
    return { ...a, second: done.data['completeLoginWithSms'].token as string, deviceToken: done.data['completeLoginWithSms'].trustedDeviceToken as string, alert: data.token! };
  }

  const me = async (token: string) => (await api.gql(ME, {}, { token })).data?.['me'] ?? null;

  it('ends every session and remembered device, records the event, and asks for a new password; then the link is spent', async () => {
    const a = await accountWithNotice();
    expect(await me(a.token)).not.toBeNull();
    const res = await api.gql(REPORT, { input: { token: a.alert } }, { headers: { 'user-agent': 'Mailbox browser' } });
    expect(res.data).toEqual({ reportUnrecognizedActivity: { sessionsEnded: 2, devicesForgotten: 1, mustChangePassword: true } });
    // Both sessions are gone, and the remembered device no longer skips the second factor.
    for (const t of [a.token, a.second]) expect(await me(t)).toBeNull();
    const login = await api.gql(LOGIN, { input: { email: a.email, password: 'correct horse battery staple', trustedDeviceToken: a.deviceToken } }, { headers: UA });
    expect(login.data!['login'].__typename).toBe('TwoFactorChallenge');
    const events = await api.pg.query(`SELECT type, detail, user_agent FROM security_event WHERE account_id = $1 AND type IN ('ACTIVITY_REPORTED', 'TRUSTED_DEVICE_REMOVED') ORDER BY created_at, id`, [a.accountId]);
    expect(events.rows).toEqual([
      { type: 'TRUSTED_DEVICE_REMOVED', detail: '1 remembered device(s) forgotten: activity reported', user_agent: 'Mailbox browser' },
      { type: 'ACTIVITY_REPORTED', detail: `"This wasn't me" on a DEVICE_REMEMBERED notice: 2 session(s) ended, 1 remembered device(s) forgotten`, user_agent: 'Mailbox browser' },
    ]);
    // The customer sees it in the activity list once signed in again.
    const session = await signIn(a.email, a.accountId);
    const listed = await api.gql(EVENTS, { first: 10 }, { token: session });
    expect(listed.data!['securityEvents'].nodes.map((n: { type: string }) => n.type)).toContain('ACTIVITY_REPORTED');
    // Single use.
    const again = await api.gql(REPORT, { input: { token: a.alert } });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].extensions!['fields']).toEqual({ token: 'Not valid, expired or already used.' });
    expect(await me(session)).not.toBeNull();
  });

  /** A fresh full session after the report (password, then the SMS code). */
  async function signIn(email: string, accountId: string): Promise<string> {
    const method = (await api.pg.query(`SELECT id, phone_number FROM sms_method WHERE account_id = $1`, [accountId])).rows[0];
    const c = await challenge(api, email);
    const { code } = await sendLoginCode(api, c.ticket, method.id, method.phone_number);
    const done = await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: method.id, code } });
    return done.data!['completeLoginWithSms'].token as string;
  }

  it('stores only the SHA-256 of the token; the token is in clear in no row', async () => {
    const a = await accountWithNotice();
    const row = await api.pg.query(`SELECT token_hash, used_at, expires_at, created_at FROM security_alert_token WHERE account_id = $1 AND kind = 'DEVICE_REMEMBERED'`, [a.accountId]);
    expect(row.rows).toHaveLength(1);
    expect(Buffer.compare(row.rows[0].token_hash, createHash('sha256').update(a.alert).digest())).toBe(0);
    expect(row.rows[0].expires_at.getTime() - row.rows[0].created_at.getTime()).toBe(604800 * 1000);
    const dump = (await api.pg.query(`SELECT (SELECT json_agg(t) FROM email_message t)::text || (SELECT json_agg(t) FROM security_alert_token t)::text || (SELECT json_agg(t) FROM security_event t)::text AS j`)).rows[0].j as string;
    expect(dump).not.toContain(a.alert);
    expect(dump).not.toContain(Buffer.from(a.alert).toString('hex'));
  });

  it('an unknown, malformed or expired link answers BAD_USER_INPUT and ends nothing', async () => {
    const a = await accountWithNotice();
    const wrong = a.alert.slice(0, -2) + (a.alert.endsWith('AA') ? 'BB' : 'AA');
    for (const token of [wrong, 'short', '', a.alert + 'x']) expect(errorCode(await api.gql(REPORT, { input: { token } }))).toBe('BAD_USER_INPUT');
    api.clock.advance(604801);
    expect(errorCode(await api.gql(REPORT, { input: { token: a.alert } }))).toBe('BAD_USER_INPUT');
    const live = await api.pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1 AND revoked_at IS NULL`, [a.accountId]);
    expect(live.rows[0].n).toBe(2);
    const reported = await api.pg.query(`SELECT count(*)::int AS n FROM security_event WHERE account_id = $1 AND type = 'ACTIVITY_REPORTED'`, [a.accountId]);
    expect(reported.rows[0].n).toBe(0);
    // Maintenance removes the links past their expiry.
    await api.app.get(MaintenanceService).runOnce();
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM security_alert_token WHERE account_id = $1`, [a.accountId])).rows[0].n).toBe(0);
  });

  it('used 10 times at once: exactly one success, one event', async () => {
    const a = await accountWithNotice();
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.gql(REPORT, { input: { token: a.alert } })));
    expect(answers.filter((r) => r.data?.['reportUnrecognizedActivity']?.mustChangePassword === true)).toHaveLength(1);
    expect(answers.filter((r) => errorCode(r) === 'BAD_USER_INPUT')).toHaveLength(9);
    const reported = await api.pg.query(`SELECT count(*)::int AS n FROM security_event WHERE account_id = $1 AND type = 'ACTIVITY_REPORTED'`, [a.accountId]);
    expect(reported.rows[0].n).toBe(1);
  });

  it('one link per request: aliases are refused before anything runs', async () => {
    const a = await accountWithNotice();
    const res = await api.gql(`mutation($input: ReportUnrecognizedActivityInput!) { a: reportUnrecognizedActivity(input: $input) { sessionsEnded } b: reportUnrecognizedActivity(input: $input) { sessionsEnded } }`, { input: { token: a.alert } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect((await api.gql(REPORT, { input: { token: a.alert } })).data!['reportUnrecognizedActivity'].sessionsEnded).toBe(2);
  });

  it('needs no session, and a session of another account changes nothing', async () => {
    const a = await accountWithNotice();
    const other = await signUp(api);
    const res = await api.gql(REPORT, { input: { token: a.alert } }, { token: other.token });
    expect(res.data!['reportUnrecognizedActivity'].sessionsEnded).toBe(2);
    expect(await me(other.token)).not.toBeNull();
  });
});
