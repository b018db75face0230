import { deriveKey, open, type EmailTemplateData } from '@twofold/sms-queue';
import { errorCode, startApi, type TestApi } from './harness';
import { enableNumber, signUp } from './journey';
import { challenge, sendLoginCode } from './two-factor-helpers';

const DELAY = 3600;
const START = `mutation($input: StartAccountRecoveryInput!) { startAccountRecovery(input: $input) }`;
const CONFIRM = `mutation($input: ConfirmAccountRecoveryInput!) { confirmAccountRecovery(input: $input) { readyAt } }`;
const COMPLETE = `mutation($input: CompleteAccountRecoveryInput!) { completeAccountRecovery(input: $input) { token } }`;
const STATE = `query($token: String!) { accountRecovery(token: $token) { status readyAt delaySeconds locale } }`;
const REPORT = `mutation($input: ReportUnrecognizedActivityInput!) { reportUnrecognizedActivity(input: $input) { recoveryCancelled } }`;
const COMPLETE_SMS = `mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token } }`;

/**
 * The `accountRecovery(token)` query behind the web app's /recover page (issue 13 part 7): it reads
 * where the link's recovery stands on every visit, never spends the link or changes a row, and
 * answers an unknown link as confirmAccountRecovery does.
 */
describe('accountRecovery(token): the recovery link read without spending it', () => {
  let api: TestApi;
  let dataKey: Buffer;
  beforeAll(async () => {
    api = await startApi({ RECOVERY_DELAY_SECONDS: String(DELAY), SMS_LIMIT_PER_IP_PER_HOUR: '1000', EMAIL_PER_ACCOUNT_PER_HOUR: '100', EMAIL_PER_IP_PER_HOUR: '100' });
    dataKey = deriveKey(api.config.appSecret, 'email-data');
  });
  afterAll(() => api.close());

  async function lastMail(accountId: string, template: string): Promise<EmailTemplateData> {
    const { rows } = await api.pg.query(`SELECT id, data_sealed FROM email_message WHERE account_id = $1 AND template = $2 ORDER BY created_at DESC, id DESC LIMIT 1`, [accountId, template]);
    if (!rows[0]) throw new Error(`no ${template} e-mail`);
    return JSON.parse(open(dataKey, rows[0].data_sealed, rows[0].id)) as EmailTemplateData;
  }

  /** A verified account with one number and a recovery link e-mailed (not confirmed). */
  async function requested(locale: 'en' | 'fr' = 'en') {
    const a = await signUp(api);
    if (locale !== 'en') expect((await api.gql(`mutation($l: String!) { updateAccount(input: { locale: $l }) { locale } }`, { l: locale }, { token: a.token })).errors).toBeUndefined();
    const v = await lastMail(a.accountId, 'VERIFY_EMAIL');
    expect((await api.gql(`mutation($t: String!) { verifyEmail(token: $t) }`, { t: v.token })).errors).toBeUndefined();
    const { methodId, number } = await enableNumber(api, a.token);
    expect((await api.gql(START, { input: { ticket: (await challenge(api, a.email)).ticket } })).data).toEqual({ startAccountRecovery: true });
    return { ...a, methodId, number, link: (await lastMail(a.accountId, 'ACCOUNT_RECOVERY')).token! };
  }
  const state = async (token: string) => {
    const res = await api.gql(STATE, { token });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data['accountRecovery'] as { status: string; readyAt: string | null; delaySeconds: number; locale: string };
  };
  const row = async (accountId: string) => (await api.pg.query(`SELECT status, confirmed_at, ready_at, ended_at FROM account_recovery WHERE account_id = $1`, [accountId])).rows;

  it('follows one recovery from REQUESTED through WAITING and READY to COMPLETED, and reading changes nothing', async () => {
    const a = await requested();
    expect(await state(a.link)).toEqual({ status: 'REQUESTED', readyAt: null, delaySeconds: DELAY, locale: 'en' });
    const before = await row(a.accountId);
    await state(a.link);
    expect(await row(a.accountId)).toEqual(before);
    // Read twice, the link still confirms: the query spends nothing.
    const readyAt = (await api.gql(CONFIRM, { input: { token: a.link } })).data!['confirmAccountRecovery'].readyAt as string;
    expect(await state(a.link)).toEqual({ status: 'WAITING', readyAt, delaySeconds: DELAY, locale: 'en' });
    api.clock.advance(DELAY - 5);
    expect((await state(a.link)).status).toBe('WAITING');
    api.clock.advance(6);
    expect(await state(a.link)).toEqual({ status: 'READY', readyAt, delaySeconds: DELAY, locale: 'en' });
    const done = await api.gql(COMPLETE, { input: { ticket: (await challenge(api, a.email)).ticket, token: a.link } });
    expect(done.errors).toBeUndefined();
    expect((await state(a.link)).status).toBe('COMPLETED');
  });

  it('reads CANCELLED as soon as a second factor succeeds during the wait, without writing it; complete then records it', async () => {
    const a = await requested();
    await api.gql(CONFIRM, { input: { token: a.link } });
    api.clock.advance(60);
    expect((await state(a.link)).status).toBe('WAITING');
    const c = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    expect((await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code } })).errors).toBeUndefined();
    expect((await state(a.link)).status).toBe('CANCELLED');
    expect((await row(a.accountId))[0].status).toBe('WAITING');
    api.clock.advance(DELAY + 1);
    // Past readyAt it stays CANCELLED (never READY), and the completion refuses and records it.
    expect((await state(a.link)).status).toBe('CANCELLED');
    expect(errorCode(await api.gql(COMPLETE, { input: { ticket: (await challenge(api, a.email)).ticket, token: a.link } }))).toBe('BAD_USER_INPUT');
    expect((await row(a.accountId))[0].status).toBe('CANCELLED');
    expect((await state(a.link)).status).toBe('CANCELLED');
  });

  it('reads CANCELLED after "This wasn\'t me", and speaks the account\'s language', async () => {
    const a = await requested('fr');
    await api.gql(CONFIRM, { input: { token: a.link } });
    expect((await state(a.link)).locale).toBe('fr');
    const alert = (await lastMail(a.accountId, 'SECURITY_NOTICE')).token;
    expect((await api.gql(REPORT, { input: { token: alert } })).data).toEqual({ reportUnrecognizedActivity: { recoveryCancelled: true } });
    expect(await state(a.link)).toMatchObject({ status: 'CANCELLED', locale: 'fr' });
  });

  it('reads EXPIRED for a link not confirmed in time and for a recovery not completed within 7 days of readyAt', async () => {
    const late = await requested();
    api.clock.advance(3601); // RECOVERY_LINK_TTL_SECONDS
    expect((await state(late.link)).status).toBe('EXPIRED');
    expect(errorCode(await api.gql(CONFIRM, { input: { token: late.link } }))).toBe('BAD_USER_INPUT');

    const slow = await requested();
    await api.gql(CONFIRM, { input: { token: slow.link } });
    api.clock.advance(DELAY + 7 * 86400 - 5);
    expect((await state(slow.link)).status).toBe('READY');
    api.clock.advance(6);
    expect((await state(slow.link)).status).toBe('EXPIRED');
  });

  it('answers an unknown, malformed or other kind of link with the one BAD_USER_INPUT of confirm', async () => {
    const a = await requested();
    const verifyToken = (await lastMail(a.accountId, 'VERIFY_EMAIL')).token!;
    for (const token of ['A'.repeat(43), 'short', '', verifyToken]) {
      const res = await api.gql(STATE, { token });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toBe('This recovery link is not valid, has expired or was already used.');
    }
  });
});
