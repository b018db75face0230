import { totpCodeAt } from '@twofold/two-factor-domain';
import { errorCode, startApi, type TestApi } from './harness';
import { ADD, phone, signUp } from './journey';
import { challenge, enableWith } from './two-factor-helpers';

const START = `mutation { startTotpEnrollment { enrollmentId secret } }`;
const CONFIRM_TOTP = `mutation($input: ConfirmTotpMethodInput!) { confirmTotpMethod(input: $input) { methodId } }`;
const STATUS_FIELDS = `enabled defaultMethodId smsMethods { id status description isDefault } totpMethods { id description isDefault } backupCodes { remaining total }`;
const UPDATE = `mutation($input: UpdateTwoFactorMethodInput!) { updateTwoFactorMethod(input: $input) { ${STATUS_FIELDS} } }`;
const REMOVE = `mutation($id: ID!) { removeTwoFactorMethod(methodId: $id) { ${STATUS_FIELDS} } }`;
const DISABLE = `mutation { disableTwoFactor { ${STATUS_FIELDS} } }`;

/** Contract §7: rename, remove and turn off across every kind of method, each in sudo mode. */
describe('every kind of method: rename, remove, turn 2FA off', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000', SMS_NOTICES_PER_ACCOUNT_PER_HOUR: '1000' });
  });
  afterAll(() => api.close());

  /** An account with a number (default) and an authenticator app. */
  async function both() {
    const a = await signUp(api);
    const number = phone();
    const sms = await enableWith(api, a.token, number);
    const e = (await api.gql(START, {}, { token: a.token })).data!['startTotpEnrollment'];
    const totp = await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: totpCodeAt(e.secret, api.clock.now()), description: 'Phone app' } }, { token: a.token });
    return { ...a, number, smsId: sms.methodId, totpId: totp.data!['confirmTotpMethod'].methodId as string };
  }
  const events = async (accountId: string, type: string) => (await api.pg.query(`SELECT detail FROM security_event WHERE account_id = $1 AND type = $2 ORDER BY created_at`, [accountId, type])).rows.map((r: { detail: string }) => r.detail);
  const notices = async (number: string) => (await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE phone_number = $1 AND purpose = 'NOTICE'`, [number])).rows[0].n as number;

  it('renames a number and an app; NOT_FOUND for a pending number or another account’s method; sudo mode needed', async () => {
    const a = await both();
    const renamed = await api.gql(UPDATE, { input: { methodId: a.totpId, description: 'Tablet' } }, { token: a.token });
    expect(renamed.data!['updateTwoFactorMethod'].totpMethods[0].description).toBe('Tablet');
    const sms = await api.gql(UPDATE, { input: { methodId: a.smsId, description: '  Work  ' } }, { token: a.token });
    expect(sms.data!['updateTwoFactorMethod'].smsMethods[0].description).toBe('Work');
    expect(await events(a.accountId, 'TWO_FACTOR_METHOD_UPDATED')).toEqual(['authenticator app', expect.stringMatching(/^\+44/)]);
    expect(errorCode(await api.gql(UPDATE, { input: { methodId: a.totpId, description: 'x'.repeat(101) } }, { token: a.token }))).toBe('BAD_USER_INPUT');

    const pending = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token: a.token });
    expect(errorCode(await api.gql(UPDATE, { input: { methodId: pending.data!['addSmsMethod'].method.id, description: 'x' } }, { token: a.token }))).toBe('NOT_FOUND');
    const other = await signUp(api);
    expect(errorCode(await api.gql(UPDATE, { input: { methodId: a.totpId, description: 'x' } }, { token: other.token }))).toBe('NOT_FOUND');
    api.clock.advance(601);
    expect(errorCode(await api.gql(UPDATE, { input: { methodId: a.totpId, description: 'y' } }, { token: a.token }))).toBe('REAUTH_REQUIRED');
  });

  it('removes an app: the numbers are told; the default moves to the oldest remaining method; the last method turns 2FA off', async () => {
    const a = await both();
    // Make the app the default first, then remove it: the number becomes the default again.
    await api.gql(`mutation($id: ID!) { setDefaultTwoFactorMethod(methodId: $id) { enabled } }`, { id: a.totpId }, { token: a.token });
    const before = await notices(a.number);
    const removed = await api.gql(REMOVE, { id: a.totpId }, { token: a.token });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!['removeTwoFactorMethod']).toMatchObject({ enabled: true, defaultMethodId: a.smsId, totpMethods: [] });
    expect(await notices(a.number)).toBe(before + 1);
    expect((await api.lastSms(a.number))!.body).toBe('Twofold: a sign-in method was removed from your account. If this was not you, secure your account now.');
    expect(await events(a.accountId, 'TWO_FACTOR_METHOD_REMOVED')).toEqual(['authenticator app (Phone app)']);
    expect(errorCode(await api.gql(REMOVE, { id: a.totpId }, { token: a.token }))).toBe('NOT_FOUND');

    // The number through the generic removal too: the last method, 2FA off, codes gone.
    const last = await api.gql(REMOVE, { id: a.smsId }, { token: a.token });
    expect(last.data!['removeTwoFactorMethod']).toMatchObject({ enabled: false, defaultMethodId: null, backupCodes: { remaining: 0, total: 0 } });
  });

  it('an app alone: removing it turns 2FA off and deletes the emergency codes', async () => {
    const { token, accountId } = await signUp(api);
    const e = (await api.gql(START, {}, { token })).data!['startTotpEnrollment'];
    const id = (await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: totpCodeAt(e.secret, api.clock.now()) } }, { token })).data!['confirmTotpMethod'].methodId;
    const res = await api.gql(REMOVE, { id }, { token });
    expect(res.data!['removeTwoFactorMethod']).toMatchObject({ enabled: false, backupCodes: { total: 0 } });
    expect(await events(accountId, 'TWO_FACTOR_DISABLED')).toEqual(['last method removed']);
  });

  it('disableTwoFactor removes every method (pending numbers and enrollments too) and the emergency codes, and tells the numbers it removes', async () => {
    const a = await both();
    await api.gql(ADD, { input: { phoneNumber: phone() } }, { token: a.token });
    await api.gql(START, {}, { token: a.token });
    const before = await notices(a.number);
    const res = await api.gql(DISABLE, {}, { token: a.token });
    expect(res.errors).toBeUndefined();
    expect(res.data!['disableTwoFactor']).toEqual({ enabled: false, defaultMethodId: null, smsMethods: [], totpMethods: [], backupCodes: { remaining: 0, total: 0 } });
    for (const table of ['sms_method', 'totp_method', 'totp_enrollment', 'backup_code']) {
      expect((await api.pg.query(`SELECT count(*)::int AS n FROM ${table} WHERE account_id = $1`, [a.accountId])).rows[0].n).toBe(0);
    }
    expect(await notices(a.number)).toBe(before + 1);
    expect((await api.lastSms(a.number))!.body).toBe('Twofold: two-factor authentication was turned off. If this was not you, secure your account now.');
    expect(await events(a.accountId, 'TWO_FACTOR_DISABLED')).toEqual(['turned off: 2 method(s) removed']);
    // The password alone signs in again.
    const login = await api.gql(`mutation($input: LoginInput!) { login(input: $input) { __typename } }`, { input: { email: a.email, password: 'correct horse battery staple' } });
    expect(login.data!['login'].__typename).toBe('Session');
    // Nothing left: a second call changes nothing and tells nobody.
    expect((await api.gql(DISABLE, {}, { token: a.token })).data!['disableTwoFactor'].enabled).toBe(false);
    expect(await notices(a.number)).toBe(before + 1);
  });

  it('disableTwoFactor needs sudo mode and is one per request', async () => {
    const a = await both();
    expect(errorCode(await api.gql(`mutation { a: disableTwoFactor { enabled } b: disableTwoFactor { enabled } }`, {}, { token: a.token }))).toBe('BAD_USER_INPUT');
    api.clock.advance(601);
    expect(errorCode(await api.gql(DISABLE, {}, { token: a.token }))).toBe('REAUTH_REQUIRED');
    expect((await challenge(api, a.email)).methods.length).toBe(3);
  });
});
