import { SecondFactorService } from '../src/second-factor/second-factor.service';
import { SmsMethod } from '../src/second-factor/methods/sms/sms.method';
import { startApi, type TestApi } from './harness';
import { phone, signUp } from './journey';
import { challenge, enableWith, sendLoginCode } from './two-factor-helpers';

/**
 * The one-statement success path of completeLoginWithSms (SmsLoginStore.completeAtOnce) and its
 * twin, the locked step-by-step path (SecondFactorService.completeLocked with the SMS plug-in),
 * must leave the database in the same state: this spec runs the same login through each and
 * compares every row they write.
 */
describe('completeLoginWithSms: the fast path and its locked twin write the same rows', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000', SMS_RESEND_COOLDOWN_SECONDS: '0' });
  });
  afterAll(() => api.close());

  const meta = { ip: '203.0.113.5', userAgent: 'paths-spec', requestId: null };

  async function prepared() {
    const { token, email, accountId } = await signUp(api);
    const number = phone();
    const { methodId } = await enableWith(api, token, number);
    const c = await challenge(api, email);
    const { code } = await sendLoginCode(api, c.ticket, methodId, number);
    return { accountId, methodId, ticket: c.ticket, code };
  }

  /** What a completion wrote, without ids and with times relative to `now`. */
  async function written(accountId: string, methodId: string, now: Date) {
    const at = (d: Date | null) => (d ? d.getTime() - now.getTime() : null);
    const q = async (sql: string) => (await api.pg.query(sql, [accountId])).rows;
    const [session] = await q(`SELECT created_at, last_used_at, authenticated_at, expires_at, revoked_at, ip_address, user_agent, second_factor, two_factor_epoch = (SELECT two_factor_epoch FROM account WHERE id = $1) AS current_epoch FROM session WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`);
    const events = await q(`SELECT type, detail, ip_address, user_agent, created_at FROM security_event WHERE account_id = $1 AND type IN ('LOGIN_SUCCEEDED', 'SECOND_FACTOR_FAILED') ORDER BY created_at`);
    const [code] = await q(`SELECT consumed_at, replaced_at FROM sms_code WHERE account_id = $1 AND purpose = 'LOGIN'`);
    const [ticket] = await q(`SELECT consumed_at, failed_attempts FROM login_ticket WHERE account_id = $1 AND purpose = 'LOGIN'`);
    const [message] = await q(`SELECT verified_at FROM sms_message WHERE account_id = $1 AND purpose = 'LOGIN'`);
    const method = (await api.pg.query(`SELECT last_used_at FROM sms_method WHERE id = $1`, [methodId])).rows[0];
    return {
      session: { ...session, created_at: at(session.created_at), last_used_at: at(session.last_used_at), authenticated_at: at(session.authenticated_at), expires_at: at(session.expires_at) },
      // The numbers differ between the two accounts; the masked form's shape is what must match.
      events: events.map((e: { created_at: Date; detail: string }) => ({ ...e, detail: e.detail.replace(/\d{2,4}$/, 'NN'), created_at: at(e.created_at) })),
      code: { consumed_at: at(code.consumed_at), replaced_at: code.replaced_at },
      ticket: { consumed_at: at(ticket.consumed_at), failed_attempts: ticket.failed_attempts },
      message: { verified_at: at(message.verified_at) },
      method: { last_used_at: at(method.last_used_at) },
    };
  }

  it('the same session, event, consumed code and ticket, entered SMS and last use', async () => {
    const sms = api.app.get(SmsMethod);
    const secondFactor = api.app.get(SecondFactorService);

    const fast = await prepared();
    const fastNow = api.clock.now();
    const viaStatement = await sms.completeAtOnce(fast.ticket, fast.methodId, fast.code, meta, fastNow);
    expect(viaStatement).not.toBeNull();

    const locked = await prepared();
    const lockedNow = api.clock.now();
    const viaLockedPath = await secondFactor.completeLocked(sms, locked.ticket, locked.methodId, locked.code, meta, null, lockedNow);

    expect(Object.keys(viaLockedPath).sort()).toEqual(Object.keys(viaStatement!).sort());
    expect({ ...viaLockedPath.account, id: 'x', email: 'x', createdAt: 0 }).toEqual({ ...viaStatement!.account, id: 'x', email: 'x', createdAt: 0 });
    const a = await written(fast.accountId, fast.methodId, fastNow);
    const b = await written(locked.accountId, locked.methodId, lockedNow);
    expect(b).toEqual(a);
    expect(a.session.second_factor).toBe(true);
    expect(a.events).toEqual([expect.objectContaining({ type: 'LOGIN_SUCCEEDED', detail: expect.stringMatching(/^SMS to \+44/) })]);
  });

  it('a wrong code: the fast path writes nothing, the locked path counts it', async () => {
    const sms = api.app.get(SmsMethod);
    const p = await prepared();
    const wrong = p.code === '000000' ? '111111' : '000000';
    const now = api.clock.now();
    expect(await sms.completeAtOnce(p.ticket, p.methodId, wrong, meta, now)).toBeNull();
    const untouched = await written(p.accountId, p.methodId, now);
    expect(untouched.ticket).toEqual({ consumed_at: null, failed_attempts: 0 });
    expect(untouched.code.consumed_at).toBeNull();
    await expect(api.app.get(SecondFactorService).completeLocked(sms, p.ticket, p.methodId, wrong, meta, null, now)).rejects.toMatchObject({ extensions: { code: 'INVALID_CODE', remainingAttempts: 4 } });
    expect((await written(p.accountId, p.methodId, now)).ticket.failed_attempts).toBe(1);
  });
});
