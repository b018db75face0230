import { errorCode, startApi, type TestApi } from './harness';
import { PASSWORD, phone, signUp } from './journey';
import {
  accountWithKey,
  authenticator,
  completeWithKey,
  DISABLE,
  FINISH_REG,
  GOOGLE_PASSWORD_MANAGER,
  keyChallenge,
  KEYS,
  register,
  REMOVE_METHOD,
  START_LOGIN,
  START_REG,
  tamperSignature,
  UPDATE_METHOD,
  YUBIKEY_5,
} from './security-key-helpers';
import { challenge, enableWith, SET_DEFAULT } from './two-factor-helpers';

/** Contract §7 "Security keys and passkeys (WebAuthn)": registration, login, counters, challenges, limits. */
describe('security keys and passkeys (WebAuthn)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000' });
  });
  afterAll(() => api.close());

  const events = async (accountId: string) => (await api.pg.query(`SELECT type, detail FROM security_event WHERE account_id = $1 ORDER BY created_at, id`, [accountId])).rows as { type: string; detail: string | null }[];

  describe('registration', () => {
    it('in sudo mode only, with creation options as the contract says: the first key turns 2FA on and hands out emergency codes once', async () => {
      const { token, accountId, email } = await signUp(api);
      const key = authenticator(api, { aaguid: YUBIKEY_5, transports: ['usb', 'nfc'] });
      const before = api.clock.now().getTime();
      const { started, finished } = await register(api, token, key, 'Office key');
      const options = JSON.parse(started.options);
      expect(options).toMatchObject({
        rp: { id: 'localhost', name: 'Twofold' },
        user: { name: email, displayName: 'Ada Lovelace' },
        attestation: 'none',
        timeout: 300000,
        excludeCredentials: [],
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      });
      expect(Buffer.from(options.challenge, 'base64url')).toHaveLength(32);
      expect(new Date(started.expiresAt).getTime() - before).toBeGreaterThanOrEqual(300_000 - 5);
      expect(new Date(started.expiresAt).getTime() - before).toBeLessThanOrEqual(300_000 + 2000);

      expect(finished.errors).toBeUndefined();
      const payload = finished.data!['finishSecurityKeyRegistration'];
      expect(payload.backupCodes).toHaveLength(10);
      expect(payload.twoFactor).toMatchObject({
        enabled: true,
        defaultMethodId: payload.methodId,
        securityKeys: [{ id: payload.methodId, description: 'Office key', isDefault: true, isPasskey: false, authenticatorName: 'YubiKey 5 Series', lastUsedAt: null }],
      });
      const { rows } = await api.pg.query(`SELECT credential_id, sign_count, transports, aaguid, is_passkey, backup_eligible, backed_up FROM security_key WHERE account_id = $1`, [accountId]);
      expect(rows).toEqual([{ credential_id: key.id, sign_count: '0', transports: ['nfc', 'usb'], aaguid: YUBIKEY_5, is_passkey: false, backup_eligible: false, backed_up: false }]);
      expect(await events(accountId)).toEqual(
        expect.arrayContaining([{ type: 'SECURITY_KEY_ADDED', detail: 'security key (Office key)' }, expect.objectContaining({ type: 'TWO_FACTOR_ENABLED' }), expect.objectContaining({ type: 'BACKUP_CODES_GENERATED' })]),
      );
      // The challenge is spent: the same answer again finds no registration.
      expect(errorCode(await api.gql(FINISH_REG, { input: { registrationId: started.registrationId, credential: key.register(started.options, { ignoreExclude: true }) } }, { token }))).toBe('NOT_FOUND');

      api.clock.advance(601);
      expect(errorCode(await api.gql(START_REG, {}, { token }))).toBe('REAUTH_REQUIRED');
    });

    it('reports a discoverable, synced credential as a passkey; a second method is told to the numbers, gets no codes, and is excluded next time', async () => {
      const { token, email } = await signUp(api);
      const number = phone();
      await enableWith(api, token, number);
      const passkey = authenticator(api, { aaguid: GOOGLE_PASSWORD_MANAGER, passkey: true, transports: ['internal', 'hybrid'] });
      const { finished } = await register(api, token, passkey);
      const payload = finished.data!['finishSecurityKeyRegistration'];
      expect(payload.backupCodes).toBeNull();
      expect(payload.twoFactor.securityKeys).toMatchObject([{ isPasskey: true, isDefault: false, authenticatorName: 'Google Password Manager', description: null }]);
      expect((await api.lastSms(number))!.body).toBe('Twofold: a security key or passkey was added to your account. If this was not you, secure your account now.');

      const next = await api.gql(START_REG, {}, { token });
      const options = JSON.parse(next.data!['startSecurityKeyRegistration'].options);
      expect(options.excludeCredentials).toEqual([{ id: passkey.id, type: 'public-key', transports: ['hybrid', 'internal'] }]);
      // A client that ignores excludeCredentials still cannot add the same credential twice.
      const again = await api.gql(FINISH_REG, { input: { registrationId: next.data!['startSecurityKeyRegistration'].registrationId, credential: passkey.register(next.data!['startSecurityKeyRegistration'].options, { ignoreExclude: true }) } }, { token });
      expect(errorCode(again)).toBe('BAD_USER_INPUT');
      expect(again.errors![0].extensions['fields']).toEqual({ credential: 'This security key is already registered.' });
      const c = await challenge(api, email);
      expect(c.methods.map((m) => [m.kind, m.label])).toEqual([
        ['SMS', expect.stringMatching(/^SMS to /)],
        ['SECURITY_KEY', 'Security key (Google Password Manager)'],
        ['BACKUP_CODE', 'Emergency code'],
      ]);
    });

    it('allows 10 keys per account', async () => {
      const { token } = await signUp(api);
      for (let i = 0; i < 10; i++) expect((await register(api, token, authenticator(api))).finished.errors).toBeUndefined();
      const eleventh = await api.gql(START_REG, {}, { token });
      expect(errorCode(eleventh)).toBe('BAD_USER_INPUT');
      expect(eleventh.errors![0].extensions['fields']).toEqual({ registrationId: 'You can add at most 10 security keys.' });
      expect((await api.gql(KEYS, {}, { token })).data!['me'].twoFactor).toMatchObject({ limits: { securityKeysPerAccount: 10 } });
    });

    it('counts a wrong origin, RP id, challenge or type like a wrong code (5 per registration); bad JSON is BAD_USER_INPUT; it lapses after 5 minutes', async () => {
      const { token } = await signUp(api);
      const key = authenticator(api);
      const r = (await api.gql(START_REG, {}, { token })).data!['startSecurityKeyRegistration'];
      const finish = (credential: string) => api.gql(FINISH_REG, { input: { registrationId: r.registrationId, credential } }, { token });
      const bad = await finish('{"id":');
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(Object.keys(bad.errors![0].extensions['fields'])).toEqual(['credential']);
      const wrongs = [{ origin: 'https://evil.example' }, { rpId: 'evil.example' }, { challenge: Buffer.alloc(32, 7).toString('base64url') }, { type: 'webauthn.get' }, { origin: 'http://localhost:4201' }];
      for (const [i, o] of wrongs.entries()) {
        const res = await finish(key.register(r.options, o));
        expect(errorCode(res)).toBe('INVALID_CODE');
        expect(res.errors![0].extensions['remainingAttempts']).toBe(4 - i);
      }
      expect(errorCode(await finish(key.register(r.options)))).toBe('TOO_MANY_ATTEMPTS');

      const r2 = (await api.gql(START_REG, {}, { token })).data!['startSecurityKeyRegistration'];
      api.clock.advance(301);
      expect(errorCode(await api.gql(FINISH_REG, { input: { registrationId: r2.registrationId, credential: key.register(r2.options) } }, { token }))).toBe('CODE_EXPIRED');
      expect((await api.gql(KEYS, {}, { token })).data!['me'].twoFactor.enabled).toBe(false);
      // Another account's registration is NOT_FOUND.
      const other = await signUp(api);
      const r3 = (await api.gql(START_REG, {}, { token: other.token })).data!['startSecurityKeyRegistration'];
      expect(errorCode(await api.gql(FINISH_REG, { input: { registrationId: r3.registrationId, credential: key.register(r3.options) } }, { token }))).toBe('NOT_FOUND');
    });

    it('stores one key when one registration is finished many times at once', async () => {
      const { token, accountId } = await signUp(api);
      const key = authenticator(api);
      const r = (await api.gql(START_REG, {}, { token })).data!['startSecurityKeyRegistration'];
      const credential = key.register(r.options);
      const results = await Promise.all(Array.from({ length: 6 }, () => api.gql(FINISH_REG, { input: { registrationId: r.registrationId, credential } }, { token })));
      expect(results.filter((x) => !x.errors)).toHaveLength(1);
      expect(results.filter((x) => errorCode(x) === 'NOT_FOUND')).toHaveLength(5);
      expect(results.filter((x) => x.data?.['finishSecurityKeyRegistration']?.backupCodes)).toHaveLength(1);
      expect((await api.pg.query(`SELECT count(*)::int AS n FROM security_key WHERE account_id = $1`, [accountId])).rows[0].n).toBe(1);
    });
  });
  describe('login', () => {
    it('lists the key in the challenge, answers request options bound to the ticket, and signs in; counter and last use are stored', async () => {
      const a = await accountWithKey(api, { counter: 1, transports: ['usb'] });
      const c = await keyChallenge(api, a.email);
      expect(c.defaultMethod).toEqual({ id: a.methodId, kind: 'SECURITY_KEY', label: 'Security key (Office key)' });
      expect(c.methods.map((m) => m.kind)).toEqual(['SECURITY_KEY', 'BACKUP_CODE']);
      const options = JSON.parse(c.options);
      expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'preferred', timeout: 300000, allowCredentials: [{ id: a.key.id, type: 'public-key', transports: ['usb'] }] });
      expect(Buffer.from(options.challenge, 'base64url')).toHaveLength(32);
      expect(new Date(c.optionsExpireAt).getTime()).toBeLessThanOrEqual(new Date(c.expiresAt).getTime());

      const ok = await completeWithKey(api, c.ticket, a.key.assert(c.options));
      expect(ok.errors).toBeUndefined();
      expect(ok.data!['completeLoginWithSecurityKey']).toMatchObject({ account: { id: a.accountId }, trustedDeviceToken: null });
      const { rows } = await api.pg.query(`SELECT sign_count, last_used_at FROM security_key WHERE id = $1`, [a.methodId]);
      expect(rows[0].sign_count).toBe('2');
      expect(rows[0].last_used_at).not.toBeNull();
      expect((await api.pg.query(`SELECT count(*)::int AS n FROM security_key_login_challenge`)).rows[0].n).toBe(0);
      expect((await events(a.accountId)).at(-1)).toEqual({ type: 'LOGIN_SUCCEEDED', detail: 'Security key (Office key)' });
      const me = (await api.gql(KEYS, {}, { token: ok.data!['completeLoginWithSecurityKey'].token })).data!['me'].twoFactor;
      expect(me.securityKeys[0].lastUsedAt).not.toBeNull();
    });

    it('refuses a replayed assertion and counts it; the spent ticket cannot be used again', async () => {
      const a = await accountWithKey(api, { counter: 1 });
      const c1 = await keyChallenge(api, a.email);
      const assertion = a.key.assert(c1.options);
      expect((await completeWithKey(api, c1.ticket, assertion)).errors).toBeUndefined();
      expect(errorCode(await completeWithKey(api, c1.ticket, assertion))).toBe('TICKET_EXPIRED');
      const c2 = await keyChallenge(api, a.email);
      const replay = await completeWithKey(api, c2.ticket, assertion);
      expect(errorCode(replay)).toBe('INVALID_CODE');
      expect(replay.errors![0].extensions['remainingAttempts']).toBe(4);
      expect((await events(a.accountId)).at(-1)).toEqual({ type: 'SECOND_FACTOR_FAILED', detail: 'Security key (Office key)' });
    });

    it('refuses a signature counter that did not grow, recorded as a failure; an authenticator without a counter (always 0) keeps working', async () => {
      const a = await accountWithKey(api, { counter: 5 });
      const c = await keyChallenge(api, a.email);
      for (const counter of [5, 3]) expect(errorCode(await completeWithKey(api, c.ticket, a.key.assert(c.options, { counter })))).toBe('INVALID_CODE');
      expect((await api.pg.query(`SELECT failed_attempts FROM login_ticket WHERE account_id = $1`, [a.accountId])).rows[0].failed_attempts).toBe(2);
      expect((await events(a.accountId)).filter((e) => e.type === 'SECOND_FACTOR_FAILED')).toHaveLength(2);
      expect((await completeWithKey(api, c.ticket, a.key.assert(c.options, { counter: 6 }))).errors).toBeUndefined();
      // Once the counter is non-zero, 0 is a regression too.
      const c2 = await keyChallenge(api, a.email);
      expect(errorCode(await completeWithKey(api, c2.ticket, a.key.assert(c2.options, { counter: 0 })))).toBe('INVALID_CODE');

      const noCounter = await accountWithKey(api);
      for (let i = 0; i < 2; i++) {
        const nc = await keyChallenge(api, noCounter.email);
        expect((await completeWithKey(api, nc.ticket, noCounter.key.assert(nc.options))).errors).toBeUndefined();
      }
    });

    it("counts a wrong origin, RP id, challenge, signature or another account's credential as a wrong code: 5 per ticket", async () => {
      const a = await accountWithKey(api, { counter: 1 });
      const b = await accountWithKey(api);
      const c = await keyChallenge(api, a.email);
      const wrongs = [
        a.key.assert(c.options, { origin: 'https://evil.example' }),
        a.key.assert(c.options, { rpId: 'evil.example' }),
        a.key.assert(c.options, { challenge: Buffer.alloc(32, 1).toString('base64url') }),
        tamperSignature(a.key.assert(c.options)),
        b.key.assert(c.options),
      ];
      for (const [i, w] of wrongs.entries()) {
        const res = await completeWithKey(api, c.ticket, w);
        expect(errorCode(res)).toBe('INVALID_CODE');
        expect(res.errors![0].extensions['remainingAttempts']).toBe(4 - i);
      }
      expect(errorCode(await completeWithKey(api, c.ticket, a.key.assert(c.options)))).toBe('TOO_MANY_ATTEMPTS');
      expect(errorCode(await completeWithKey(api, c.ticket, '{"not":"a credential"}'))).toBe('BAD_USER_INPUT');
      // b's key never signs in a: the ticket's account decides which keys count.
      const cb = await keyChallenge(api, b.email);
      expect((await completeWithKey(api, cb.ticket, b.key.assert(cb.options))).data!['completeLoginWithSecurityKey'].account.id).toBe(b.accountId);
    });

    it('lets a challenge lapse after 5 minutes (CODE_EXPIRED, not counted); a new start replaces the previous challenge', async () => {
      const a = await accountWithKey(api, { counter: 1 });
      const c = await challenge(api, a.email);
      expect(errorCode(await completeWithKey(api, c.ticket, a.key.assert(JSON.stringify({ challenge: 'AAAA', rpId: 'localhost' }))))).toBe('CODE_EXPIRED');
      const first = (await api.gql(START_LOGIN, { input: { ticket: c.ticket } })).data!['startSecurityKeyLogin'].options as string;
      api.clock.advance(301);
      expect(errorCode(await completeWithKey(api, c.ticket, a.key.assert(first)))).toBe('CODE_EXPIRED');
      const second = (await api.gql(START_LOGIN, { input: { ticket: c.ticket } })).data!['startSecurityKeyLogin'].options as string;
      expect(errorCode(await completeWithKey(api, c.ticket, a.key.assert(first)))).toBe('INVALID_CODE');
      expect((await completeWithKey(api, c.ticket, a.key.assert(second))).errors).toBeUndefined();
      expect((await api.pg.query(`SELECT failed_attempts FROM login_ticket WHERE account_id = $1`, [a.accountId])).rows[0].failed_attempts).toBe(1);
      // A spent or unknown ticket gets no options; an account without keys is METHOD_NOT_ENABLED.
      expect(errorCode(await api.gql(START_LOGIN, { input: { ticket: c.ticket } }))).toBe('TICKET_EXPIRED');
      const smsOnly = await signUp(api);
      await enableWith(api, smsOnly.token, phone());
      expect(errorCode(await api.gql(START_LOGIN, { input: { ticket: (await challenge(api, smsOnly.email)).ticket } }))).toBe('METHOD_NOT_ENABLED');
    });

    it('gives one session when one assertion is sent many times at once', async () => {
      const a = await accountWithKey(api, { counter: 1 });
      const c = await keyChallenge(api, a.email);
      const assertion = a.key.assert(c.options);
      const sessionsBefore = (await api.pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1`, [a.accountId])).rows[0].n;
      const results = await Promise.all(Array.from({ length: 8 }, () => completeWithKey(api, c.ticket, assertion)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => errorCode(r) === 'TICKET_EXPIRED')).toHaveLength(7);
      expect((await api.pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1`, [a.accountId])).rows[0].n).toBe(sessionsBefore + 1);
    });

    it('carries one completion per request (aliases do not multiply tries) and remembers the device when asked', async () => {
      const a = await accountWithKey(api, { counter: 1 });
      const c = await keyChallenge(api, a.email);
      const twice = await api.gql(
        `mutation($i: CompleteLoginWithSecurityKeyInput!) { a: completeLoginWithSecurityKey(input: $i) { token } b: completeLoginWithSecurityKey(input: $i) { token } }`,
        { i: { ticket: c.ticket, credential: a.key.assert(c.options) } },
      );
      expect(errorCode(twice)).toBe('BAD_USER_INPUT');
      const remembered = await completeWithKey(api, c.ticket, a.key.assert(c.options), true);
      expect(remembered.errors).toBeUndefined();
      expect(remembered.data!['completeLoginWithSecurityKey'].trustedDeviceToken).toEqual(expect.any(String));
    });
  });

  describe('beside other methods', () => {
    it('can be the default, renamed, removed (the oldest remaining method becomes default) and goes with disableTwoFactor', async () => {
      const { token, accountId, email } = await signUp(api);
      const sms = await enableWith(api, token, phone());
      const key = authenticator(api, { aaguid: YUBIKEY_5 });
      const keyId = (await register(api, token, key)).finished.data!['finishSecurityKeyRegistration'].methodId as string;
      expect((await api.gql(SET_DEFAULT, { methodId: keyId }, { token })).data!['setDefaultTwoFactorMethod'].defaultMethodId).toBe(keyId);
      expect((await challenge(api, email)).methods.map((m) => [m.kind, m.label])).toEqual([
        ['SECURITY_KEY', 'Security key (YubiKey 5 Series)'],
        ['SMS', expect.any(String)],
        ['BACKUP_CODE', 'Emergency code'],
      ]);
      const renamed = await api.gql(UPDATE_METHOD, { input: { methodId: keyId, description: 'Keyring' } }, { token });
      expect(renamed.data!['updateTwoFactorMethod'].securityKeys).toEqual([{ id: keyId, description: 'Keyring', isDefault: true }]);
      const removed = await api.gql(REMOVE_METHOD, { methodId: keyId }, { token });
      expect(removed.data!['removeTwoFactorMethod']).toMatchObject({ enabled: true, defaultMethodId: sms.methodId, securityKeys: [], smsMethods: [{ id: sms.methodId, isDefault: true }] });
      const types = await events(accountId);
      expect(types).toEqual(
        expect.arrayContaining([
          { type: 'DEFAULT_METHOD_CHANGED', detail: 'security key' },
          { type: 'TWO_FACTOR_METHOD_UPDATED', detail: 'security key' },
          { type: 'TWO_FACTOR_METHOD_REMOVED', detail: 'security key (Keyring)' },
        ]),
      );

      await register(api, token, authenticator(api));
      const off = await api.gql(DISABLE, {}, { token });
      expect(off.data!['disableTwoFactor']).toEqual({ enabled: false, defaultMethodId: null, smsMethods: [], securityKeys: [], backupCodes: { active: false } });
      expect((await api.pg.query(`SELECT count(*)::int AS n FROM security_key WHERE account_id = $1`, [accountId])).rows[0].n).toBe(0);
      expect((await api.gql(`mutation($input: LoginInput!) { login(input: $input) { __typename } }`, { input: { email, password: PASSWORD } })).data!['login'].__typename).toBe('Session');
    });

    it('removing the only key turns 2FA off and deletes the emergency codes', async () => {
      const a = await accountWithKey(api);
      const off = await api.gql(REMOVE_METHOD, { methodId: a.methodId }, { token: a.token });
      expect(off.data!['removeTwoFactorMethod']).toMatchObject({ enabled: false, defaultMethodId: null, securityKeys: [], backupCodes: { active: false } });
      expect((await events(a.accountId)).map((e) => e.type)).toEqual(expect.arrayContaining(['TWO_FACTOR_METHOD_REMOVED', 'TWO_FACTOR_DISABLED']));
    });

    it('completes sudo mode (reauthenticate) with the key, for its own session only', async () => {
      const a = await accountWithKey(api, { counter: 1 });
      api.clock.advance(601);
      const reauth = await api.gql(`mutation($input: ReauthenticateInput!) { reauthenticate(input: $input) { __typename ... on TwoFactorChallenge { ticket } } }`, { input: { password: PASSWORD } }, { token: a.token });
      const ticket = reauth.data!['reauthenticate'].ticket as string;
      expect(errorCode(await api.gql(START_LOGIN, { input: { ticket } }))).toBe('TICKET_EXPIRED');
      const options = (await api.gql(START_LOGIN, { input: { ticket } }, { token: a.token })).data!['startSecurityKeyLogin'].options as string;
      const done = await api.gql(`mutation($input: CompleteLoginWithSecurityKeyInput!) { completeLoginWithSecurityKey(input: $input) { token } }`, { input: { ticket, credential: a.key.assert(options) } }, { token: a.token });
      expect(done.data!['completeLoginWithSecurityKey'].token).toBe(a.token);
      expect((await api.gql(START_REG, {}, { token: a.token })).errors).toBeUndefined();
    });
  });
});
