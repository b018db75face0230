import { createHash } from 'node:crypto';
import { totpCodeAt } from '@twofold/two-factor-domain';
import { errorCode, startApi, type TestApi } from './harness';
import { enableNumber, LOGIN, PASSWORD, phone, signUp } from './journey';
import { challenge, sendLoginCode } from './two-factor-helpers';

const TTL = 3600;
const SESSION = 'token expiresAt trustedDeviceToken account { id }';
const COMPLETE_SMS = `mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { ${SESSION} } }`;
const COMPLETE_TOTP = `mutation($input: CompleteLoginWithTotpInput!) { completeLoginWithTotp(input: $input) { ${SESSION} } }`;
const COMPLETE_BACKUP = `mutation($input: CompleteLoginWithBackupCodeInput!) { completeLoginWithBackupCode(input: $input) { ${SESSION} } }`;
const DEVICES = `{ trustedDevices { id createdAt lastUsedAt expiresAt ipAddress userAgent } }`;
const FORGET = `mutation($id: ID!) { forgetTrustedDevice(id: $id) { id } }`;
const FORGET_ALL = `mutation { forgetAllTrustedDevices { id } }`;
const SESSIONS = `{ sessions { id current secondFactor } }`;
const START_TOTP = `mutation { startTotpEnrollment { enrollmentId secret } }`;
const CONFIRM_TOTP = `mutation($input: ConfirmTotpMethodInput!) { confirmTotpMethod(input: $input) { methodId } }`;
const UA = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' };

