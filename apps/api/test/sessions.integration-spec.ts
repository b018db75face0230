import { createHash } from 'node:crypto';
import { errorCode, startApi, type TestApi } from './harness';
import { dumpDatabase, enableNumber, EVENTS, LOGIN, loginWithSms, LOGOUT, ME, PASSWORD, signUp } from './journey';

const TTL = 86400; // SESSION_TTL_SECONDS default
const IDLE = 3600; // SESSION_IDLE_SECONDS default

// Contract §4 "Session tokens are 256-bit random, stored only as a hash, end after
// SESSION_TTL_SECONDS or SESSION_IDLE_SECONDS without use, and at logout" and
// "When 2FA turns on, the account's other sessions end".
describe('sessions', () => {
  let api: TestApi;
  beforeAll(async () => {
    // SMS sending limits are not under test here.
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000' });
  });
  afterAll(() => api.close());

  const me = async (token: string) => (await api.gql(ME, {}, { token })).data?.['me'] ?? null;
  const passwordLogin = async (email: string) => {
    const res = await api.gql(LOGIN, { input: { email, password: PASSWORD } });
    expect(res.data!['login'].__typename).toBe('Session');
    return res.data!['login'] as { token: string; expiresAt: string };
  };

  it('hands out a 256-bit opaque token, different at each login', async () => {
    const { token, email } = await signUp(api);
    const second = (await passwordLogin(email)).token;
    for (const t of [token, second]) {
      expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
    expect(second).not.toBe(token);
  });

  it('stores only the SHA-256 of the token: the token appears nowhere in the session table or the database', async () => {
    const { token, accountId } = await signUp(api);
    const { rows } = await api.pg.query(`SELECT token_hash FROM session WHERE account_id = $1`, [accountId]);
    expect(rows).toHaveLength(1);
    expect(Buffer.compare(rows[0].token_hash, createHash('sha256').update(token).digest())).toBe(0);

    const raw = Buffer.from(token, 'base64url');
    const sessionDump = await dumpDatabase(api, ['session']);
    expect(sessionDump).toContain(accountId); // the dump covers this account's row
    for (const form of [token, raw.toString('hex'), raw.toString('base64'), Buffer.from(token).toString('hex')]) {
      expect(sessionDump).not.toContain(form);
    }
    const everything = await dumpDatabase(api);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(raw.toString('hex'));
  });

  it('answers expiresAt = login + SESSION_TTL_SECONDS', async () => {
    const before = api.clock.now().getTime();
    const { email } = await signUp(api);
    const { expiresAt } = await passwordLogin(email);
    const after = api.clock.now().getTime();
    const ms = new Date(expiresAt).getTime();
    expect(ms).toBeGreaterThanOrEqual(before + TTL * 1000);
    expect(ms).toBeLessThanOrEqual(after + TTL * 1000);
  });

  describe('logout', () => {
    it('revokes the current session only: me becomes null and protected operations UNAUTHENTICATED', async () => {
      const { token, email, accountId } = await signUp(api);
      const other = (await passwordLogin(email)).token;

      const res = await api.gql(LOGOUT, {}, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ logout: true });

      expect(await me(token)).toBeNull();
      expect(errorCode(await api.gql(EVENTS, {}, { token }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await api.gql(LOGOUT, {}, { token }))).toBe('UNAUTHENTICATED');
      // The revocation is stored, not just forgotten by this process.
      const { rows } = await api.pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1 AND revoked_at IS NOT NULL`, [accountId]);
      expect(rows[0].n).toBe(1);

      // Another session of the same account is untouched.
      expect((await me(other))?.id).toBe(accountId);
    });

    it('needs a session', async () => {
      expect(errorCode(await api.gql(LOGOUT))).toBe('UNAUTHENTICATED');
    });
  });

  describe('expiry (moved with the ManualClock)', () => {
    it('ends a session idle for SESSION_IDLE_SECONDS, and each use restarts the idle timer', async () => {
      const { token, accountId } = await signUp(api);
      api.clock.advance(IDLE - 60);
      expect((await me(token))?.id).toBe(accountId); // used: idle timer restarts
      api.clock.advance(IDLE - 60);
      expect((await me(token))?.id).toBe(accountId);
      api.clock.advance(IDLE + 1);
      expect(await me(token)).toBeNull();
      expect(errorCode(await api.gql(EVENTS, {}, { token }))).toBe('UNAUTHENTICATED');
      // Once idle-expired, it does not come back.
      expect(await me(token)).toBeNull();
    });

    it('ends a session SESSION_TTL_SECONDS after login even when used all the time', async () => {
      const { token, accountId } = await signUp(api);
      let elapsed = 0;
      const step = IDLE / 2;
      while (elapsed + step < TTL - 60) {
        api.clock.advance(step);
        elapsed += step;
        expect((await me(token))?.id).toBe(accountId);
      }
      api.clock.advance(TTL - elapsed - 30);
      expect((await me(token))?.id).toBe(accountId); // 30 s before the absolute end
      api.clock.advance(31);
      expect(await me(token)).toBeNull();
      expect(errorCode(await api.gql(EVENTS, {}, { token }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('2FA turning on', () => {
    it("ends the account's other sessions; the confirming session stays and other accounts are untouched", async () => {
      const { token, email, accountId } = await signUp(api);
      const laptop = (await passwordLogin(email)).token;
      const phoneSession = (await passwordLogin(email)).token;
      const bystander = await signUp(api);

      await enableNumber(api, token);

      expect((await me(token))?.id).toBe(accountId);
      expect(await me(laptop)).toBeNull();
      expect(await me(phoneSession)).toBeNull();
      expect(errorCode(await api.gql(EVENTS, {}, { token: laptop }))).toBe('UNAUTHENTICATED');
      expect((await me(bystander.token))?.id).toBe(bystander.accountId);

      const events = await api.gql(EVENTS, { first: 20 }, { token });
      const revoked = events.data!['securityEvents'].nodes.filter((e: { type: string }) => e.type === 'SESSION_REVOKED');
      expect(revoked).toHaveLength(1);
      expect(revoked[0].detail).toMatch(/2 other session/);
    });

    it('does not end other sessions when a second number is confirmed (2FA was already on)', async () => {
      const { token, email } = await signUp(api);
      await enableNumber(api, token);
      // A full (two-factor) login: a session that must survive adding another number.
      const second = await loginWithSms(api, email);
      await enableNumber(api, token);
      expect(await me(second)).not.toBeNull();
      expect(await me(token)).not.toBeNull();
    });
  });
});
