import { errorCode, startApi, type TestApi } from './harness';
import { COMPLETE_SMS, phone, signUp } from './journey';
import { challenge, enableWith, sendLoginCode, wrongCode } from './two-factor-helpers';

/**
 * Issue "Security round 2" §4: guesses are judged at one instant. `completeLoginWithSms` reads the
 * clock once per request; the one-statement path, the locked path and the code check all use that
 * `now`, so a wrong guess whose request started before the code expired is compared, answered
 * INVALID_CODE and counted (ticket and account), never CODE_EXPIRED uncounted.
 */
describe('a second-factor guess is judged at one instant', () => {
  let api: TestApi;
  let realNow: () => Date;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000', SMS_LIMIT_PER_ACCOUNT_PER_HOUR: '1000', SMS_LIMIT_PER_NUMBER_PER_HOUR: '1000' });
    realNow = api.clock.now.bind(api.clock);
  });
  afterEach(() => {
    api.clock.now = realNow;
  });
  afterAll(() => api.close());

  /** Every read of the clock moves it on by `stepMs`, starting at `start`: time passing inside a request. */
  function steppingClock(start: Date, stepMs: number) {
    let reads = 0;
    api.clock.now = () => new Date(start.getTime() + stepMs * reads++);
  }

  async function liveCode() {
    const { token, email } = await signUp(api);
    const number = phone();
    const { methodId } = await enableWith(api, token, number);
    const c = await challenge(api, email);
    const { code } = await sendLoginCode(api, c.ticket, methodId, number);
    const { rows } = await api.pg.query(`SELECT c.expires_at, t.id AS ticket_id, c.account_id FROM sms_code c JOIN login_ticket t ON t.id = c.ticket_id WHERE c.method_id = $1 AND c.purpose = 'LOGIN' AND c.consumed_at IS NULL AND c.replaced_at IS NULL`, [methodId]);
    return { ticket: c.ticket, methodId, code, expiresAt: rows[0].expires_at as Date, ticketId: rows[0].ticket_id as string, accountId: rows[0].account_id as string };
  }
  const counted = async (ticketId: string, accountId: string) => ({
    ticket: (await api.pg.query(`SELECT failed_attempts FROM login_ticket WHERE id = $1`, [ticketId])).rows[0].failed_attempts as number,
    events: (await api.pg.query(`SELECT count(*)::int AS n FROM security_event WHERE account_id = $1 AND type = 'SECOND_FACTOR_FAILED'`, [accountId])).rows[0].n as number,
  });

  it('a wrong guess read 1 ms before expiry is INVALID_CODE and counted, though the request ends after expiry', async () => {
    const c = await liveCode();
    // The request starts 1 ms before the code expires, and each later clock read is 2 ms on.
    steppingClock(new Date(c.expiresAt.getTime() - 1), 2);
    const res = await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: c.methodId, code: wrongCode(c.code) } });
    api.clock.now = realNow;
    expect(errorCode(res)).toBe('INVALID_CODE');
    expect(res.errors![0].extensions['remainingAttempts']).toBe(4);
    expect(await counted(c.ticketId, c.accountId)).toEqual({ ticket: 1, events: 1 });
  });

  it('a burst of guesses around expiresAt: each one before it is INVALID_CODE and counted, each one at or after it CODE_EXPIRED and not', async () => {
    const c = await liveCode();
    // Six concurrent wrong guesses whose requests start 3, 2 and 1 ms before expiry, then at it, 1 and 2 ms after.
    steppingClock(new Date(c.expiresAt.getTime() - 3), 1);
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: c.methodId, code: wrongCode(c.code) } })));
    api.clock.now = realNow;
    const codes = answers.map(errorCode);
    expect(codes.filter((x) => x === 'INVALID_CODE')).toHaveLength(3);
    expect(codes.filter((x) => x === 'CODE_EXPIRED')).toHaveLength(3);
    const remaining = answers.filter((a) => errorCode(a) === 'INVALID_CODE').map((a) => a.errors![0].extensions['remainingAttempts']).sort();
    expect(remaining).toEqual([2, 3, 4]);
    expect(await counted(c.ticketId, c.accountId)).toEqual({ ticket: 3, events: 3 });
  });

  it('the right code at 1 ms before expiry signs in, in one statement or the locked path alike', async () => {
    const c = await liveCode();
    steppingClock(new Date(c.expiresAt.getTime() - 1), 5);
    const res = await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: c.methodId, code: c.code } });
    api.clock.now = realNow;
    expect(res.errors).toBeUndefined();
    expect(res.data!['completeLoginWithSms'].token).toBeTruthy();
  });
});
