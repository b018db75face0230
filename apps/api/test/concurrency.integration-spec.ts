import { errorCode, startApi, type TestApi } from './harness';
import { COMPLETE_BACKUP, COMPLETE_SMS, phone, signUp } from './journey';
import { addNumber, challenge, confirm, enableWith, sendLoginCode } from './two-factor-helpers';

/**
 * Contract §4 concurrency rules: single use and try counting hold under parallel requests.
 * The per-IP hourly SMS limit is raised: every request here comes from 127.0.0.1.
 */
describe('concurrency', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000' });
  });
  afterAll(() => api.close());

  async function account() {
    const { token, email, accountId } = await signUp(api);
    const number = phone();
    const { methodId, backupCodes } = await enableWith(api, token, number);
    return { token, email, accountId, number, methodId, backupCodes: backupCodes! };
  }

  const sessionCount = async (accountId: string) => (await api.pg.query('SELECT 1 FROM session WHERE account_id = $1', [accountId])).rowCount ?? 0;

  it('one emergency code used 20 times at once on 20 tickets: exactly one session', async () => {
    const a = await account();
    // Tickets in small batches: more than 10 password checks in flight are throttled on purpose (login-throttle spec).
    const tickets: { ticket: string }[] = [];
    for (let i = 0; i < 4; i++) tickets.push(...(await Promise.all(Array.from({ length: 5 }, () => challenge(api, a.email)))));
    const before = await sessionCount(a.accountId);
    const results = await Promise.all(tickets.map((t) => api.gql(COMPLETE_BACKUP, { input: { ticket: t.ticket, code: a.backupCodes[0] } })));
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    // The losers are wrong tries: INVALID_CODE, and TOO_MANY_ATTEMPTS once the account reaches 10 failures.
    const losers = results.filter((r) => r.errors).map(errorCode);
    expect(losers.filter((c) => c === 'INVALID_CODE').length).toBeLessThanOrEqual(10);
    expect(losers.every((c) => c === 'INVALID_CODE' || c === 'TOO_MANY_ATTEMPTS')).toBe(true);
    expect((await sessionCount(a.accountId)) - before).toBe(1);
    const used = await api.pg.query('SELECT 1 FROM backup_code WHERE account_id = $1 AND used_at IS NOT NULL', [a.accountId]);
    expect(used.rowCount).toBe(1);
  });

  it('one valid SMS code sent 50 times at once on its ticket: exactly one session', async () => {
    const a = await account();
    const c = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    const before = await sessionCount(a.accountId);
    const results = await Promise.all(Array.from({ length: 50 }, () => api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.errors).map(errorCode))).toEqual(new Set(['TICKET_EXPIRED']));
    expect((await sessionCount(a.accountId)) - before).toBe(1);
  });

  it('50 wrong guesses at once on one ticket: at most 5 are counted, the rest are TOO_MANY_ATTEMPTS', async () => {
    const a = await account();
    const c = await challenge(api, a.email);
    const { code } = await sendLoginCode(api, c.ticket, a.methodId, a.number);
    const guesses = Array.from({ length: 50 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(guesses.map((g) => api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code: g } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(0);
    const invalid = results.filter((r) => errorCode(r) === 'INVALID_CODE');
    expect(invalid.length).toBe(5);
    expect(invalid.map((r) => r.errors![0].extensions['remainingAttempts']).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(results.filter((r) => errorCode(r) === 'TOO_MANY_ATTEMPTS')).toHaveLength(45);
    const ticket = await api.pg.query('SELECT failed_attempts FROM login_ticket WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1', [a.accountId]);
    expect(ticket.rows[0].failed_attempts).toBe(5);
    const events = await api.pg.query(`SELECT 1 FROM security_event WHERE account_id = $1 AND type = 'SECOND_FACTOR_FAILED'`, [a.accountId]);
    expect(events.rowCount).toBe(5);
    // Only 5 counted towards the account: the account is not blocked, a new login works.
    const fresh = await challenge(api, a.email);
    expect((await api.gql(COMPLETE_BACKUP, { input: { ticket: fresh.ticket, code: a.backupCodes[0] } })).errors).toBeUndefined();
  });

  it('30 wrong guesses at once spread over 3 tickets: at most 10 are counted for the account, then it is blocked', async () => {
    const a = await account();
    const tickets: string[] = [];
    for (let i = 0; i < 3; i++) tickets.push((await challenge(api, a.email)).ticket);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => api.gql(COMPLETE_SMS, { input: { ticket: tickets[i % 3], methodId: a.methodId, code: String(100000 + i) } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(0);
    expect(results.filter((r) => errorCode(r) === 'INVALID_CODE').length).toBe(10);
    expect(results.filter((r) => errorCode(r) === 'TOO_MANY_ATTEMPTS')).toHaveLength(20);
    const events = await api.pg.query(`SELECT 1 FROM security_event WHERE account_id = $1 AND type = 'SECOND_FACTOR_FAILED'`, [a.accountId]);
    expect(events.rowCount).toBe(10);
    const fresh = await challenge(api, a.email);
    expect(errorCode(await api.gql(COMPLETE_BACKUP, { input: { ticket: fresh.ticket, code: a.backupCodes[0] } }))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('20 wrong confirmation codes at once on one pending number: at most 5 are counted', async () => {
    const { token } = await signUp(api);
    const number = phone();
    const { methodId } = await addNumber(api, token, number);
    const code = await api.lastCode(number);
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(guesses.map((g) => confirm(api, token, methodId, g)));
    expect(results.filter((r) => errorCode(r) === 'INVALID_CODE')).toHaveLength(5);
    expect(results.filter((r) => errorCode(r) === 'TOO_MANY_ATTEMPTS')).toHaveLength(15);
    expect(errorCode(await confirm(api, token, methodId, code))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('the right confirmation code sent 20 times at once: one confirmation, one set of emergency codes', async () => {
    const { token, accountId } = await signUp(api);
    const number = phone();
    const { methodId } = await addNumber(api, token, number);
    const code = await api.lastCode(number);
    const results = await Promise.all(Array.from({ length: 20 }, () => confirm(api, token, methodId, code)));
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(ok[0].data!['confirmSmsMethod'].backupCodes).toHaveLength(10);
    expect((await api.pg.query('SELECT 1 FROM backup_code WHERE account_id = $1', [accountId])).rowCount).toBe(10);
  });

  it('two numbers confirmed at once: exactly one becomes the default and one set of emergency codes is returned', async () => {
    const { token, accountId } = await signUp(api);
    const n1 = phone();
    const n2 = phone();
    const m1 = await addNumber(api, token, n1);
    const m2 = await addNumber(api, token, n2);
    const [c1, c2] = [await api.lastCode(n1), await api.lastCode(n2)];
    const [r1, r2] = await Promise.all([confirm(api, token, m1.methodId, c1), confirm(api, token, m2.methodId, c2)]);
    expect(r1.errors).toBeUndefined();
    expect(r2.errors).toBeUndefined();
    const sets = [r1, r2].map((r) => r.data!['confirmSmsMethod'].backupCodes).filter(Boolean);
    expect(sets).toHaveLength(1);
    const defaults = await api.pg.query('SELECT 1 FROM sms_method WHERE account_id = $1 AND is_default', [accountId]);
    expect(defaults.rowCount).toBe(1);
  });
});
