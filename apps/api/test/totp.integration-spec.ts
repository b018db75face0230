import { totpCodeAt } from '@twofold/two-factor-domain';
import { errorCode, startApi, type TestApi } from './harness';
import { LOGIN, ME, PASSWORD, phone, signUp } from './journey';
import { challenge, dumpTable, enableWith, REMOVE, SET_DEFAULT } from './two-factor-helpers';

const START = `mutation { startTotpEnrollment { enrollmentId secret otpauthUri expiresAt } }`;
const CONFIRM_TOTP = `mutation($input: ConfirmTotpMethodInput!) { confirmTotpMethod(input: $input) { methodId backupCodes twoFactor { enabled defaultMethodId totpMethods { id description isDefault createdAt lastUsedAt } } } }`;
const COMPLETE_TOTP = `mutation($input: CompleteLoginWithTotpInput!) { completeLoginWithTotp(input: $input) { token account { id } } }`;
const STATUS = `{ me { twoFactor { enabled defaultMethodId smsMethods { id isDefault } totpMethods { id isDefault description lastUsedAt } } } }`;

/** Contract §7 "Authenticator apps (RFC 6238)": enrollment, confirmation, login, replay, limits. */
describe('authenticator apps (TOTP)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000' });
  });
  afterAll(() => api.close());

  /** The code an app with this secret shows now (by the API's clock). */
  const codeNow = (secret: string, offsetSteps = 0) => totpCodeAt(secret, new Date(api.clock.now().getTime() + offsetSteps * 30_000));
  const wrong = (code: string) => code.slice(0, 5) + String((Number(code[5]) + 1) % 10);

  async function enrolled(description: string | null = 'Phone app') {
    const account = await signUp(api);
    const started = await api.gql(START, {}, { token: account.token });
    expect(started.errors).toBeUndefined();
    const e = started.data!['startTotpEnrollment'];
    const confirmed = await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: codeNow(e.secret), description } }, { token: account.token });
    expect(confirmed.errors).toBeUndefined();
    // The confirming step is spent: the next login code must come from a later step.
    api.clock.advance(30);
    return { ...account, secret: e.secret as string, methodId: confirmed.data!['confirmTotpMethod'].methodId as string, confirmed: confirmed.data!['confirmTotpMethod'] };
  }

  it('starts an enrollment in sudo mode only, with a 160-bit secret, the otpauth URI and a 10-minute expiry; the secret is sealed at rest', async () => {
    const { token, email } = await signUp(api);
    const before = api.clock.now().getTime();
    const res = await api.gql(START, {}, { token });
    const e = res.data!['startTotpEnrollment'];
    expect(e.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(e.otpauthUri).toBe(`otpauth://totp/Twofold:${email}?secret=${e.secret}&issuer=Twofold`);
    expect(new Date(e.expiresAt).getTime() - before).toBeGreaterThanOrEqual(600_000 - 5);
    expect(new Date(e.expiresAt).getTime() - before).toBeLessThanOrEqual(600_000 + 2000);
    const { rows } = await api.pg.query(`SELECT to_jsonb(e)::text AS j FROM totp_enrollment e`);
    expect(rows.map((r: { j: string }) => r.j).join()).not.toContain(e.secret);

    api.clock.advance(601);
    expect(errorCode(await api.gql(START, {}, { token }))).toBe('REAUTH_REQUIRED');
  });

  it('confirms with a code of the app: the first method turns 2FA on, is the default, and hands out emergency codes once', async () => {
    const a = await enrolled('Work phone');
    expect(a.confirmed.backupCodes).toHaveLength(10);
    expect(a.confirmed.twoFactor).toMatchObject({ enabled: true, defaultMethodId: a.methodId, totpMethods: [{ id: a.methodId, description: 'Work phone', isDefault: true, lastUsedAt: null }] });
    const events = (await api.pg.query(`SELECT type FROM security_event WHERE account_id = $1 ORDER BY created_at, id`, [a.accountId])).rows.map((r: { type: string }) => r.type);
    expect(events).toEqual(expect.arrayContaining(['TOTP_METHOD_ADDED', 'TWO_FACTOR_ENABLED', 'BACKUP_CODES_GENERATED']));
    expect((await dumpTable(api, 'sms_message')) + (await api.pg.query(`SELECT to_jsonb(m)::text AS j FROM totp_method m`)).rows.map((r: { j: string }) => r.j).join()).not.toContain(a.secret);
    // Password alone now answers a challenge with the app first.
    const c = await challenge(api, a.email);
    expect(c.defaultMethod).toEqual({ id: a.methodId, kind: 'TOTP', label: 'Authenticator app (Work phone)' });
    expect(c.methods.map((m) => m.kind)).toEqual(['TOTP', 'BACKUP_CODE']);
  });

  it('counts wrong confirmation codes (5 per enrollment) and lets an enrollment lapse after 10 minutes', async () => {
    const { token } = await signUp(api);
    const e = (await api.gql(START, {}, { token })).data!['startTotpEnrollment'];
    for (let i = 4; i >= 0; i--) {
      const res = await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: wrong(codeNow(e.secret)) } }, { token });
      expect(errorCode(res)).toBe('INVALID_CODE');
      expect(res.errors![0].extensions['remainingAttempts']).toBe(i);
    }
    expect(errorCode(await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: codeNow(e.secret) } }, { token }))).toBe('TOO_MANY_ATTEMPTS');

    const e2 = (await api.gql(START, {}, { token })).data!['startTotpEnrollment'];
    api.clock.advance(601);
    expect(errorCode(await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e2.enrollmentId, code: codeNow(e2.secret) } }, { token }))).toBe('CODE_EXPIRED');
    expect((await api.gql(STATUS, {}, { token })).data!['me'].twoFactor.enabled).toBe(false);
    // Another account's enrollment is NOT_FOUND.
    const other = await signUp(api);
    const e3 = (await api.gql(START, {}, { token: other.token })).data!['startTotpEnrollment'];
    expect(errorCode(await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e3.enrollmentId, code: codeNow(e3.secret) } }, { token }))).toBe('NOT_FOUND');
  });

  it('signs in with the current step or one either side; a step accepted once is never accepted again', async () => {
    const a = await enrolled();
    const c1 = await challenge(api, a.email);
    const code = codeNow(a.secret);
    const ok = await api.gql(COMPLETE_TOTP, { input: { ticket: c1.ticket, methodId: a.methodId, code } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!['completeLoginWithTotp'].account.id).toBe(a.accountId);
    const c2 = await challenge(api, a.email);
    const replay = await api.gql(COMPLETE_TOTP, { input: { ticket: c2.ticket, methodId: a.methodId, code } });
    expect(errorCode(replay)).toBe('INVALID_CODE');
    // The next step (the app one step ahead of the server's clock) works.
    expect((await api.gql(COMPLETE_TOTP, { input: { ticket: c2.ticket, methodId: a.methodId, code: codeNow(a.secret, 1) } })).errors).toBeUndefined();
    // Two steps away is refused.
    const c3 = await challenge(api, a.email);
    expect(errorCode(await api.gql(COMPLETE_TOTP, { input: { ticket: c3.ticket, methodId: a.methodId, code: codeNow(a.secret, 3) } }))).toBe('INVALID_CODE');
    expect((await api.gql(STATUS, {}, { token: ok.data!['completeLoginWithTotp'].token })).data!['me'].twoFactor.totpMethods[0].lastUsedAt).not.toBeNull();
  });

  it('one code used on 10 tickets at once gives exactly one session (replay under concurrency)', async () => {
    const a = await enrolled();
    const tickets = await Promise.all(Array.from({ length: 10 }, () => challenge(api, a.email)));
    const code = codeNow(a.secret);
    const results = await Promise.all(tickets.map((c) => api.gql(COMPLETE_TOTP, { input: { ticket: c.ticket, methodId: a.methodId, code } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'INVALID_CODE')).toHaveLength(9);
  });

  it('wrong codes count like SMS codes: 5 per ticket', async () => {
    const a = await enrolled();
    const c = await challenge(api, a.email);
    for (let i = 0; i < 5; i++) expect(errorCode(await api.gql(COMPLETE_TOTP, { input: { ticket: c.ticket, methodId: a.methodId, code: wrong(codeNow(a.secret)) } }))).toBe('INVALID_CODE');
    expect(errorCode(await api.gql(COMPLETE_TOTP, { input: { ticket: c.ticket, methodId: a.methodId, code: codeNow(a.secret) } }))).toBe('TOO_MANY_ATTEMPTS');
    expect(errorCode(await api.gql(COMPLETE_TOTP, { input: { ticket: c.ticket, methodId: a.methodId, code: 'abcdef' } }))).toBe('BAD_USER_INPUT');
  });

  it('beside a number: adding the app tells the number; the app can be the default; removing the last number leaves 2FA on', async () => {
    const { token, accountId, email } = await signUp(api);
    const number = phone();
    const sms = await enableWith(api, token, number);
    const e = (await api.gql(START, {}, { token })).data!['startTotpEnrollment'];
    const confirmed = await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: codeNow(e.secret) } }, { token });
    expect(confirmed.data!['confirmTotpMethod'].backupCodes).toBeNull();
    expect((await api.lastSms(number))!.body).toBe('Twofold: an authenticator app was added to your account. If this was not you, secure your account now.');
    const methodId = confirmed.data!['confirmTotpMethod'].methodId;
    expect((await api.gql(SET_DEFAULT, { methodId }, { token })).data!['setDefaultTwoFactorMethod'].defaultMethodId ?? null).toBe(methodId);
    const c = await challenge(api, email);
    expect(c.methods.map((m) => m.kind)).toEqual(['TOTP', 'SMS', 'BACKUP_CODE']);

    const removed = await api.gql(REMOVE, { methodId: sms.methodId }, { token });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!['removeSmsMethod'].enabled).toBe(true);
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM backup_code WHERE account_id = $1`, [accountId])).rows[0].n).toBe(10);
    const login = await api.gql(LOGIN, { input: { email, password: PASSWORD } });
    expect(login.data!['login'].__typename).toBe('TwoFactorChallenge');
    expect((await api.gql(ME, {}, { token })).data!['me'].twoFactor.enabled).toBe(true);
  });
  it('allows 5 authenticator apps per account: a sixth is refused at start and at confirmation (BAD_USER_INPUT)', async () => {
    const account = await signUp(api);
    const pending = (await api.gql(START, {}, { token: account.token })).data!['startTotpEnrollment'];
    for (let i = 0; i < 5; i++) {
      const e = (await api.gql(START, {}, { token: account.token })).data!['startTotpEnrollment'];
      const ok = await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: codeNow(e.secret), description: `App ${i}` } }, { token: account.token });
      expect(ok.errors).toBeUndefined();
    }
    expect(errorCode(await api.gql(START, {}, { token: account.token }))).toBe('BAD_USER_INPUT');
    // An enrollment started before the fifth app was confirmed cannot become a sixth.
    expect(errorCode(await api.gql(CONFIRM_TOTP, { input: { enrollmentId: pending.enrollmentId, code: codeNow(pending.secret) } }, { token: account.token }))).toBe('BAD_USER_INPUT');
    expect((await api.gql(STATUS, {}, { token: account.token })).data!['me'].twoFactor.totpMethods).toHaveLength(5);
  });
});
