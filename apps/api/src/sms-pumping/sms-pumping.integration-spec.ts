import { errorCode, startApi, type TestApi } from '../../test/harness';
import { ADD, CONFIRM, signUp } from '../../test/journey';

const ATTACKED = (i: number) => `+447700900${String(100 + i).padStart(3, '0')}`;

async function codeRows(api: TestApi, prefix: string): Promise<number> {
  const { rows } = await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE phone_number LIKE $1 AND purpose <> 'NOTICE'`, [`${prefix}%`]);
  return rows[0].n;
}

describe('SMS-pumping defence', () => {
  describe('enforce mode', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi({
        SMS_PUMPING_MODE: 'enforce',
        SMS_PUMPING_PREFIX_MIN_SENDS: '8',
        SMS_PUMPING_MIN_CONVERSION_PERCENT: '20',
        SMS_LIMIT_PER_IP_PER_HOUR: '1000',
      });
    });
    afterAll(() => api.close());

    it('throttles a prefix whose codes are never entered, while customers elsewhere keep receiving codes', async () => {
      // The burst: codes requested to 8 numbers of one prefix, none ever entered.
      for (let i = 0; i < 8; i++) {
        const { token } = await signUp(api);
        expect((await api.gql(ADD, { input: { phoneNumber: ATTACKED(i) } }, { token })).errors).toBeUndefined();
      }
      api.clock.advance(301); // every code of the burst has expired unused

      const attacker = await signUp(api);
      const before = await codeRows(api, '+447700');
      const blocked = await api.gql(ADD, { input: { phoneNumber: ATTACKED(9) } }, { token: attacker.token });
      expect(errorCode(blocked)).toBe('RATE_LIMITED');
      expect(blocked.errors![0].extensions['retryAfterSeconds']).toBe(900);
      expect(await codeRows(api, '+447700')).toBe(before); // nothing queued, nothing spent
      const { rows: events } = await api.pg.query(`SELECT detail FROM security_event WHERE account_id = $1 AND type = 'SMS_SEND_BLOCKED'`, [attacker.accountId]);
      expect(events).toHaveLength(1);
      expect(events[0].detail).toMatch(/\+447700.*collapsed \(0\/8 codes entered\)/);
      expect(events[0].detail).not.toContain('900109');

      // Real customers in another prefix and another country are not affected.
      for (const number of ['+447400123456', '+33612345678']) {
        const customer = await signUp(api);
        const added = await api.gql(ADD, { input: { phoneNumber: number } }, { token: customer.token });
        expect(added.errors).toBeUndefined();
        const code = await api.lastCode(number);
        const confirmed = await api.gql(CONFIRM, { input: { methodId: added.data!['addSmsMethod'].method.id, code } }, { token: customer.token });
        expect(confirmed.data!['confirmSmsMethod'].twoFactor.enabled).toBe(true);
      }
    });
  });

  describe('record mode and budgets', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi({
        SMS_PUMPING_MODE: 'record',
        SMS_PUMPING_PREFIX_MIN_SENDS: '2',
        SMS_BUDGET_PER_PREFIX_PER_HOUR: '4',
        SMS_LIMIT_PER_IP_PER_HOUR: '1000',
      });
    });
    afterAll(() => api.close());

    it('records a collapse without blocking, and enforces the hourly prefix budget', async () => {
      const { token } = await signUp(api);
      for (let i = 0; i < 2; i++) expect((await api.gql(ADD, { input: { phoneNumber: ATTACKED(20 + i) } }, { token })).errors).toBeUndefined();
      api.clock.advance(301);
      // Collapsed (0/2), but record mode lets the code go.
      expect((await api.gql(ADD, { input: { phoneNumber: ATTACKED(22) } }, { token })).errors).toBeUndefined();
      expect((await api.gql(ADD, { input: { phoneNumber: ATTACKED(23) } }, { token })).errors).toBeUndefined();
      // The fifth code to the prefix within the hour exceeds its budget of 4.
      const other = await signUp(api);
      const over = await api.gql(ADD, { input: { phoneNumber: ATTACKED(24) } }, { token: other.token });
      expect(errorCode(over)).toBe('RATE_LIMITED');
      expect(over.errors![0].extensions['retryAfterSeconds']).toBeGreaterThan(3000);
      const { rows } = await api.pg.query(`SELECT detail FROM security_event WHERE account_id = $1 AND type = 'SMS_SEND_BLOCKED'`, [other.accountId]);
      expect(rows[0].detail).toMatch(/hourly budget of 4 codes to \+447700/);
    });
  });

  describe('budgets under concurrent sends', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi({ SMS_BUDGET_PER_PREFIX_PER_HOUR: '4', SMS_LIMIT_PER_IP_PER_HOUR: '1000' });
    });
    afterAll(() => api.close());

    it('eight accounts sending to one prefix at once: exactly the budget of 4 goes out', async () => {
      const accounts = [];
      for (let i = 0; i < 8; i++) accounts.push(await signUp(api));
      const results = await Promise.all(accounts.map(({ token }, i) => api.gql(ADD, { input: { phoneNumber: ATTACKED(40 + i) } }, { token })));
      expect(results.filter((r) => !r.errors).length).toBe(4);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(4).fill('RATE_LIMITED'));
      expect(await codeRows(api, '+447700900')).toBe(4);
    });
  });

  describe('a large global budget', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi({ SMS_BUDGET_GLOBAL_PER_HOUR: '1000', SMS_LIMIT_PER_IP_PER_HOUR: '1000', SMS_LIMIT_PER_ACCOUNT_PER_HOUR: '1000' });
    });
    afterAll(() => api.close());

    /** `n` code SMS in the ledger, sent a minute ago to numbers of no account. */
    const seedLedger = (n: number) =>
      api.pg.query(
        `INSERT INTO sms_message (id, phone_number, purpose, body_sealed, status, created_at, updated_at, destination_prefix, country_code)
         SELECT gen_random_uuid(), '+4479' || lpad(i::text, 8, '0'), 'LOGIN', 'x', 'SENT', $2::timestamptz, $2::timestamptz, '+44790', 'GB' FROM generate_series(1, $1::int) AS i`,
        [n, new Date(api.clock.now().getTime() - 60_000)],
      );

    it('is exact near the ceiling: with less than a tenth left, every send reads it again', async () => {
      await seedLedger(995);
      const { token } = await signUp(api);
      for (let i = 0; i < 5; i++) expect((await api.gql(ADD, { input: { phoneNumber: `+4477009002${String(i).padStart(2, '0')}` } }, { token })).errors).toBeUndefined();
      const other = await signUp(api); // five numbers is an account's maximum
      const over = await api.gql(ADD, { input: { phoneNumber: '+447700900299' } }, { token: other.token });
      expect(errorCode(over)).toBe('RATE_LIMITED');
      const { rows } = await api.pg.query(`SELECT detail FROM security_event WHERE type = 'SMS_SEND_BLOCKED'`);
      expect(rows.map((r: { detail: string }) => r.detail)).toEqual([expect.stringMatching(/global hourly budget of 1000 SMS reached/)]);
    });
  });
});
