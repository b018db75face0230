import { PasswordHasher } from '../src/passwords/password-hasher.service';
import { errorCode, startApi, type GqlResponse, type TestApi } from './harness';
import { enableNumber, expectNoStacktrace, LOGIN, PASSWORD, REAUTH, signUp } from './journey';

const LIMIT = 10; // failed password attempts per email
const WINDOW = 900; // 15 minutes

// Contract §4: "login with an unknown email and with a wrong password answer the same
// INVALID_CREDENTIALS, in comparable time" and "After 10 failed password attempts for one email
// within 15 minutes, login for that email answers RATE_LIMITED with retryAfterSeconds until the
// window passes, before any hashing (the same for existing and unknown emails)".
describe('login: credentials and the per-email failure limit', () => {
  let api: TestApi;
  let hasher: PasswordHasher;
  beforeAll(async () => {
    api = await startApi();
    hasher = api.app.get(PasswordHasher);
  });
  afterAll(() => api.close());
  afterEach(() => jest.restoreAllMocks());

  const login = (email: string, password: string) => api.gql(LOGIN, { input: { email, password } });
  const unknownEmail = () => `nobody-${Math.random().toString(36).slice(2)}@example.com`;
  /** What a client can see of an error answer, minus nothing: message, code and every extension. */
  const shape = (res: GqlResponse) => ({ status: res.status, data: res.data, errors: res.errors });
  /** `n` wrong passwords for `email`, in parallel (the limit is exact under concurrency); their error codes. */
  const failTimes = (email: string, n: number) => Promise.all(Array.from({ length: n }, (_, i) => login(email, `wrong password ${i}`).then(errorCode)));
  /** The passwords a spy saw verified: a refusal verifies only a constant (for its timing), never the guess. */
  const checked = (spy: jest.SpyInstance) => spy.mock.calls.map((c) => c[1] as string);
  const failures = async (email: string) =>
    Number((await api.pg.query(`SELECT count(*)::int AS n FROM login_failure WHERE email_normalized = $1`, [email.trim().toLowerCase()])).rows[0].n);

  it('counts tries of emails full of quotes and backslashes like any other (the throttle quotes its literals)', async () => {
    const hostile = `o'brien\\'); DROP TABLE login_failure;--"$$@example.com`;
    expect(await failTimes(hostile, LIMIT)).toEqual(Array(LIMIT).fill('INVALID_CREDENTIALS'));
    expect(await failures(hostile)).toBe(LIMIT);
    expect(errorCode(await login(hostile, 'again'))).toBe('RATE_LIMITED');
    expect(await failures(hostile)).toBe(LIMIT);
  });

  it('answers a wrong password and an unknown email with the identical INVALID_CREDENTIALS answer', async () => {
    const { email } = await signUp(api);
    const wrong = await login(email, 'not the right password');
    const unknown = await login(unknownEmail(), 'not the right password');
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(shape(unknown)).toEqual(shape(wrong));
    expect(wrong.errors).toHaveLength(1);
    expect(Object.keys(wrong.errors![0].extensions)).toEqual(['code']);
    expectNoStacktrace(wrong);
  });

  it('spends one password verification on an unknown email too (comparable time)', async () => {
    const { email } = await signUp(api);
    const verify = jest.spyOn(hasher, 'verifyPassword');
    await login(email, 'not the right password');
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockClear();
    await login(unknownEmail(), 'not the right password');
    // The dummy verification of an unknown email runs a real argon2id verify as well...
    expect(verify).toHaveBeenCalledTimes(1);
    // ...against a hash with the same cost parameters as a real account's.
    const costOf = (hash: string) => /^\$argon2id\$v=\d+\$(m=\d+,t=\d+,p=\d+)\$/.exec(hash)?.[1];
    const stored = (await api.pg.query(`SELECT password_hash FROM account WHERE email_normalized = $1`, [email])).rows[0].password_hash;
    expect(costOf(verify.mock.calls[0][0])).toBe(costOf(stored));
    expect(costOf(stored)).toEqual(expect.any(String));
  });

  it(`refuses the ${LIMIT + 1}th try with RATE_LIMITED and retryAfterSeconds, without checking the password, even the right one; it passes after the window`, async () => {
    const { email } = await signUp(api);
    expect(await failTimes(email, LIMIT)).toEqual(Array(LIMIT).fill('INVALID_CREDENTIALS'));
    expect(await failures(email)).toBe(LIMIT);

    const verify = jest.spyOn(hasher, 'verifyPassword');
    const blocked = await login(email, PASSWORD);
    expect(blocked.data).toBeNull();
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    const retry = blocked.errors![0].extensions['retryAfterSeconds'];
    expect(Number.isInteger(retry)).toBe(true);
    expect(retry).toBeGreaterThan(WINDOW - 60);
    expect(retry).toBeLessThanOrEqual(WINDOW);
    // The right password is never checked: the refusal's only verification is of a constant, timed like a wrong password.
    expect(checked(verify)).not.toContain(PASSWORD);
    expect(verify).toHaveBeenCalledTimes(1);
    // Refused tries are not counted again (the window does not slide forward on refusals).
    expect(await failures(email)).toBe(LIMIT);

    // Still blocked one minute before the window ends; retryAfterSeconds counts down.
    api.clock.advance(retry - 60);
    const still = await login(email, PASSWORD);
    expect(errorCode(still)).toBe('RATE_LIMITED');
    expect(still.errors![0].extensions['retryAfterSeconds']).toBeLessThanOrEqual(60);
    expect(still.errors![0].extensions['retryAfterSeconds']).toBeGreaterThan(0);

    api.clock.advance(61);
    const ok = await login(email, PASSWORD);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!['login'].__typename).toBe('Session');
  });

  it(`holds under concurrency: of 30 simultaneous wrong passwords for one email, at most ${LIMIT} are checked`, async () => {
    const { email } = await signUp(api);
    const verify = jest.spyOn(hasher, 'verifyPassword');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(email, `parallel guess ${i}`)));
    const codes = answers.map(errorCode);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(LIMIT);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(30 - LIMIT);
    expect(checked(verify).filter((p) => p.startsWith('parallel guess'))).toHaveLength(LIMIT);
    expect(await failures(email)).toBe(LIMIT);
    expect(errorCode(await login(email, PASSWORD))).toBe('RATE_LIMITED');
  });

  it('limits unknown emails the same way, without checking the guess', async () => {
    const email = unknownEmail();
    expect(await failTimes(email, LIMIT)).toEqual(Array(LIMIT).fill('INVALID_CREDENTIALS'));
    const verify = jest.spyOn(hasher, 'verifyPassword');
    const dummy = jest.spyOn(hasher, 'dummyVerify');
    const blocked = await login(email, 'guess 11');
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors![0].extensions['retryAfterSeconds']).toBeGreaterThan(0);
    expect(checked(verify)).not.toContain('guess 11');
    expect(dummy).not.toHaveBeenCalled();
  });

  it('counts failures per email: case and whitespace variants are one email, another email is not affected', async () => {
    const victim = await signUp(api);
    const bystander = await signUp(api);
    const variants = [victim.email, victim.email.toUpperCase(), `  ${victim.email}  `];
    const codes = await Promise.all(Array.from({ length: LIMIT }, (_, i) => login(variants[i % variants.length], `wrong ${i}`).then(errorCode)));
    expect(codes).toEqual(Array(LIMIT).fill('INVALID_CREDENTIALS'));
    expect(errorCode(await login(victim.email.toUpperCase(), PASSWORD))).toBe('RATE_LIMITED');
    // Another account, from the same client, still logs in.
    const other = await login(bystander.email, PASSWORD);
    expect(other.data!['login'].__typename).toBe('Session');
  });

  it(`does not block after ${LIMIT - 1} failures, and failures older than 15 minutes stop counting`, async () => {
    const { email } = await signUp(api);
    await failTimes(email, LIMIT - 1);
    api.clock.advance(WINDOW + 1);
    // The 9 old failures left the window: 9 fresh ones are allowed again...
    expect(await failTimes(email, LIMIT - 1)).toEqual(Array(LIMIT - 1).fill('INVALID_CREDENTIALS'));
    // ...and the right password still gets in at 9 failures within the window.
    const ok = await login(email, PASSWORD);
    expect(ok.data!['login'].__typename).toBe('Session');
  });

  it('also counts wrong reauthenticate passwords for the email (sudo mode cannot be used to guess)', async () => {
    const { email, token } = await signUp(api);
    for (let i = 0; i < LIMIT; i++) {
      expect(errorCode(await api.gql(REAUTH, { input: { password: `wrong ${i}` } }, { token }))).toBe('INVALID_CREDENTIALS');
    }
    expect(errorCode(await api.gql(REAUTH, { input: { password: PASSWORD } }, { token }))).toBe('RATE_LIMITED');
    expect(errorCode(await login(email, PASSWORD))).toBe('RATE_LIMITED');
  });

  it('returns a TwoFactorChallenge (not a session) to the right password when 2FA is on, and the limit applies before it', async () => {
    const { email, token } = await signUp(api);
    await enableNumber(api, token);
    const challenge = await login(email, PASSWORD);
    expect(challenge.data!['login'].__typename).toBe('TwoFactorChallenge');
    expect(challenge.data!['login'].token).toBeUndefined();
    await failTimes(email, LIMIT);
    expect(errorCode(await login(email, PASSWORD))).toBe('RATE_LIMITED');
  });

  it('answers BAD_USER_INPUT (not a counted failure) to an empty email or password', async () => {
    const email = unknownEmail();
    const noPassword = await login(email, '');
    expect(errorCode(noPassword)).toBe('BAD_USER_INPUT');
    expect(noPassword.errors![0].extensions['fields']).toEqual({ password: expect.any(String) });
    const noEmail = await login('   ', 'something long enough');
    expect(errorCode(noEmail)).toBe('BAD_USER_INPUT');
    expect(noEmail.errors![0].extensions['fields']).toEqual({ email: expect.any(String) });
    expect(await failures(email)).toBe(0);
  });
});
