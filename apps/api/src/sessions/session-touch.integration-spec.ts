import { startApi, type TestApi } from '../../test/harness';
import { ME, signUp } from '../../test/journey';

describe('session use is read-only within a minute', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const lastUsed = async (accountId: string): Promise<number> =>
    (await api.pg.query('SELECT last_used_at FROM session WHERE account_id = $1', [accountId])).rows[0].last_used_at.getTime();

  it('writes last_used_at only when it is a minute old, and the idle timer still restarts', async () => {
    const { token, accountId } = await signUp(api);
    const created = await lastUsed(accountId);
    api.clock.advance(30);
    expect((await api.gql(ME, {}, { token })).data!['me']).not.toBeNull();
    expect(await lastUsed(accountId)).toBe(created);
    api.clock.advance(31);
    expect((await api.gql(ME, {}, { token })).data!['me']).not.toBeNull();
    expect(await lastUsed(accountId)).toBeGreaterThanOrEqual(created + 61_000);
    // Idle for just under SESSION_IDLE_SECONDS since that touch: still signed in.
    api.clock.advance(3600 - 5);
    expect((await api.gql(ME, {}, { token })).data!['me']).not.toBeNull();
  });
});
