import { errorCode, startApi, type GqlResponse, type TestApi } from './harness';
import { dumpDatabase, expectNoStacktrace, LOGIN, ME, PASSWORD, SIGN_UP, signUp } from './journey';

// Contract §4 "Accounts and sessions": sign-up validation, email normalisation, uniqueness
// (also under concurrency), `me`, initials and argon2id storage.
describe('accounts', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const uniqueEmail = (tag = 'acc') => `${tag}-${Math.random().toString(36).slice(2)}@example.com`;
  const signUpRaw = (input: { email: string; password: string; name: string }): Promise<GqlResponse> => api.gql(SIGN_UP, { input });
  const fieldsOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.['fields'] as Record<string, string> | undefined;
  const accountCount = async (email: string) =>
    Number((await api.pg.query(`SELECT count(*)::int AS n FROM account WHERE email_normalized = $1`, [email.trim().toLowerCase()])).rows[0].n);

  describe('signUp validation (BAD_USER_INPUT with extensions.fields)', () => {
    it.each(['not-an-email', 'a@b', 'two words@example.com', '@example.com', 'user@', '', '   '])('refuses the email %j', async (email) => {
      const res = await signUpRaw({ email, password: PASSWORD, name: 'Ada' });
      expect(res.data).toBeNull();
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(res) ?? {})).toEqual(['email']);
      expectNoStacktrace(res);
    });

    it('refuses an email longer than 254 characters', async () => {
      const res = await signUpRaw({ email: `${'a'.repeat(250)}@example.com`, password: PASSWORD, name: 'Ada' });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(res)!)).toEqual(['email']);
    });

    it('counts the password length in code points: 9 refused, 10 accepted (also for astral characters)', async () => {
      const nine = await signUpRaw({ email: uniqueEmail(), password: 'abcdefgh9', name: 'Ada' });
      expect(errorCode(nine)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(nine)!)).toEqual(['password']);

      // 9 emoji are 18 UTF-16 units but 9 characters: still too short.
      const nineEmoji = await signUpRaw({ email: uniqueEmail(), password: '🔐'.repeat(9), name: 'Ada' });
      expect(errorCode(nineEmoji)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(nineEmoji)!)).toEqual(['password']);

      const ten = await signUpRaw({ email: uniqueEmail(), password: 'xk7#Lm2qPz', name: 'Ada' });
      expect(ten.errors).toBeUndefined();
      expect(ten.data!['signUp'].token).toEqual(expect.any(String));

      const tenEmoji = await signUpRaw({ email: uniqueEmail(), password: '🔐🌍🚀🎲🧩🪐🦊🍀🎯🧪', name: 'Ada' });
      expect(tenEmoji.errors).toBeUndefined();
    });

    it('accepts 256 code points and refuses 257', async () => {
      const email = uniqueEmail();
      const max = '🔐'.repeat(256); // 512 UTF-16 units, 256 characters
      const ok = await signUpRaw({ email, password: max, name: 'Ada' });
      expect(ok.errors).toBeUndefined();
      // ...and the same password logs in.
      const login = await api.gql(LOGIN, { input: { email, password: max } });
      expect(login.data!['login'].__typename).toBe('Session');

      const tooLong = await signUpRaw({ email: uniqueEmail(), password: 'a'.repeat(257), name: 'Ada' });
      expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(tooLong)!)).toEqual(['password']);
    });

    it.each(['qwertyuiop', '1234567890', 'password123', 'Basketball'])('refuses the common password %j', async (password) => {
      const email = uniqueEmail();
      const res = await signUpRaw({ email, password, name: 'Ada' });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(res)!)).toEqual(['password']);
      expect(fieldsOf(res)!['password']).toMatch(/common/i);
      expect(await accountCount(email)).toBe(0);
    });

    it.each([
      ['empty', ''],
      ['only spaces', '   '],
      ['a control character', 'Ada\u0000Lovelace'],
      ['a newline', 'Ada\nLovelace'],
      ['more than 100 characters', 'A'.repeat(101)],
    ])('refuses a name that is %s', async (_label, name) => {
      const email = uniqueEmail();
      const res = await signUpRaw({ email, password: PASSWORD, name });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(res)!)).toEqual(['name']);
      expect(await accountCount(email)).toBe(0);
    });

    it('reports every bad field at once', async () => {
      const res = await signUpRaw({ email: 'nope', password: 'short', name: '' });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(res)!).sort()).toEqual(['email', 'name', 'password']);
      for (const message of Object.values(fieldsOf(res)!)) expect(message).toEqual(expect.any(String));
    });

    it('never echoes the password in a validation error', async () => {
      const res = await signUpRaw({ email: 'nope', password: 'qwertyuiop', name: 'Ada' });
      expect(JSON.stringify(res)).not.toContain('qwertyuiop');
    });
  });

  describe('email uniqueness', () => {
    it.each([
      ['the same email', (e: string) => e],
      ['upper case', (e: string) => e.toUpperCase()],
      ['mixed case and surrounding spaces', (e: string) => `  ${e[0].toUpperCase()}${e.slice(1)}\t`],
    ])('answers EMAIL_ALREADY_REGISTERED for %s', async (_label, variant) => {
      const email = uniqueEmail('dup');
      await signUp(api, email);
      const res = await signUpRaw({ email: variant(email), password: PASSWORD, name: 'Someone Else' });
      expect(res.data).toBeNull();
      expect(errorCode(res)).toBe('EMAIL_ALREADY_REGISTERED');
      expect(await accountCount(email)).toBe(1);
    });

    it('lets exactly one of several concurrent sign-ups with one email win, and logs no password hash while refusing the others', async () => {
      const email = uniqueEmail('race');
      const variants = [email, email.toUpperCase(), ` ${email} `, email, email.toUpperCase()];
      const logged: string[] = [];
      const spies = [
        jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
        jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
        jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (logged.push(String(chunk)), true)),
        jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (logged.push(String(chunk)), true)),
      ];
      let results: GqlResponse[];
      try {
        results = await Promise.all(variants.map((e) => signUpRaw({ email: e, password: PASSWORD, name: 'Racer' })));
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      const log = logged.join('\n');
      expect(log).not.toContain('$argon2id$');
      expect(log).not.toContain(PASSWORD);
      const winners = results.filter((r) => r.data?.['signUp']);
      const losers = results.filter((r) => !r.data?.['signUp']);
      expect(winners).toHaveLength(1);
      expect(losers.map(errorCode)).toEqual(Array(variants.length - 1).fill('EMAIL_ALREADY_REGISTERED'));
      for (const r of losers) expectNoStacktrace(r);
      expect(await accountCount(email)).toBe(1);
      const events = await api.pg.query(`SELECT count(*)::int AS n FROM security_event e JOIN account a ON a.id = e.account_id WHERE a.email_normalized = $1 AND e.type = 'ACCOUNT_CREATED'`, [email]);
      expect(events.rows[0].n).toBe(1);
    });
  });

  describe('email normalisation at login', () => {
    it('trims the email and compares it case-insensitively; the display email keeps its case', async () => {
      const email = `Grace.Hopper-${Math.random().toString(36).slice(2)}@Example.COM`;
      const res = await signUpRaw({ email: `  ${email} `, password: PASSWORD, name: 'Grace Hopper' });
      expect(res.data!['signUp'].account.email).toBe(email);
      for (const variant of [email.toLowerCase(), email.toUpperCase(), `\t ${email.toLowerCase()}  `]) {
        const login = await api.gql(LOGIN, { input: { email: variant, password: PASSWORD } });
        expect(login.errors).toBeUndefined();
        expect(login.data!['login'].__typename).toBe('Session');
      }
    });

    it('does not accept a password that differs only in case', async () => {
      const { email } = await signUp(api);
      const res = await api.gql(LOGIN, { input: { email, password: PASSWORD.toUpperCase() } });
      expect(errorCode(res)).toBe('INVALID_CREDENTIALS');
    });
  });

  describe('me', () => {
    it('is null without a session, with a malformed token and with an unknown token (not an error)', async () => {
      for (const token of [undefined, 'garbage', 'A'.repeat(43)]) {
        const res = await api.gql(ME, {}, { token });
        expect(res.errors).toBeUndefined();
        expect(res.data).toEqual({ me: null });
      }
    });

    it('answers the signed-in account', async () => {
      const email = uniqueEmail('me');
      const { token, accountId } = await signUp(api, email, 'Ada Lovelace');
      const res = await api.gql(`{ me { id email name initials createdAt twoFactor { enabled defaultMethodId smsMethods { id } backupCodes { active remaining total generatedAt } } } }`, {}, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data!['me']).toEqual({
        id: accountId,
        email,
        name: 'Ada Lovelace',
        initials: 'AL',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        twoFactor: { enabled: false, defaultMethodId: null, smsMethods: [], backupCodes: { active: false, remaining: 0, total: 0, generatedAt: null } },
      });
    });

    it.each([
      ['Ada Lovelace', 'AL'],
      ['cher', 'C'],
      ['  grace   brewster murray hopper ', 'GH'],
      ['élodie durand', 'ÉD'],
      ['Jean-Luc Picard', 'JP'],
    ])('derives the initials of %j as %j', async (name, initials) => {
      const { token } = await signUp(api, uniqueEmail('init'), name);
      const res = await api.gql(`{ me { name initials } }`, {}, { token });
      expect(res.data!['me']).toEqual({ name: name.trim(), initials });
    });
  });

  describe('password storage', () => {
    it('stores argon2id with OWASP parameters (m >= 19456 KiB, t >= 2) and the password nowhere in clear', async () => {
      const password = `Unique-Pass-${Math.random().toString(36).slice(2)}`;
      const email = uniqueEmail('hash');
      const res = await signUpRaw({ email, password, name: 'Hash Check' });
      expect(res.errors).toBeUndefined();
      const { rows } = await api.pg.query(`SELECT password_hash FROM account WHERE email_normalized = $1`, [email]);
      const hash: string = rows[0].password_hash;
      const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(hash);
      expect(match).not.toBeNull();
      expect(Number(match![1])).toBeGreaterThanOrEqual(19456);
      expect(Number(match![2])).toBeGreaterThanOrEqual(2);
      expect(Number(match![3])).toBeGreaterThanOrEqual(1);

      // A failed login with the same password as a typo must not land anywhere either.
      await api.gql(LOGIN, { input: { email, password: `${password}-typo` } });
      const dump = await dumpDatabase(api);
      expect(dump).toContain(email); // the dump really covers the account table
      expect(dump).not.toContain(password);
      expect(dump).not.toContain(Buffer.from(password).toString('hex'));
    });

    it('salts each hash: two accounts with one password have different hashes', async () => {
      const a = uniqueEmail('salt');
      const b = uniqueEmail('salt');
      await signUp(api, a);
      await signUp(api, b);
      const { rows } = await api.pg.query(`SELECT password_hash FROM account WHERE email_normalized = ANY($1)`, [[a, b]]);
      expect(rows).toHaveLength(2);
      expect(rows[0].password_hash).not.toBe(rows[1].password_hash);
    });
  });
});
