import { randomUUID } from 'node:crypto';
import { generateOpaqueToken, hashOpaqueToken } from '@twofold/two-factor-domain';
import { errorCode, startApi, type TestApi } from './harness';
import { ADD, CONFIRM, LOGIN, ME, PASSWORD, phone, signUp } from './journey';
import { REMOVE } from './two-factor-helpers';

/**
 * Issue "Security round 2" §2 and contract §7: a session created by the password alone while 2FA
 * is off never outlives 2FA being turned on, even when the login races the confirmation of the
 * first number. The rule is enforced where the session is read (SessionsService.authenticate),
 * not only by the revocation at confirmation time.
 */
describe('single-factor sessions and 2FA turning on', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000', LOGIN_FAILURE_LIMIT: '1000' });
  });
  afterAll(() => api.close());

  /** `me` answers null for a dead session, and a guarded field UNAUTHENTICATED. */
  const alive = async (token: string) => {
    const me = Boolean((await api.gql(ME, {}, { token })).data?.['me']);
    const events = await api.gql(`{ securityEvents(first: 1) { nodes { id } } }`, {}, { token });
    expect(me).toBe(errorCode(events) === undefined);
    return me;
  };

  it('correct-password logins looped while the first number is confirmed: every single-factor session is dead afterwards, and stays dead when 2FA is turned off', async () => {
    let racedSessions = 0;
    for (let round = 0; round < 4; round++) {
      const { token, email, accountId } = await signUp(api);
      const number = phone();
      const added = await api.gql(ADD, { input: { phoneNumber: number } }, { token });
      const methodId = added.data!['addSmsMethod'].method.id as string;
      const code = await api.lastCode(number);

      // 12 clients loop correct-password logins (before, during and after the confirmation) until
      // the password step answers a TwoFactorChallenge: 2FA is on for them too.
      const worker = async () => {
        const tokens: string[] = [];
        for (let k = 0; k < 30; k++) {
          const res = await api.gql(LOGIN, { input: { email, password: PASSWORD } });
          const login = res.data?.['login'];
          if (login?.__typename === 'TwoFactorChallenge') break;
          if (login?.__typename !== 'Session') throw new Error(JSON.stringify(res));
          tokens.push(login.token as string);
        }
        return tokens;
      };
      const logins = Promise.all(Array.from({ length: 12 }, worker));
      await new Promise((r) => setTimeout(r, 20 * (round + 1)));
      const confirmed = await api.gql(CONFIRM, { input: { methodId, code, description: null } }, { token });
      expect(confirmed.errors).toBeUndefined();
      const tokens = (await logins).flat();
      expect(tokens.length).toBeGreaterThan(0);

      // Some of these logins finished after the confirmation's revocation: dead all the same.
      const { rows } = await api.pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1 AND revoked_at IS NULL AND NOT second_factor`, [accountId]);
      racedSessions += rows[0].n;
      for (const t of tokens) expect(await alive(t)).toBe(false);
      // The session that confirmed the number passed a second factor (the code it received): it lives.
      expect(await alive(token)).toBe(true);

      // 2FA off again: a session of the old epoch does not come back to life.
      const removed = await api.gql(REMOVE, { methodId }, { token });
      expect(removed.errors).toBeUndefined();
      expect(removed.data!['removeSmsMethod'].enabled).toBe(false);
      for (const t of tokens) expect(await alive(t)).toBe(false);
    }
    // Not asserted (it depends on timing), only reported: how many raced sessions the read-time rule caught.
    if (racedSessions > 0) console.info(`single-factor-race: ${racedSessions} session(s) inserted after the revocation were refused when read`);
  });

  it('a single-factor session of an older 2FA epoch is refused when read, even if no revocation reached it', async () => {
    const { token, accountId } = await signUp(api);
    const number = phone();
    const added = await api.gql(ADD, { input: { phoneNumber: number } }, { token });
    const confirmed = await api.gql(CONFIRM, { input: { methodId: added.data!['addSmsMethod'].method.id, code: await api.lastCode(number), description: null } }, { token });
    expect(confirmed.errors).toBeUndefined();

    // What a login that read "2FA off" before the confirmation committed inserts after it.
    const now = api.clock.now();
    const insert = async (secondFactor: boolean, epoch: number) => {
      const raced = generateOpaqueToken();
      await api.pg.query(
        `INSERT INTO session (id, account_id, token_hash, created_at, last_used_at, expires_at, authenticated_at, revoked_at, ip_address, user_agent, second_factor, two_factor_epoch)
         VALUES ($1, $2, $3, $4, $4, $5, $4, NULL, NULL, NULL, $6, $7)`,
        [randomUUID(), accountId, hashOpaqueToken(raced), now, new Date(now.getTime() + 3600_000), secondFactor, epoch],
      );
      return raced;
    };
    const { rows } = await api.pg.query(`SELECT two_factor_epoch FROM account WHERE id = $1`, [accountId]);
    expect(rows[0].two_factor_epoch).toBe(1);
    expect(await alive(await insert(false, 0))).toBe(false);
    // Even one carrying the current epoch is refused while 2FA is on: it passed no second factor.
    expect(await alive(await insert(false, 1))).toBe(false);
    expect(await alive(await insert(true, 0))).toBe(true);
  });
});
