import { totpCodeAt } from '@twofold/two-factor-domain';
import { SecondFactorService } from '../src/second-factor/second-factor.service';
import { TotpMethod } from '../src/second-factor/methods/totp/totp.method';
import { startApi, type TestApi } from './harness';
import { signUp } from './journey';
import { challenge } from './two-factor-helpers';

const START = `mutation { startTotpEnrollment { enrollmentId secret } }`;
const CONFIRM_TOTP = `mutation($input: ConfirmTotpMethodInput!) { confirmTotpMethod(input: $input) { methodId } }`;

/**
 * The two-round-trip success path of completeLoginWithTotp (TotpMethod.completeAtOnce) and its
 * twin, the locked path (SecondFactorService.completeLocked with the TOTP plug-in), must leave the
 * database in the same state: this spec runs the same login through each and compares every row.
 */
describe('completeLoginWithTotp: the fast path and its locked twin write the same rows', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const meta = { ip: '203.0.113.5', userAgent: 'paths-spec', requestId: null };

  async function prepared(description: string | null) {
    const { token, email, accountId } = await signUp(api);
    const e = (await api.gql(START, {}, { token })).data!['startTotpEnrollment'];
    const app = await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: totpCodeAt(e.secret, api.clock.now()), description } }, { token });
    const c = await challenge(api, email);
    return { accountId, methodId: app.data!['confirmTotpMethod'].methodId as string, ticket: c.ticket, secret: e.secret as string };
  }

  async function written(accountId: string, methodId: string, now: Date) {
    const at = (d: Date | null) => (d ? d.getTime() - now.getTime() : null);
    const q = async (sql: string) => (await api.pg.query(sql, [accountId])).rows;
    const [session] = await q(`SELECT created_at, last_used_at, authenticated_at, expires_at, revoked_at, ip_address, user_agent, second_factor, two_factor_epoch = (SELECT two_factor_epoch FROM account WHERE id = $1) AS current_epoch FROM session WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`);
    const events = await q(`SELECT type, detail, ip_address, user_agent, created_at FROM security_event WHERE account_id = $1 AND type IN ('LOGIN_SUCCEEDED', 'SECOND_FACTOR_FAILED') ORDER BY created_at`);
    const [ticket] = await q(`SELECT consumed_at, failed_attempts FROM login_ticket WHERE account_id = $1 AND purpose = 'LOGIN'`);
    const method = (await api.pg.query(`SELECT last_used_at, last_time_step FROM totp_method WHERE id = $1`, [methodId])).rows[0];
    return {
      session: { ...session, created_at: at(session.created_at), last_used_at: at(session.last_used_at), authenticated_at: at(session.authenticated_at), expires_at: at(session.expires_at) },
      events: events.map((e: { created_at: Date }) => ({ ...e, created_at: at(e.created_at) })),
      ticket: { consumed_at: at(ticket.consumed_at), failed_attempts: ticket.failed_attempts },
      method: { last_used_at: at(method.last_used_at), last_time_step: String(Math.floor(now.getTime() / 30000) - Number(method.last_time_step)) },
    };
  }

  it.each([['with a description', 'Phone app'], ['without one', null]])('the same session, event, consumed ticket, accepted step and last use (%s)', async (_name, description) => {
    const totp = api.app.get(TotpMethod);
    const secondFactor = api.app.get(SecondFactorService);
    api.clock.advance(30);
    const fast = await prepared(description);
    const locked = await prepared(description);
    // Both logins one step after their confirmations, at the same instant.
    api.clock.advance(30);
    const now = api.clock.now();
    const viaFastPath = await totp.completeAtOnce(fast.ticket, fast.methodId, totpCodeAt(fast.secret, now), meta, now);
    expect(viaFastPath).not.toBeNull();
    const viaLockedPath = await secondFactor.completeLocked(totp, locked.ticket, locked.methodId, totpCodeAt(locked.secret, now), meta, null, now);

    expect(Object.keys(viaLockedPath).sort()).toEqual(Object.keys(viaFastPath!).sort());
    expect({ ...viaLockedPath.account, id: 'x', email: 'x', createdAt: 0 }).toEqual({ ...viaFastPath!.account, id: 'x', email: 'x', createdAt: 0 });
    const a = await written(fast.accountId, fast.methodId, now);
    const b = await written(locked.accountId, locked.methodId, now);
    expect(b).toEqual(a);
    expect(a.session.second_factor).toBe(true);
    expect(a.events).toEqual([expect.objectContaining({ type: 'LOGIN_SUCCEEDED', detail: description ? `Authenticator app (${description})` : 'Authenticator app' })]);
  });

  it('a wrong code or a replayed step: the fast path writes nothing, the locked path counts it', async () => {
    const totp = api.app.get(TotpMethod);
    const secondFactor = api.app.get(SecondFactorService);
    api.clock.advance(30);
    const p = await prepared(null);
    api.clock.advance(30);
    const now = api.clock.now();
    const right = totpCodeAt(p.secret, now);
    const wrong = right === '000000' ? '111111' : '000000';
    expect(await totp.completeAtOnce(p.ticket, p.methodId, wrong, meta, now)).toBeNull();
    expect((await written(p.accountId, p.methodId, now)).ticket).toEqual({ consumed_at: null, failed_attempts: 0 });
    await expect(secondFactor.completeLocked(totp, p.ticket, p.methodId, wrong, meta, null, now)).rejects.toMatchObject({ extensions: { code: 'INVALID_CODE', remainingAttempts: 4 } });

    // The right code once through the fast path; the same step on a second ticket is a replay.
    expect(await totp.completeAtOnce(p.ticket, p.methodId, right, meta, now)).not.toBeNull();
    const again = await challenge(api, (await api.pg.query(`SELECT email FROM account WHERE id = $1`, [p.accountId])).rows[0].email);
    expect(await totp.completeAtOnce(again.ticket, p.methodId, right, meta, now)).toBeNull();
    const { rows } = await api.pg.query(`SELECT consumed_at, failed_attempts FROM login_ticket WHERE token_hash = sha256($1::bytea)`, [Buffer.from(again.ticket)]);
    expect(rows[0]).toEqual({ consumed_at: null, failed_attempts: 0 });
  });
});
