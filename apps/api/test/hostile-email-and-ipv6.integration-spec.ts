import { errorCode, startApi, type TestApi } from './harness';
import { ADD, LOGIN, PASSWORD, phone, SIGN_UP } from './journey';
import { signUpWith } from './two-factor-helpers';

/**
 * Issue "Security round 2" §8 (a NUL or a lone surrogate in an email is BAD_USER_INPUT, never
 * INTERNAL_SERVER_ERROR) and §5 (IPv6 clients share one per-IP budget per /64).
 */
describe('hostile emails', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const hostile = ['ada\u0000@example.com', '\u0000', 'ada@exa\u0000mple.com', '\ud800@example.com', 'ada@example.com\udfff', 'a\u0007b@example.com'];

  it.each(hostile.map((e) => [JSON.stringify(e), e]))('login with %s answers BAD_USER_INPUT on the email, counts nothing', async (_label, email) => {
    const res = await api.gql(LOGIN, { input: { email, password: PASSWORD } });
    expect(res.status).toBeLessThan(500);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions['fields']).toHaveProperty('email');
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM login_failure`)).rows[0].n).toBe(0);
  });

  it.each(hostile.map((e) => [JSON.stringify(e), e]))('signUp with %s answers BAD_USER_INPUT and creates nothing', async (_label, email) => {
    const res = await api.gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Ada' } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions['fields']).toHaveProperty('email');
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM account`)).rows[0].n).toBe(0);
  });

  it('a lone surrogate in a sign-up password is BAD_USER_INPUT', async () => {
    const res = await api.gql(SIGN_UP, { input: { email: 'ada@example.com', password: `correct horse \ud800 staple`, name: 'Ada' } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions['fields']).toHaveProperty('password');
  });
});

describe('per-IP limits key an IPv6 client by its /64', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ TRUST_PROXY: '1', SMS_LIMIT_PER_IP_PER_HOUR: '3', SMS_LIMIT_PER_ACCOUNT_PER_HOUR: '100' });
  });
  afterAll(() => api.close());

  it('addresses inside one /64 share the budget; another /64 and IPv4 have their own', async () => {
    const add = async (ip: string) => {
      const { token } = await signUpWith(api, { 'x-forwarded-for': ip });
      return api.gql(ADD, { input: { phoneNumber: phone() } }, { token, headers: { 'x-forwarded-for': ip } });
    };
    for (const ip of ['2001:db8:1:2::1', '2001:db8:1:2:aaaa::2', '2001:DB8:1:2:ffff:ffff:ffff:ffff']) expect((await add(ip)).errors).toBeUndefined();
    const refused = await add('2001:db8:1:2:1234:5678:9abc:def0');
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect((await add('2001:db8:1:3::1')).errors).toBeUndefined();
    expect((await add('203.0.113.9')).errors).toBeUndefined();
    const { rows } = await api.pg.query(`SELECT client_ip, count(*)::int AS n FROM sms_message GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      { client_ip: '2001:db8:1:2::/64', n: 3 },
      { client_ip: '2001:db8:1:3::/64', n: 1 },
      { client_ip: '203.0.113.9', n: 1 },
    ]);
  });
});