/** Contract §7, remembered devices: made by a second factor, used by the password step, forgotten on the listed changes. */
describe('remembered devices', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ TRUSTED_DEVICE_TTL_SECONDS: String(TTL), SMS_LIMIT_PER_IP_PER_HOUR: '1000', SMS_NOTICES_PER_ACCOUNT_PER_HOUR: '1000', LOGIN_FAILURE_LIMIT: '1000' });
  });
  afterAll(() => api.close());

  /** An account with one number and 2FA on; `token` is a full session (sudo window open). */
  async function account() {
    const a = await signUp(api);
    const { methodId, number, backupCodes } = await enableNumber(api, a.token);
    return { ...a, methodId, number, backupCodes: backupCodes! };
  }

  /** Password then SMS code, remembering the device; answers the session and the device token. */
  async function rememberedLogin(a: { email: string; methodId: string; number: string }) {
    const c = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    const res = await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code, rememberDevice: true } }, { headers: UA });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data['completeLoginWithSms'] as { token: string; trustedDeviceToken: string | null };
  }

  const passwordStep = (email: string, trustedDeviceToken: string | null, password = PASSWORD) => api.gql(LOGIN, { input: { email, password, trustedDeviceToken } }, { headers: UA });
  const kindOf = async (email: string, deviceToken: string) => (await passwordStep(email, deviceToken)).data?.['login'].__typename as string | undefined;
  const events = async (accountId: string, type: string) => (await api.pg.query(`SELECT detail FROM security_event WHERE account_id = $1 AND type = $2 ORDER BY created_at, id`, [accountId, type])).rows.map((r: { detail: string }) => r.detail);

  it('a second factor with rememberDevice returns a token that skips the second factor; it is stored only as a hash', async () => {
    const a = await account();
    const { token, trustedDeviceToken } = await rememberedLogin(a);
    expect(trustedDeviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const login = await passwordStep(a.email, trustedDeviceToken);
    expect(login.errors).toBeUndefined();
    expect(login.data!['login'].__typename).toBe('Session');
    const session = login.data!['login'].token as string;
    // The new session counts as having passed a second factor: it may open the Security page's sensitive parts.
    const listed = (await api.gql(SESSIONS, {}, { token: session })).data!['sessions'] as { current: boolean; secondFactor: boolean }[];
    expect(listed.find((s) => s.current)).toMatchObject({ secondFactor: true });
    expect((await api.gql(`{ me { twoFactor { enabled } } }`, {}, { token: session })).data!['me'].twoFactor.enabled).toBe(true);

    const devices = (await api.gql(DEVICES, {}, { token })).data!['trustedDevices'];
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ userAgent: UA['user-agent'], ipAddress: expect.any(String) });
    expect(new Date(devices[0].expiresAt).getTime() - new Date(devices[0].createdAt).getTime()).toBe(TTL * 1000);
    expect(devices[0].lastUsedAt).not.toBeNull();

    const { rows } = await api.pg.query(`SELECT to_jsonb(t)::text AS j, token_hash FROM trusted_device t WHERE account_id = $1`, [a.accountId]);
    expect(rows[0].j).not.toContain(trustedDeviceToken);
    expect(Buffer.compare(rows[0].token_hash, createHash('sha256').update(trustedDeviceToken!).digest())).toBe(0);
    expect(await events(a.accountId, 'TRUSTED_DEVICE_ADDED')).toHaveLength(1);
    expect(await events(a.accountId, 'LOGIN_SUCCEEDED')).toContain('password and remembered device');
    // The account's numbers are told (contract §7: notices for remembering a device).
    expect((await api.lastSms(a.number))!.body).toBe('Twofold: a device was remembered and will skip the second sign-in step. If this was not you, secure your account now.');
  });

  it('a wrong password with a live token still fails and counts; a foreign, expired, malformed or missing token gives the challenge', async () => {
    const a = await account();
    const { trustedDeviceToken } = await rememberedLogin(a);
    const failuresBefore = (await events(a.accountId, 'LOGIN_FAILED')).length;
    expect(errorCode(await passwordStep(a.email, trustedDeviceToken, 'not the password at all'))).toBe('INVALID_CREDENTIALS');
    expect(await events(a.accountId, 'LOGIN_FAILED')).toHaveLength(failuresBefore + 1);

    const b = await account();
    expect(await kindOf(b.email, trustedDeviceToken!)).toBe('TwoFactorChallenge');
    expect(await kindOf(a.email, 'x'.repeat(43))).toBe('TwoFactorChallenge');
    expect(await kindOf(a.email, 'garbage')).toBe('TwoFactorChallenge');
    expect((await passwordStep(a.email, null)).data!['login'].__typename).toBe('TwoFactorChallenge');
    expect(await kindOf(a.email, trustedDeviceToken!)).toBe('Session');

    api.clock.advance(TTL + 1);
    expect(await kindOf(a.email, trustedDeviceToken!)).toBe('TwoFactorChallenge');
    // The expired device is no longer listed.
    const fresh = await rememberedLogin(a);
    expect((await api.gql(DEVICES, {}, { token: fresh.token })).data!['trustedDevices']).toHaveLength(1);
  });

  it('an authenticator app and an emergency code can remember the device too', async () => {
    const a = await account();
    const e = (await api.gql(START_TOTP, {}, { token: a.token })).data!['startTotpEnrollment'];
    const app = await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: totpCodeAt(e.secret, api.clock.now()) } }, { token: a.token });
    const totpId = app.data!['confirmTotpMethod'].methodId as string;
    api.clock.advance(30);
    const c1 = await challenge(api, a.email);
    const viaApp = await api.gql(COMPLETE_TOTP, { input: { ticket: c1.ticket, methodId: totpId, code: totpCodeAt(e.secret, api.clock.now()), rememberDevice: true } });
    expect(viaApp.errors).toBeUndefined();
    expect(await kindOf(a.email, viaApp.data!['completeLoginWithTotp'].trustedDeviceToken)).toBe('Session');

    const c2 = await challenge(api, a.email);
    const viaCode = await api.gql(COMPLETE_BACKUP, { input: { ticket: c2.ticket, code: a.backupCodes[0], rememberDevice: true } });
    expect(viaCode.errors).toBeUndefined();
    expect(await kindOf(a.email, viaCode.data!['completeLoginWithBackupCode'].trustedDeviceToken)).toBe('Session');

    // Without rememberDevice there is no token.
    const c3 = await challenge(api, a.email);
    const plain = await api.gql(COMPLETE_BACKUP, { input: { ticket: c3.ticket, code: a.backupCodes[1] } });
    expect(plain.data!['completeLoginWithBackupCode'].trustedDeviceToken).toBeNull();
  });

  // Each listed change forgets every remembered device of the account (contract §7).
  const FORGETTING: [string, (a: Awaited<ReturnType<typeof account>>, token: string) => Promise<unknown>][] = [
    ['removing a number', async (a, token) => {
      const second = await enableNumber(api, token, phone());
      await api.gql(`mutation($id: ID!) { removeSmsMethod(methodId: $id) { enabled } }`, { id: second.methodId }, { token });
    }],
    ['removing an authenticator app (removeTwoFactorMethod)', async (_a, token) => {
      const e = (await api.gql(START_TOTP, {}, { token })).data!['startTotpEnrollment'];
      const app = await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: totpCodeAt(e.secret, api.clock.now()) } }, { token });
      await api.gql(`mutation($id: ID!) { removeTwoFactorMethod(methodId: $id) { enabled } }`, { id: app.data!['confirmTotpMethod'].methodId }, { token });
    }],
    ['regenerating the emergency codes', (_a, token) => api.gql(`mutation { regenerateBackupCodes { codes } }`, {}, { token })],
    ['deleting the emergency codes', (_a, token) => api.gql(`mutation { deleteBackupCodes { enabled } }`, {}, { token })],
    ['turning 2FA off', (_a, token) => api.gql(`mutation { disableTwoFactor { enabled } }`, {}, { token })],
    ['forgetAllTrustedDevices', (_a, token) => api.gql(FORGET_ALL, {}, { token })],
    ['forgetTrustedDevice', async (_a, token) => {
      const [device] = (await api.gql(DEVICES, {}, { token })).data!['trustedDevices'];
      await api.gql(FORGET, { id: device.id }, { token });
    }],
  ];

  it.each(FORGETTING)('%s forgets the remembered devices', async (_name, change) => {
    const a = await account();
    const { token, trustedDeviceToken } = await rememberedLogin(a);
    expect(await kindOf(a.email, trustedDeviceToken!)).toBe('Session');
    await change(a, token);
    expect((await api.gql(DEVICES, {}, { token })).data!['trustedDevices']).toEqual([]);
    expect(await events(a.accountId, 'TRUSTED_DEVICE_REMOVED')).toHaveLength(1);
    const after = (await passwordStep(a.email, trustedDeviceToken)).data!['login'].__typename;
    // With 2FA off the password alone signs in, but as a password-only session: the token no longer counts.
    if (after === 'Session') {
      const session = (await passwordStep(a.email, trustedDeviceToken)).data!['login'].token;
      const listed = (await api.gql(SESSIONS, {}, { token: session })).data!['sessions'] as { current: boolean; secondFactor: boolean }[];
      expect(listed.find((s) => s.current)!.secondFactor).toBe(false);
    } else {
      expect(after).toBe('TwoFactorChallenge');
    }
  });

  it('forgetTrustedDevice: NOT_FOUND for another account’s device or a malformed id; needs a session', async () => {
    const a = await account();
    const { token } = await rememberedLogin(a);
    const [device] = (await api.gql(DEVICES, {}, { token })).data!['trustedDevices'];
    const b = await account();
    expect(errorCode(await api.gql(FORGET, { id: device.id }, { token: b.token }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(FORGET, { id: 'not-an-id' }, { token }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(FORGET, { id: device.id }))).toBe('UNAUTHENTICATED');
    expect((await api.gql(DEVICES, {}, { token })).data!['trustedDevices']).toHaveLength(1);
  });

  it('forgetting races logins with the token: each login is a session or a challenge, and none after the forget is a session', async () => {
    const a = await account();
    const { token, trustedDeviceToken } = await rememberedLogin(a);
    const logins = Array.from({ length: 8 }, () => passwordStep(a.email, trustedDeviceToken));
    const forgot = api.gql(FORGET_ALL, {}, { token });
    const answers = await Promise.all(logins);
    expect((await forgot).errors).toBeUndefined();
    for (const r of answers) expect(['Session', 'TwoFactorChallenge']).toContain(r.data?.['login'].__typename);
    // Each Session answer is one login the device made (its event says so), none beyond.
    const sessions = answers.filter((r) => r.data!['login'].__typename === 'Session').length;
    expect((await events(a.accountId, 'LOGIN_SUCCEEDED')).filter((d) => d === 'password and remembered device')).toHaveLength(sessions);
    const later = await Promise.all(Array.from({ length: 4 }, () => kindOf(a.email, trustedDeviceToken!)));
    expect(later).toEqual(['TwoFactorChallenge', 'TwoFactorChallenge', 'TwoFactorChallenge', 'TwoFactorChallenge']);
  });
});
