import { randomUUID } from 'node:crypto';
import { generateOpaqueToken, hashOpaqueToken } from '@twofold/two-factor-domain';
import { errorCode, startApi, type GqlResponse, type TestApi } from './harness';
import { enableNumber, LOGIN, LOGOUT, ME, PASSWORD, signUp } from './journey';
import { signUpWith, startAnotherInstance } from './two-factor-helpers';

const TTL = 86400; // SESSION_TTL_SECONDS default
const IDLE = 3600; // SESSION_IDLE_SECONDS default
const REAUTH = 600; // REAUTH_WINDOW_SECONDS default

const FIELDS = `id current createdAt lastSeenAt expiresAt ipAddress userAgent secondFactor`;
const SESSIONS = `{ sessions { ${FIELDS} } }`;
const REVOKE = `mutation($id: ID!) { revokeSession(id: $id) { ${FIELDS} } }`;
const REVOKE_OTHERS = `mutation { revokeOtherSessions { ${FIELDS} } }`;

interface SessionInfo {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  secondFactor: boolean;
}

/** A device: the address the trusted proxy reports (X-Forwarded-For) and its browser. */
interface Device {
  ip: string;
  ua: string;
}
const LAPTOP: Device = {
  ip: '203.0.113.10',
  ua: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};
const PHONE: Device = {
  ip: '198.51.100.20',
  ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1',
};
const CAFE: Device = {
  ip: '192.0.2.30',
  ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36 Edg/126.0',
};

