import { Client } from 'pg';
import { errorCode, startApi, type TestApi } from './harness';
import { COMPLETE_SMS, phone, signUp } from './journey';
import { challenge, enableWith, sendLoginCode, wrongCode } from './two-factor-helpers';

/**
 * Issue 6, B3: a successful completeLoginWithSms is one SQL statement (one round trip, one
 * commit) and everything it changes is changed atomically; anything else falls back to the
 * locked path with its exact errors.
 */
describe('completeLoginWithSms in one statement', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000' });
  });
  afterAll(() => api.close());

  const complete = (ticket: string, methodId: string, code: string) => api.gql(COMPLETE_SMS, { input: { ticket, methodId, code } });

  async function loginWithCode() {
    const { token, email, accountId } = await signUp(api);
    const number = phone();
    const { methodId } = await enableWith(api, token, number, 'Work phone');
    const c = await challenge(api, email);
    const { code } = await sendLoginCode(api, c.ticket, methodId, number);
    return { accountId, methodId, ticket: c.ticket, code };
  }

  /** The SQL the API sends to PostgreSQL while `run` runs, about the tables of a login. */
  async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const original = Client.prototype.query;
    // Every statement of every pool (TypeORM's and the prepared ones) goes through pg's Client.
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      seen.push(typeof first === 'string' ? first : String(first?.text ?? ''));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    try {
      await run();
    } finally {
      spy.mockRestore();
    }
    return seen.filter((sql) => /login_ticket|sms_code|"?session"?\b|security_event|START TRANSACTION|BEGIN/i.test(sql));
  }

  it('a right code: one statement, and ticket, code, SMS, number, session and event change in one transaction', async () => {
    const a = await loginWithCode();
    let res: Awaited<ReturnType<typeof complete>> | undefined;
    const statements = await statementsDuring(async () => {
      res = await complete(a.ticket, a.methodId, a.code);
    });
    expect(res!.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^\s*WITH t AS/);

    const { rows } = await api.pg.query(
      `SELECT (SELECT xmin::text FROM login_ticket WHERE account_id = $1 AND consumed_at IS NOT NULL) AS ticket,
              (SELECT xmin::text FROM sms_code WHERE account_id = $1 AND purpose = 'LOGIN' AND consumed_at IS NOT NULL) AS code,
              (SELECT xmin::text FROM sms_message WHERE account_id = $1 AND purpose = 'LOGIN' AND verified_at IS NOT NULL) AS message,
              (SELECT xmin::text FROM sms_method WHERE id = $2 AND last_used_at IS NOT NULL) AS method,
              (SELECT xmin::text FROM session WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1) AS session,
              (SELECT xmin::text FROM security_event WHERE account_id = $1 AND type = 'LOGIN_SUCCEEDED') AS event,
              (SELECT detail FROM security_event WHERE account_id = $1 AND type = 'LOGIN_SUCCEEDED') AS detail`,
      [a.accountId, a.methodId],
    );
    const r = rows[0];
    expect(r.ticket).toBeTruthy();
    for (const k of ['code', 'message', 'method', 'session', 'event']) expect(r[k]).toBe(r.ticket);
    expect(r.detail).toMatch(/^SMS to \+44 •+ •+\d{4}$/);

    // Used: the fallback names the error and nothing more is written.
    expect(errorCode(await complete(a.ticket, a.methodId, a.code))).toBe('TICKET_EXPIRED');
    const sessions = await api.pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1`, [a.accountId]);
    expect(sessions.rows[0].n).toBe(2); // the sign-up's and this login's
  });

  it('a wrong code consumes nothing and is counted once by the locked path', async () => {
    const a = await loginWithCode();
    const res = await complete(a.ticket, a.methodId, wrongCode(a.code));
    expect(errorCode(res)).toBe('INVALID_CODE');
    expect(res.errors![0]!.extensions!['remainingAttempts']).toBe(4);
    const { rows } = await api.pg.query(
      `SELECT (SELECT failed_attempts FROM login_ticket WHERE account_id = $1) AS failures,
              (SELECT count(*)::int FROM sms_code WHERE account_id = $1 AND consumed_at IS NOT NULL AND purpose = 'LOGIN') AS consumed`,
      [a.accountId],
    );
    expect(rows[0]).toEqual({ failures: 1, consumed: 0 });
    expect((await complete(a.ticket, a.methodId, a.code)).errors).toBeUndefined();
  });

  it('a blocked account, a method of another account and a malformed method id get the locked path’s answers', async () => {
    const a = await loginWithCode();
    const b = await loginWithCode();
    expect(errorCode(await complete(a.ticket, b.methodId, a.code))).toBe('NOT_FOUND');
    expect(errorCode(await complete(a.ticket, 'not-a-uuid', a.code))).toBe('NOT_FOUND');

    await api.pg.query(`UPDATE account SET second_factor_blocked_until = $2 WHERE id = $1`, [a.accountId, new Date(api.clock.now().getTime() + 600_000)]);
    expect(errorCode(await complete(a.ticket, a.methodId, a.code))).toBe('TOO_MANY_ATTEMPTS');
    const { rows } = await api.pg.query(`SELECT consumed_at FROM login_ticket WHERE account_id = $1`, [a.accountId]);
    expect(rows[0].consumed_at).toBeNull();
  });
});
