import { errorCode, startApi, type TestApi } from './harness';
import { ADD, ME, phone, signUp } from './journey';
import { addNumber, confirm, enableWith, REMOVE, RESEND, SET_DEFAULT, STATUS, UPDATE } from './two-factor-helpers';

/**
 * Contract §4 "Numbers" and "Two-factor state". This file's API accepts GB and GG numbers only
 * (SMS_ALLOWED_COUNTRIES); the per-IP hourly SMS limit is raised because every request here
 * comes from 127.0.0.1 (that limit has its own spec in sms-limits).
 */
describe('SMS methods: numbers and two-factor state', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_ALLOWED_COUNTRIES: 'GB,GG', SMS_LIMIT_PER_IP_PER_HOUR: '100000' });
  });
  afterAll(() => api.close());

  const status = async (token: string) => (await api.gql(STATUS, {}, { token })).data!['me'].twoFactor;

  describe('numbers', () => {
    it('parses international input as E.164, ignoring spaces, dots and dashes, with region and mask', async () => {
      const { token } = await signUp(api);
      const res = await api.gql(ADD, { input: { phoneNumber: ' +44 7400.123-456 ' } }, { token });
      expect(res.errors).toBeUndefined();
      const { method, dispatch } = res.data!['addSmsMethod'];
      expect(method).toMatchObject({ phoneNumber: '+447400123456', countryCode: 'GB', maskedPhoneNumber: '+44 •••• ••3456', status: 'PENDING_VERIFICATION', isDefault: false });
      expect(dispatch.maskedPhoneNumber).toBe('+44 •••• ••3456');
      // The SMS goes to the normalised number.
      expect(await api.lastSms('+447400123456')).not.toBeNull();

      // A Guernsey mobile shares +44 but is region GG.
      const gg = await api.gql(ADD, { input: { phoneNumber: '+44 7911 123456' } }, { token });
      expect(gg.data!['addSmsMethod'].method).toMatchObject({ phoneNumber: '+447911123456', countryCode: 'GG', maskedPhoneNumber: '+44 •••• ••3456' });
    });

    it.each([
      ['national format', '07400 123456'],
      ['no plus sign', '447400123456'],
      ['letters', '+44 74OO 123456'],
      ['letters (vanity)', '+44 7400 FLOWER'],
      ['Unicode full-width digits', '+４４７４００１２３４５６'],
      ['Unicode Arabic-Indic digits', '+٤٤٧٤٠٠١٢٣٤٥٦'],
      ['20 digits', '+44740012345678901234'],
      ['too short', '+4474'],
      ['empty', ''],
      ['not a number', '+44 0000 000000'],
      ['fixed line (London)', '+44 20 7183 8750'],
      ['fixed line (Guernsey)', '+44 1481 256789'],
      ['premium rate 09', '+44 909 879 0000'],
      ['premium rate 087', '+44 871 234 5678'],
      ['toll free 0800', '+44 800 123 4567'],
      ['toll free 0808', '+44 808 157 0000'],
      ['VoIP 056', '+44 56 0123 4567'],
      ['shared cost 0845', '+44 845 123 4567'],
    ])('refuses %s (%s) with PHONE_NUMBER_INVALID and registers nothing', async (_label, input) => {
      const { token, accountId } = await signUp(api);
      const res = await api.gql(ADD, { input: { phoneNumber: input } }, { token });
      expect(errorCode(res)).toBe('PHONE_NUMBER_INVALID');
      expect(res.data).toBeNull();
      const rows = await api.pg.query('SELECT 1 FROM sms_method WHERE account_id = $1 UNION ALL SELECT 1 FROM sms_message WHERE account_id = $1', [accountId]);
      expect(rows.rowCount).toBe(0);
    });

    it('refuses a valid mobile outside SMS_ALLOWED_COUNTRIES with COUNTRY_NOT_ALLOWED', async () => {
      const { token, accountId } = await signUp(api);
      for (const mobile of ['+33612345678', '+33 6 12 34 56 78', '+4915123456789', '+447624123456' /* Isle of Man: +44 but region IM */]) {
        const res = await api.gql(ADD, { input: { phoneNumber: mobile } }, { token });
        expect({ mobile, code: errorCode(res) }).toEqual({ mobile, code: 'COUNTRY_NOT_ALLOWED' });
      }
      // An invalid number stays PHONE_NUMBER_INVALID even from a refused region.
      expect(errorCode(await api.gql(ADD, { input: { phoneNumber: '+33912345678' } }, { token }))).toBe('PHONE_NUMBER_INVALID');
      expect((await api.pg.query('SELECT 1 FROM sms_method WHERE account_id = $1', [accountId])).rowCount).toBe(0);
    });

    it('accepts at most 5 numbers per account, pending ones included; the 6th is BAD_USER_INPUT', async () => {
      const { token } = await signUp(api);
      for (let i = 0; i < 5; i++) await addNumber(api, token, phone());
      const sixth = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token });
      expect(errorCode(sixth)).toBe('BAD_USER_INPUT');
      expect(sixth.errors![0].extensions['fields']).toHaveProperty('phoneNumber');
      expect((await status(token)).smsMethods).toHaveLength(5);
    });

    it('refuses the same number twice on one account (any spelling, pending or enabled), but another account may register it', async () => {
      const { token } = await signUp(api);
      const number = phone();
      const spaced = `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}`;
      const { methodId } = await addNumber(api, token, number);
      expect(errorCode(await api.gql(ADD, { input: { phoneNumber: spaced } }, { token }))).toBe('PHONE_NUMBER_ALREADY_REGISTERED');
      await confirm(api, token, methodId, await api.lastCode(number));
      expect(errorCode(await api.gql(ADD, { input: { phoneNumber: number } }, { token }))).toBe('PHONE_NUMBER_ALREADY_REGISTERED');

      const other = await signUp(api);
      const res = await api.gql(ADD, { input: { phoneNumber: spaced } }, { token: other.token });
      expect(res.errors).toBeUndefined();
      expect(res.data!['addSmsMethod'].method.phoneNumber).toBe(number);
    });

    it('description: trimmed, at most 100 characters, no control characters (confirm and update)', async () => {
      const { token } = await signUp(api);
      const number = phone();
      const { methodId } = await addNumber(api, token, number);
      const code = await api.lastCode(number);

      for (const bad of ['x'.repeat(101), 'Work\u0007phone', 'Work\nphone', 'Work\u0000', '\u202eenohp kroW']) {
        const res = await confirm(api, token, methodId, code, bad);
        expect({ bad, code: errorCode(res), fields: res.errors?.[0].extensions['fields'] }).toEqual({ bad, code: 'BAD_USER_INPUT', fields: { description: expect.any(String) } });
      }
      // The refused descriptions did not spend the code nor count as tries.
      const ok = await confirm(api, token, methodId, code, '   Work phone  ');
      expect(ok.errors).toBeUndefined();
      expect(ok.data!['confirmSmsMethod'].method.description).toBe('Work phone');

      const hundred = `  ${'é'.repeat(100)}  `;
      const updated = await api.gql(UPDATE, { input: { methodId, description: hundred } }, { token });
      expect(updated.data!['updateSmsMethod'].description).toBe('é'.repeat(100));
      const tooLong = await api.gql(UPDATE, { input: { methodId, description: 'y'.repeat(101) } }, { token });
      expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
      expect(tooLong.errors![0].extensions['fields']).toHaveProperty('description');
      const control = await api.gql(UPDATE, { input: { methodId, description: 'tab\there' } }, { token });
      expect(errorCode(control)).toBe('BAD_USER_INPUT');
      expect((await status(token)).smsMethods[0].description).toBe('é'.repeat(100));
    });

    it('a pending number not confirmed within 24 hours disappears and can be added again', async () => {
      const { token, email } = await signUp(api);
      const number = phone();
      const { methodId } = await addNumber(api, token, number);
      const code = await api.lastCode(number);
      api.clock.advance(24 * 3600 - 60);
      // Still there just before the deadline (the session is refreshed by signing in again).
      const login1 = await api.gql(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { ... on Session { token } } }`, { e: email, p: 'correct horse battery staple' });
      const token1 = login1.data!['login'].token as string;
      expect((await status(token1)).smsMethods.map((m: { id: string }) => m.id)).toEqual([methodId]);
      api.clock.advance(61);
      const s = await status(token1);
      expect(s.smsMethods).toEqual([]);
      expect(s.enabled).toBe(false);
      // Its confirmation is over, even with the right code.
      expect(errorCode(await confirm(api, token1, methodId, code))).toBe('NOT_FOUND');
      // It no longer counts towards the 5 numbers nor blocks the same number.
      const again = await api.gql(ADD, { input: { phoneNumber: number } }, { token: token1 });
      expect(again.errors).toBeUndefined();
      const fresh = await confirm(api, token1, again.data!['addSmsMethod'].method.id, await api.lastCode(number));
      expect(fresh.data!['confirmSmsMethod'].method.status).toBe('ENABLED');
    });
  });

  describe('two-factor state', () => {
    it('the first confirmed number is the default; later ones are not', async () => {
      const { token } = await signUp(api);
      const first = await enableWith(api, token, phone(), 'Work');
      const second = await enableWith(api, token, phone(), 'Home');
      const s = await status(token);
      expect(s.enabled).toBe(true);
      expect(s.defaultMethodId).toBe(first.methodId);
      expect(s.smsMethods.map((m: { id: string; isDefault: boolean }) => [m.id, m.isDefault])).toEqual([
        [first.methodId, true],
        [second.methodId, false],
      ]);
    });

    it('a pending number does not turn 2FA on and cannot become the default (METHOD_NOT_ENABLED)', async () => {
      const { token } = await signUp(api);
      const { methodId } = await addNumber(api, token, phone());
      expect((await status(token)).enabled).toBe(false);
      const res = await api.gql(SET_DEFAULT, { methodId }, { token });
      expect(errorCode(res)).toBe('METHOD_NOT_ENABLED');
      const enabled = await enableWith(api, token, phone());
      expect(errorCode(await api.gql(SET_DEFAULT, { methodId }, { token }))).toBe('METHOD_NOT_ENABLED');
      expect((await status(token)).defaultMethodId).toBe(enabled.methodId);
    });

    it('setDefaultTwoFactorMethod moves the default; removing the default makes the oldest remaining number default', async () => {
      const { token } = await signUp(api);
      const a = await enableWith(api, token, phone());
      const b = await enableWith(api, token, phone());
      const c = await enableWith(api, token, phone());
      const moved = await api.gql(SET_DEFAULT, { methodId: c.methodId }, { token });
      expect(moved.data!['setDefaultTwoFactorMethod'].defaultMethodId).toBe(c.methodId);
      // Remove the default (the newest): the oldest remaining (a), not the next one (b), takes over.
      const removed = await api.gql(REMOVE, { methodId: c.methodId }, { token });
      expect(removed.errors).toBeUndefined();
      expect(removed.data!['removeSmsMethod'].defaultMethodId).toBe(a.methodId);
      await api.gql(SET_DEFAULT, { methodId: b.methodId }, { token });
      const removedB = await api.gql(REMOVE, { methodId: b.methodId }, { token });
      expect(removedB.data!['removeSmsMethod'].defaultMethodId).toBe(a.methodId);
      const s = await status(token);
      expect(s.smsMethods.filter((m: { isDefault: boolean }) => m.isDefault).map((m: { id: string }) => m.id)).toEqual([a.methodId]);
    });

    it('removing the last enabled number turns 2FA off and deletes the emergency codes', async () => {
      const { token, accountId } = await signUp(api);
      const only = await enableWith(api, token, phone());
      expect(only.backupCodes).toHaveLength(10);
      const pending = await addNumber(api, token, phone());
      const res = await api.gql(REMOVE, { methodId: only.methodId }, { token });
      expect(res.errors).toBeUndefined();
      const after = res.data!['removeSmsMethod'];
      expect(after).toMatchObject({ enabled: false, defaultMethodId: null, backupCodes: { active: false, remaining: 0, total: 0, generatedAt: null } });
      expect(after.smsMethods.map((m: { id: string }) => m.id)).toEqual([pending.methodId]);
      expect((await api.pg.query('SELECT 1 FROM backup_code WHERE account_id = $1', [accountId])).rowCount).toBe(0);
      expect((await api.gql(ME, {}, { token })).data!['me'].twoFactor.enabled).toBe(false);
    });

    it("another account's method id and an unknown id are NOT_FOUND", async () => {
      const owner = await signUp(api);
      const { methodId } = await enableWith(api, owner.token, phone());
      const intruder = await signUp(api);
      await enableWith(api, intruder.token, phone());
      for (const id of [methodId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        expect(errorCode(await api.gql(REMOVE, { methodId: id }, { token: intruder.token }))).toBe('NOT_FOUND');
        expect(errorCode(await api.gql(SET_DEFAULT, { methodId: id }, { token: intruder.token }))).toBe('NOT_FOUND');
        expect(errorCode(await api.gql(UPDATE, { input: { methodId: id, description: 'mine' } }, { token: intruder.token }))).toBe('NOT_FOUND');
      }
      expect((await status(owner.token)).smsMethods).toHaveLength(1);
    });

    it("another account's pending method cannot be resent nor confirmed (NOT_FOUND), even with its code", async () => {
      const owner = await signUp(api);
      const number = phone();
      const { methodId } = await addNumber(api, owner.token, number);
      const code = await api.lastCode(number);
      const intruder = await signUp(api);
      api.clock.advance(api.config.timings.smsResendCooldownSeconds);
      expect(errorCode(await api.gql(RESEND, { methodId }, { token: intruder.token }))).toBe('NOT_FOUND');
      expect(errorCode(await confirm(api, intruder.token, methodId, code))).toBe('NOT_FOUND');
      expect((await confirm(api, owner.token, methodId, code)).data!['confirmSmsMethod'].method.status).toBe('ENABLED');
    });
  });
});