// Contract v2 §7 "sessions lists the account's live sessions with the IP and user agent of their
// last use; revokeSession and revokeOtherSessions end them at once (NOT_FOUND for another
// account's id). secondFactor is true when the session passed a second factor".
describe('sessions list, revokeSession, revokeOtherSessions', () => {
  let api: TestApi;
  beforeAll(async () => {
    // One proxy in front: X-Forwarded-For names the client. SMS sending limits are not under test.
    api = await startApi({ TRUST_PROXY: '1', SMS_LIMIT_PER_IP_PER_HOUR: '1000' });
  });
  afterAll(() => api.close());

  const as = (token: string, d: Device) => ({ token, ip: d.ip, headers: { 'user-agent': d.ua } });
  const list = async (token: string, d: Device): Promise<SessionInfo[]> => {
    const res = await api.gql(SESSIONS, {}, as(token, d));
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data['sessions'];
  };
  const signUpOn = async (d: Device) => signUpWith(api, { 'x-forwarded-for': d.ip, 'user-agent': d.ua });
  const loginOn = async (email: string, d: Device): Promise<string> => {
    const res = await api.gql(
      LOGIN,
      { input: { email, password: PASSWORD } },
      { ip: d.ip, headers: { 'user-agent': d.ua } },
    );
    expect(res.data!['login'].__typename).toBe('Session');
    return res.data!['login'].token;
  };
  const idOf = async (token: string): Promise<string> =>
    (await api.pg.query(`SELECT id FROM session WHERE token_hash = $1`, [hashOpaqueToken(token)])).rows[0].id;
  const me = async (token: string) => (await api.gql(ME, {}, { token })).data?.['me'] ?? null;
  const revokedEvents = async (
    accountId: string,
  ): Promise<{ detail: string; ip_address: string; user_agent: string }[]> =>
    (
      await api.pg.query(
        `SELECT detail, ip_address, user_agent FROM security_event WHERE account_id = $1 AND type = 'SESSION_REVOKED' ORDER BY created_at, id`,
        [accountId],
      )
    ).rows;
  const iso = (d: Date) => d.toISOString();
  const liveRows = async (accountId: string): Promise<number> =>
    (
      await api.pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1 AND revoked_at IS NULL`, [
        accountId,
      ])
    ).rows[0].n;

  describe('sessions', () => {
    it('lists each device with its IP and user agent, the current session first, then newest first', async () => {
      const t0 = api.clock.now();
      const { token: laptop, email } = await signUpOn(LAPTOP);
      api.clock.advance(5);
      const phone = await loginOn(email, PHONE);
      api.clock.advance(5);
      const cafe = await loginOn(email, CAFE);
      const [laptopId, phoneId, cafeId] = [await idOf(laptop), await idOf(phone), await idOf(cafe)];

      const fromPhone = await list(phone, PHONE);
      expect(fromPhone.map((s) => [s.id, s.current])).toEqual([
        [phoneId, true],
        [cafeId, false],
        [laptopId, false],
      ]);
      const byId = Object.fromEntries(fromPhone.map((s) => [s.id, s]));
      expect(byId[laptopId]).toMatchObject({ ipAddress: LAPTOP.ip, userAgent: LAPTOP.ua, secondFactor: false });
      expect(byId[phoneId]).toMatchObject({ ipAddress: PHONE.ip, userAgent: PHONE.ua, secondFactor: false });
      expect(byId[cafeId]).toMatchObject({ ipAddress: CAFE.ip, userAgent: CAFE.ua, secondFactor: false });
      for (const s of fromPhone) {
        expect(new Date(s.createdAt).getTime()).toBeGreaterThanOrEqual(t0.getTime());
        expect(s.lastSeenAt).toBe(s.createdAt);
        expect(new Date(s.expiresAt).getTime()).toBe(new Date(s.createdAt).getTime() + TTL * 1000);
      }

      const fromLaptop = await list(laptop, LAPTOP);
      expect(fromLaptop.map((s) => [s.id, s.current])).toEqual([
        [laptopId, true],
        [cafeId, false],
        [phoneId, false],
      ]);
      // Another account sees none of them.
      const other = await signUp(api);
      expect((await list(other.token, LAPTOP)).map((s) => s.id)).toEqual([await idOf(other.token)]);
    });

    it('shows the last use: a new IP or user agent at once, the time once a minute, and no write per request otherwise', async () => {
      const { token: laptop, email } = await signUpOn(LAPTOP);
      const phone = await loginOn(email, PHONE);
      const laptopId = await idOf(laptop);
      // xmin changes with any write of the row, so an equal row means "not rewritten".
      const row = async (): Promise<{ xmin: string; last_used_at: Date }> =>
        (await api.pg.query(`SELECT xmin::text AS xmin, last_used_at FROM session WHERE id = $1`, [laptopId])).rows[0];
      const shown = async () => (await list(phone, PHONE)).find((s) => s.id === laptopId)!;
      const useFrom = async (d: Device) => expect((await api.gql(ME, {}, as(laptop, d))).data!['me']).not.toBeNull();

      // Within the minute, from the device that signed in: read-only.
      const created = await row();
      api.clock.advance(20);
      for (let i = 0; i < 5; i++) await useFrom(LAPTOP);
      expect(await row()).toEqual(created);
      expect(await shown()).toMatchObject({
        ipAddress: LAPTOP.ip,
        userAgent: LAPTOP.ua,
        lastSeenAt: iso(created.last_used_at),
      });

      // The same session used from another place and browser within the minute: recorded at once.
      api.clock.advance(5);
      const used = api.clock.now();
      await useFrom(CAFE);
      const moved = await row();
      expect(moved.last_used_at.getTime()).toBeGreaterThanOrEqual(used.getTime());
      expect(await shown()).toMatchObject({
        ipAddress: CAFE.ip,
        userAgent: CAFE.ua,
        lastSeenAt: iso(moved.last_used_at),
      });

      // Again from there within the minute: nothing written.
      api.clock.advance(30);
      for (let i = 0; i < 5; i++) await useFrom(CAFE);
      expect(await row()).toEqual(moved);

      // More than a minute after the last recorded use: lastSeenAt moves on.
      api.clock.advance(31);
      const later = api.clock.now();
      await useFrom(CAFE);
      const minuteLater = await shown();
      expect(new Date(minuteLater.lastSeenAt).getTime()).toBeGreaterThanOrEqual(later.getTime());
      expect(minuteLater).toMatchObject({ ipAddress: CAFE.ip, userAgent: CAFE.ua });

      // Only the browser changes (same address): recorded too; then back on the laptop.
      await useFrom({ ip: CAFE.ip, ua: PHONE.ua });
      expect(await shown()).toMatchObject({ ipAddress: CAFE.ip, userAgent: PHONE.ua });
      await useFrom(LAPTOP);
      expect(await shown()).toMatchObject({ ipAddress: LAPTOP.ip, userAgent: LAPTOP.ua });
    });

    it('leaves out revoked, idle-expired and expired sessions', async () => {
      const { token: old, email, accountId } = await signUpOn(LAPTOP);
      api.clock.advance(1800);
      const main = await loginOn(email, PHONE);
      const idle = await loginOn(email, CAFE);
      const revoked = await loginOn(email, CAFE);
      expect((await api.gql(LOGOUT, {}, as(revoked, CAFE))).data!['logout']).toBe(true);
      const ids = { old: await idOf(old), main: await idOf(main), idle: await idOf(idle) };
      expect((await list(main, PHONE)).map((s) => s.id).sort()).toEqual([ids.old, ids.main, ids.idle].sort());
      // `old` and `main` are used at least every half hour; `idle` is not used again.
      const useBoth = async () => {
        await list(old, LAPTOP);
        return list(main, PHONE);
      };
      await useBoth();

      api.clock.advance(1800);
      await useBoth();
      api.clock.advance(IDLE - 1800 + 1);
      expect(await me(idle)).toBeNull();
      expect((await useBoth()).map((s) => s.id).sort()).toEqual([ids.old, ids.main].sort());

      // `old` reaches its absolute end (SESSION_TTL_SECONDS after creation) while still in use.
      let elapsed = 1800 + IDLE + 1; // since `old` was created
      while (elapsed + 1800 < TTL) {
        api.clock.advance(1800);
        elapsed += 1800;
        await useBoth();
      }
      api.clock.advance(TTL - elapsed + 1);
      expect(await me(old)).toBeNull();
      expect((await list(main, PHONE)).map((s) => s.id)).toEqual([ids.main]);
      expect(await liveRows(accountId)).toBe(3); // nothing was revoked but the logout: the rule is read, as for the bearer token
    });

    it('leaves out a password-only session once 2FA is on, as the per-request read refuses it', async () => {
      const { token, accountId } = await signUpOn(LAPTOP);
      await enableNumber(api, token);
      const listed = await list(token, LAPTOP);
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ current: true, secondFactor: true });

      // What a password login racing the confirmation can leave: a password-only session that no
      // revocation reached, of the old epoch, or of the new one while 2FA is on.
      const now = api.clock.now();
      const raced = async (secondFactor: boolean, epoch: number) => {
        const t = generateOpaqueToken();
        await api.pg.query(
          `INSERT INTO session (id, account_id, token_hash, created_at, last_used_at, expires_at, authenticated_at, revoked_at, ip_address, user_agent, second_factor, two_factor_epoch)
           VALUES ($1, $2, $3, $4, $4, $5, $4, NULL, $6, $7, $8, $9)`,
          [
            randomUUID(),
            accountId,
            hashOpaqueToken(t),
            now,
            new Date(now.getTime() + 3600_000),
            CAFE.ip,
            CAFE.ua,
            secondFactor,
            epoch,
          ],
        );
        return t;
      };
      const oldEpoch = await raced(false, 0);
      const sameEpoch = await raced(false, 1);
      const passed = await raced(true, 0);
      expect(await me(oldEpoch)).toBeNull();
      expect(await me(sameEpoch)).toBeNull();
      expect(await me(passed)).not.toBeNull();
      const shown = await list(token, LAPTOP);
      expect(shown.map((s) => s.id)).toEqual([await idOf(token), await idOf(passed)]);
      expect(shown[1]).toMatchObject({ secondFactor: true, current: false });

      // Neither can be ended (nothing live to end) nor counted by revokeOtherSessions.
      for (const dead of [oldEpoch, sameEpoch])
        expect(errorCode(await api.gql(REVOKE, { id: await idOf(dead) }, as(token, LAPTOP)))).toBe('NOT_FOUND');
      const before = (await revokedEvents(accountId)).length;
      expect((await api.gql(REVOKE_OTHERS, {}, as(token, LAPTOP))).data!['revokeOtherSessions']).toHaveLength(1);
      expect((await revokedEvents(accountId)).slice(before).map((e) => e.detail)).toEqual(['1 other session(s) ended']);
    });
  });

  describe('revokeSession', () => {
    it('ends another session of the account at once, without sudo, and records SESSION_REVOKED', async () => {
      const { token: laptop, email, accountId } = await signUpOn(LAPTOP);
      const phone = await loginOn(email, PHONE);
      const [laptopId, phoneId] = [await idOf(laptop), await idOf(phone)];
      // Long past the sudo window (still used within the idle window).
      api.clock.advance(REAUTH + 60);

      const res = await api.gql(REVOKE, { id: phoneId }, as(laptop, LAPTOP));
      expect(res.errors).toBeUndefined();
      expect(res.data!['revokeSession'].map((s: SessionInfo) => [s.id, s.current])).toEqual([[laptopId, true]]);

      // The phone's token stops working with the next request.
      expect(await me(phone)).toBeNull();
      const guarded = await api.gql(SESSIONS, {}, as(phone, PHONE));
      expect(errorCode(guarded)).toBe('UNAUTHENTICATED');
      expect(guarded.data).toBeNull();
      expect(
        (await api.pg.query(`SELECT revoked_at FROM session WHERE id = $1`, [phoneId])).rows[0].revoked_at,
      ).not.toBeNull();

      expect(await revokedEvents(accountId)).toEqual([
        { detail: `session ${phoneId} ended from another session`, ip_address: LAPTOP.ip, user_agent: LAPTOP.ua },
      ]);
      expect(await me(laptop)).not.toBeNull();
    });

    it('answers NOT_FOUND for another account’s session, an unknown, ended or malformed id, and changes nothing', async () => {
      const { token, email, accountId } = await signUpOn(LAPTOP);
      const ended = await loginOn(email, PHONE);
      const endedId = await idOf(ended);
      await api.gql(LOGOUT, {}, { token: ended });
      const stranger = await signUpOn(CAFE);
      const strangerId = await idOf(stranger.token);
      const eventsBefore = (await revokedEvents(accountId)).length;

      for (const id of [
        strangerId,
        strangerId.toUpperCase(),
        randomUUID(),
        endedId,
        'not-a-session',
        '',
        "1' OR '1'='1",
        `${strangerId}x`,
      ]) {
        const res = await api.gql(REVOKE, { id }, as(token, LAPTOP));
        expect({ id, code: errorCode(res), message: res.errors?.[0]?.message, data: res.data }).toEqual({
          id,
          code: 'NOT_FOUND',
          message: 'Session not found.',
          data: null,
        });
      }
      expect(await me(stranger.token)).not.toBeNull();
      expect(await me(token)).not.toBeNull();
      expect((await revokedEvents(accountId)).length).toBe(eventsBefore);
      expect(await revokedEvents(stranger.accountId)).toEqual([]);
    });

    it('answers BAD_USER_INPUT for the current session (logout ends it) and keeps it', async () => {
      const { token, accountId } = await signUpOn(LAPTOP);
      const id = await idOf(token);
      for (const form of [id, id.toUpperCase()]) {
        const res = await api.gql(REVOKE, { id: form }, as(token, LAPTOP));
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0]).toMatchObject({
          message: 'This is the current session: use logout to end it.',
          extensions: { code: 'BAD_USER_INPUT', fields: { id: 'This is the current session: use logout to end it.' } },
        });
      }
      expect(await me(token)).not.toBeNull();
      expect(await revokedEvents(accountId)).toEqual([]);
    });
  });

  describe('revokeOtherSessions', () => {
    it('keeps only the current session, ends the others at once and records how many', async () => {
      const { token: laptop, email, accountId } = await signUpOn(LAPTOP);
      const others = [await loginOn(email, PHONE), await loginOn(email, CAFE), await loginOn(email, PHONE)];
      api.clock.advance(REAUTH + 60);

      const res = await api.gql(REVOKE_OTHERS, {}, as(laptop, LAPTOP));
      expect(res.errors).toBeUndefined();
      expect(res.data!['revokeOtherSessions']).toEqual([
        expect.objectContaining({ id: await idOf(laptop), current: true, ipAddress: LAPTOP.ip, userAgent: LAPTOP.ua }),
      ]);
      for (const t of others) expect(await me(t)).toBeNull();
      expect(await liveRows(accountId)).toBe(1);
      expect(await revokedEvents(accountId)).toEqual([
        { detail: '3 other session(s) ended', ip_address: LAPTOP.ip, user_agent: LAPTOP.ua },
      ]);

      // Nothing else to end: the same answer, and no event.
      expect((await api.gql(REVOKE_OTHERS, {}, as(laptop, LAPTOP))).data!['revokeOtherSessions']).toHaveLength(1);
      expect(await revokedEvents(accountId)).toHaveLength(1);
      expect(await me(laptop)).not.toBeNull();
    });

    it('leaves other accounts alone', async () => {
      const a = await signUpOn(LAPTOP);
      const b = await signUpOn(PHONE);
      const b2 = await loginOn(b.email, CAFE);
      await api.gql(REVOKE_OTHERS, {}, as(a.token, LAPTOP));
      expect(await me(b.token)).not.toBeNull();
      expect(await me(b2)).not.toBeNull();
    });
  });

  // Two sessions of one account ending each other at the same instant (the customer and a thief,
  // each pressing "End all other sessions"): without one-at-a-time revocation both calls would
  // succeed and nobody would be left signed in, or the thief could keep their session. What must
  // hold: exactly one of the two calls succeeds, its session is the only one left, the other call
  // is UNAUTHENTICATED (its session was just ended), and one event records the count.
  describe('concurrent revocations', () => {
    it('two revokeOtherSessions at once from two sessions (two API instances): exactly one session is left', async () => {
      const second = await startAnotherInstance(api);
      try {
        for (let round = 0; round < 8; round++) {
          const { token: a, email, accountId } = await signUpOn(LAPTOP);
          const b = await loginOn(email, PHONE);
          await loginOn(email, CAFE);
          const [ra, rb] = await Promise.all([
            api.gql(REVOKE_OTHERS, {}, as(a, LAPTOP)),
            second.gql(REVOKE_OTHERS, {}, as(b, PHONE)),
          ]);
          const outcomes = [ra, rb].map((r: GqlResponse) => (r.errors ? errorCode(r) : 'ok')).sort();
          expect(outcomes).toEqual(['UNAUTHENTICATED', 'ok']);
          const [winner, winnerToken] = ra.errors ? [rb, b] : [ra, a];
          const survivorId = await idOf(winnerToken);
          expect(winner.data!['revokeOtherSessions']).toEqual([
            expect.objectContaining({ id: survivorId, current: true }),
          ]);
          const live = await api.pg.query(`SELECT id FROM session WHERE account_id = $1 AND revoked_at IS NULL`, [
            accountId,
          ]);
          expect(live.rows.map((r: { id: string }) => r.id)).toEqual([survivorId]);
          expect(await me(winnerToken)).not.toBeNull();
          expect(await me(winnerToken === a ? b : a)).toBeNull();
          expect((await revokedEvents(accountId)).map((e) => e.detail)).toEqual(['2 other session(s) ended']);
        }
      } finally {
        await second.close();
      }
    });

    it('two sessions ending each other with revokeSession at once: exactly one survives', async () => {
      for (let round = 0; round < 8; round++) {
        const { token: a, email, accountId } = await signUpOn(LAPTOP);
        const b = await loginOn(email, PHONE);
        const [aId, bId] = [await idOf(a), await idOf(b)];
        const [ra, rb] = await Promise.all([
          api.gql(REVOKE, { id: bId }, as(a, LAPTOP)),
          api.gql(REVOKE, { id: aId }, as(b, PHONE)),
        ]);
        expect([ra, rb].map((r) => (r.errors ? errorCode(r) : 'ok')).sort()).toEqual(['UNAUTHENTICATED', 'ok']);
        const survivor = ra.errors ? b : a;
        expect(await me(survivor)).not.toBeNull();
        expect(await me(survivor === a ? b : a)).toBeNull();
        expect(await liveRows(accountId)).toBe(1);
        expect(await revokedEvents(accountId)).toHaveLength(1);
      }
    });

    it('revokeOtherSessions racing a logout of another session: the logout ends only itself, the list ends every other', async () => {
      const { token: a, email, accountId } = await signUpOn(LAPTOP);
      const b = await loginOn(email, PHONE);
      const c = await loginOn(email, CAFE);
      const [ra, rb] = await Promise.all([
        api.gql(REVOKE_OTHERS, {}, as(a, LAPTOP)),
        api.gql(LOGOUT, {}, as(b, PHONE)),
      ]);
      expect(ra.data!['revokeOtherSessions'].map((s: SessionInfo) => s.id)).toEqual([await idOf(a)]);
      expect(rb.errors === undefined || errorCode(rb) === 'UNAUTHENTICATED').toBe(true);
      for (const t of [b, c]) expect(await me(t)).toBeNull();
      expect(await liveRows(accountId)).toBe(1);
    });
  });
});
