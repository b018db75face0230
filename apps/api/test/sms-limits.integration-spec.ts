import { errorCode, startApi, type TestApi } from './harness';
import { ADD, phone } from './journey';
import { addNumber, RESEND, signUpWith, startAnotherInstance, type ApiInstance } from './two-factor-helpers';

/**
 * Contract §4 "Sending is limited": cooldown, 5/hour per number (across accounts), 10/hour per
 * account, 20/hour per client IP, under parallel requests and across API instances.
 * Default limits; TRUST_PROXY=1 (one proxy in front) lets each test speak from its own client IP (X-Forwarded-For).
 */
describe('SMS sending limits', () => {
  let api: TestApi;
  let ipCounter = 0;
  const newIp = () => ({ 'x-forwarded-for': `198.51.100.${++ipCounter}` });

  beforeAll(async () => {
    api = await startApi({ TRUST_PROXY: '1' });
  });
  afterAll(() => api.close());

  const cooldown = () => api.config.timings.smsResendCooldownSeconds;

  it('uses the default limits of the contract', () => {
    expect(api.config.limits).toMatchObject({ smsPerNumberPerHour: 5, smsPerAccountPerHour: 10, smsPerIpPerHour: 20 });
    expect(api.config.timings.smsResendCooldownSeconds).toBe(30);
  });

  it('5 codes an hour per number, counted across accounts; the 6th is RATE_LIMITED until the hour has passed', async () => {
    const number = phone();
    const a = await signUpWith(api, newIp());
    const headers = newIp();
    const t0 = api.clock.now().getTime();
    const { methodId } = await addNumber(api, a.token, number, headers); // 1
    for (let i = 0; i < 2; i++) {
      api.clock.advance(cooldown());
      expect((await api.gql(RESEND, { methodId }, { token: a.token, headers })).errors).toBeUndefined(); // 2, 3
    }
    for (let i = 0; i < 2; i++) {
      const other = await signUpWith(api, newIp());
      await addNumber(api, other.token, number, newIp()); // 4, 5
    }
    const late = await signUpWith(api, newIp());
    const refused = await api.gql(ADD, { input: { phoneNumber: number } }, { token: late.token, headers: newIp() });
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    const retry = refused.errors![0].extensions['retryAfterSeconds'];
    // The first of the 5 was sent 2 cooldowns (plus real time) ago: it leaves the window in 1 hour minus that.
    expect(retry).toBeGreaterThanOrEqual(Math.floor(3600 - (api.clock.now().getTime() - t0) / 1000) - 1);
    expect(retry).toBeLessThanOrEqual(3600 - 2 * cooldown() + 1);
    // The refused request registered nothing.
    expect((await api.pg.query('SELECT 1 FROM sms_method WHERE account_id = $1', [late.accountId])).rowCount).toBe(0);
    // The same account's resend is refused too (per number, not per account).
    api.clock.advance(cooldown());
    expect(errorCode(await api.gql(RESEND, { methodId }, { token: a.token, headers }))).toBe('RATE_LIMITED');

    api.clock.advance(retry);
    // A new sign-up (adding a number needs the sudo window, which the late session's hour ended).
    const fresh = await signUpWith(api, newIp());
    const after = await api.gql(ADD, { input: { phoneNumber: number } }, { token: fresh.token, headers: newIp() });
    expect(after.errors).toBeUndefined();
  });

  it('10 codes an hour per account; the 11th is RATE_LIMITED with retryAfterSeconds', async () => {
    const headers = newIp();
    const { token } = await signUpWith(api, headers);
    const t0 = api.clock.now().getTime();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await addNumber(api, token, phone(), headers)).methodId); // 5
    api.clock.advance(cooldown());
    for (const methodId of ids) expect((await api.gql(RESEND, { methodId }, { token, headers })).errors).toBeUndefined(); // 10
    api.clock.advance(cooldown());
    const refused = await api.gql(RESEND, { methodId: ids[0] }, { token, headers });
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    const retry = refused.errors![0].extensions['retryAfterSeconds'];
    expect(retry).toBeGreaterThanOrEqual(Math.floor(3600 - (api.clock.now().getTime() - t0) / 1000) - 1);
    expect(retry).toBeLessThanOrEqual(3600 - 2 * cooldown() + 1);
    // From another IP too: the limit is the account's.
    expect(errorCode(await api.gql(RESEND, { methodId: ids[1] }, { token, headers: newIp() }))).toBe('RATE_LIMITED');
  });

  it('20 codes an hour per client IP, across accounts; another IP is not affected', async () => {
    const ip = newIp();
    for (let account = 0; account < 4; account++) {
      const { token } = await signUpWith(api, ip);
      for (let i = 0; i < 5; i++) await addNumber(api, token, phone(), ip); // 20 from one IP
    }
    const { token } = await signUpWith(api, ip);
    const refused = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token, headers: ip });
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors![0].extensions['retryAfterSeconds']).toBeGreaterThan(3000);
    const elsewhere = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token, headers: newIp() });
    expect(elsewhere.errors).toBeUndefined();
  });

  it('10 parallel resends after the cooldown: exactly one is sent', async () => {
    const headers = newIp();
    const { token } = await signUpWith(api, headers);
    const number = phone();
    const { methodId } = await addNumber(api, token, number, headers);
    api.clock.advance(cooldown());
    const results = await Promise.all(Array.from({ length: 10 }, () => api.gql(RESEND, { methodId }, { token, headers })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'RATE_LIMITED').length).toBe(9);
    expect((await api.pg.query(`SELECT 1 FROM sms_message WHERE phone_number = $1`, [number])).rowCount).toBe(2);
  });

  describe('two API instances sharing PostgreSQL', () => {
    let second: ApiInstance;
    beforeAll(async () => {
      second = await startAnotherInstance(api);
    });
    afterAll(() => second.close());

    it('parallel resends spread over both instances: exactly one is sent', async () => {
      const headers = newIp();
      const { token } = await signUpWith(api, headers);
      const number = phone();
      const { methodId } = await addNumber(api, token, number, headers);
      api.clock.advance(cooldown());
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? second : api).gql(RESEND, { methodId }, { token, headers })),
      );
      expect(results.filter((r) => !r.errors).length).toBe(1);
      expect(results.every((r) => !r.errors || errorCode(r) === 'RATE_LIMITED')).toBe(true);
    });

    it('the cooldown and the hourly per-number limit set through one instance hold on the other', async () => {
      const number = phone();
      const a = await signUpWith(api, newIp());
      const headers = newIp();
      const { methodId } = await addNumber(api, a.token, number, headers);
      expect(errorCode(await second.gql(RESEND, { methodId }, { token: a.token, headers }))).toBe('RATE_LIMITED');
      // 4 more sends of this number, alternating instances and accounts.
      for (let i = 0; i < 4; i++) {
        const other = await signUpWith(api, newIp());
        const target = i % 2 ? api : second;
        const res = await target.gql(ADD, { input: { phoneNumber: number } }, { token: other.token, headers: newIp() });
        expect(res.errors).toBeUndefined();
      }
      const last = await signUpWith(api, newIp());
      expect(errorCode(await second.gql(ADD, { input: { phoneNumber: number } }, { token: last.token, headers: newIp() }))).toBe('RATE_LIMITED');
      expect(errorCode(await api.gql(ADD, { input: { phoneNumber: number } }, { token: last.token, headers: newIp() }))).toBe('RATE_LIMITED');
    });
  });
});
