import { startApi, type TestApi } from './harness';
import { phone, signUp } from './journey';
import { addNumber, enableWith, REMOVE } from './two-factor-helpers';

/**
 * `me { twoFactor { enabled } }` is answered from the session lookup (no query of its own) and
 * other selections from the tables: each request sees the state at its start, never a stale one.
 */
describe('twoFactor { enabled } of the signed-in account', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000' });
  });
  afterAll(() => api.close());

  const enabled = async (token: string) => (await api.gql(`{ me { id twoFactor { enabled } } }`, {}, { token })).data!['me'].twoFactor.enabled as boolean;
  const full = async (token: string) => (await api.gql(`{ me { twoFactor { __typename enabled defaultMethodId } } }`, {}, { token })).data!['me'].twoFactor;

  it('follows adding, confirming and removing numbers, request by request', async () => {
    const { token } = await signUp(api);
    expect(await enabled(token)).toBe(false);
    await addNumber(api, token, phone()); // pending: not enabled yet
    expect(await enabled(token)).toBe(false);
    expect(await full(token)).toEqual({ __typename: 'TwoFactorStatus', enabled: false, defaultMethodId: null });

    // Turning 2FA on ends the other sessions, not this one.
    const { methodId } = await enableWith(api, token, phone());
    expect(await enabled(token)).toBe(true);
    expect(await full(token)).toEqual({ __typename: 'TwoFactorStatus', enabled: true, defaultMethodId: methodId });

    const removed = await api.gql(REMOVE, { methodId }, { token });
    expect(removed.errors).toBeUndefined();
    expect(await enabled(token)).toBe(false);
  });
});
