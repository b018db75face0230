import { startApi, type TestApi } from './harness';
import { EVENTS } from './journey';
import { signUpWith } from './two-factor-helpers';

/**
 * Which address the API takes as the client's, over real HTTP (the test's socket is 127.0.0.1).
 * A client can put anything in X-Forwarded-For; only the hops added by trusted proxies count,
 * so a forged leftmost entry must never become the client IP (per-IP limits, security events).
 */
describe('client IP behind proxies (TRUST_PROXY)', () => {
  // The address the API recorded for the request that created the account.
  async function seenIp(api: TestApi, forwardedFor?: string): Promise<string | null> {
    const { token } = await signUpWith(api, forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor });
    const res = await api.gql(EVENTS, { first: 10 }, { token });
    const nodes = res.data!['securityEvents'].nodes as { type: string; ipAddress: string | null }[];
    return nodes.find((e) => e.type === 'ACCOUNT_CREATED')!.ipAddress;
  }
  const SOCKET = /^(::ffff:)?127\.0\.0\.1$/;

  describe('TRUST_PROXY=1 (one proxy in front)', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi({ TRUST_PROXY: '1' });
    });
    afterAll(() => api.close());

    it('takes the address the proxy appended, not the forged leftmost one', async () => {
      expect(await seenIp(api, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
      expect(await seenIp(api, '6.6.6.6,5.5.5.5,203.0.113.8')).toBe('203.0.113.8');
      expect(await seenIp(api, '203.0.113.9')).toBe('203.0.113.9');
    });

    it('takes the socket address when there is no header', async () => {
      expect(await seenIp(api)).toMatch(SOCKET);
    });
  });

  describe('TRUST_PROXY as trusted subnets', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1/32' });
    });
    afterAll(() => api.close());

    it('walks back over trusted proxies only and stops at the first untrusted address', async () => {
      expect(await seenIp(api, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
      expect(await seenIp(api, '6.6.6.6, 203.0.113.7, 10.1.2.3')).toBe('203.0.113.7');
    });

    it('ignores the header when the socket itself is not a trusted proxy', async () => {
      const elsewhere = await startApi({ TRUST_PROXY: '10.0.0.0/8' });
      try {
        expect(await seenIp(elsewhere, '6.6.6.6, 203.0.113.7')).toMatch(SOCKET);
      } finally {
        await elsewhere.close();
      }
    });

    it('understands keywords such as loopback', async () => {
      const loopback = await startApi({ TRUST_PROXY: 'loopback' });
      try {
        expect(await seenIp(loopback, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
      } finally {
        await loopback.close();
      }
    });
  });

  describe('TRUST_PROXY unset (the default)', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi();
    });
    afterAll(() => api.close());

    it('ignores X-Forwarded-For and takes the socket address', async () => {
      expect(api.config.trustProxy).toEqual({ kind: 'off' });
      expect(await seenIp(api, '6.6.6.6, 203.0.113.7')).toMatch(SOCKET);
    });
  });
});
