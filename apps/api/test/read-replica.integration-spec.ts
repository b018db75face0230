import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@twofold/testing';
import { ReadReplica } from '../src/read-replica/read-replica';
import { errorCode, startApi, type TestApi } from './harness';
import { ADD, CONFIRM, EVENTS, LOGIN, PASSWORD, phone, signUp } from './journey';

const SESSIONS = `{ sessions { id current } }`;
const REVOKE = `mutation($id: ID!) { revokeSession(id: $id) { id current } }`;
const REVOKE_OTHERS = `mutation { revokeOtherSessions { id current } }`;
const DISPATCH = `query($id: ID!) { smsDispatch(id: $id) { id status } }`;

/**
 * DATABASE_REPLICA_URL at a second database that stands for a replica which has fallen behind:
 * it holds only the rows the test copies there. The lag-tolerant reads (sessions query, security
 * events list, smsDispatch poll) answer from it; every security decision (the bearer token, the
 * password, the code, the limits, a revocation's answer) is the primary's, whatever it holds.
 * tools/system-e2e/src/replica-pgbouncer.e2e-spec.ts does the same on a real streaming replica.
 */
describe('DATABASE_REPLICA_URL: lag-tolerant reads from the replica, security decisions from the primary', () => {
  let replicaDb: TestDatabase;
  let replica: Pool;
  let api: TestApi;
  beforeAll(async () => {
    replicaDb = await createTestDatabase('replica');
    replica = new Pool({ connectionString: replicaDb.url, max: 2 });
    replica.on('error', () => undefined);
    api = await startApi({ DATABASE_REPLICA_URL: replicaDb.url, SMS_LIMIT_PER_IP_PER_HOUR: '1000' });
  });
  afterAll(async () => {
    const handle = api?.app.get(ReadReplica);
    await api?.close();
    // The replica's pool ends with the application.
    expect(handle?.db.isInitialized).toBe(false);
    await replica?.end();
    await replicaDb?.drop();
  });

  /** Copies rows of the primary to the "replica": what it holds once it has replayed up to now. */
  async function replicate(table: string, column: string, value: string): Promise<void> {
    const { rows } = await api.pg.query(`SELECT row_to_json(t) AS r FROM ${table} t WHERE ${column} = $1`, [value]);
    for (const { r } of rows) {
      await replica.query(`INSERT INTO ${table} SELECT * FROM json_populate_record(NULL::${table}, $1) ON CONFLICT DO NOTHING`, [r]);
    }
  }

  const sessionsOf = async (token: string) => {
    const res = await api.gql(SESSIONS, {}, { token });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data['sessions'] as { id: string; current: boolean }[];
  };

  it('connects a replica of its own', () => {
    expect(api.app.get(ReadReplica).isReplica).toBe(true);
  });

  it('sessions: the query reads the replica, a revocation answers from the primary and its token is refused at once', async () => {
    const a = await signUp(api);
    // A replica that has not replayed the sign-up yet: the token works (primary) and, the replica
    // lacking the caller's own session, the list is the primary's.
    const own = await sessionsOf(a.token);
    expect(own).toEqual([{ id: expect.any(String), current: true }]);
    const login = await api.gql(LOGIN, { input: { email: a.email, password: PASSWORD } });
    const other = login.data!['login'].token as string;
    // The replica holds the account and the first session only: the list is the replica's, without the second.
    await replicate('account', 'id', a.accountId);
    await replicate('session', 'id', own[0].id);
    expect(await sessionsOf(a.token)).toEqual(own);
    await replicate('account', 'id', a.accountId);
    await replicate('session', 'account_id', a.accountId);
    const before = await sessionsOf(a.token);
    expect(before).toHaveLength(2);
    const otherId = before.find((s) => !s.current)!.id;

    const revoked = await api.gql(REVOKE, { id: otherId }, { token: a.token });
    expect(revoked.data!['revokeSession']).toEqual([{ id: before.find((s) => s.current)!.id, current: true }]);
    expect(errorCode(await api.gql(SESSIONS, {}, { token: other }))).toBe('UNAUTHENTICATED');
    // The replica has not replayed the revocation: the query shows the ended session a while longer.
    expect((await sessionsOf(a.token)).map((s) => s.id).sort()).toEqual(before.map((s) => s.id).sort());
    await replicate('session', 'account_id', a.accountId).catch(() => undefined);
    await replica.query(`UPDATE session SET revoked_at = now() WHERE id = $1`, [otherId]);
    expect((await sessionsOf(a.token)).map((s) => s.id)).not.toContain(otherId);

    // revokeOtherSessions answers from the primary too (the replica's copy has no live other session to hide it).
    const third = (await api.gql(LOGIN, { input: { email: a.email, password: PASSWORD } })).data!['login'].token as string;
    const ended = await api.gql(REVOKE_OTHERS, {}, { token: a.token });
    expect(ended.data!['revokeOtherSessions']).toEqual([{ id: before.find((s) => s.current)!.id, current: true }]);
    expect(errorCode(await api.gql(SESSIONS, {}, { token: third }))).toBe('UNAUTHENTICATED');
  });

  it('security events: the list reads the replica', async () => {
    const a = await signUp(api);
    const login = await api.gql(LOGIN, { input: { email: a.email, password: 'not the password at all' } });
    expect(errorCode(login)).toBe('INVALID_CREDENTIALS');
    const onPrimary = (await api.pg.query(`SELECT count(*)::int AS n FROM security_event WHERE account_id = $1`, [a.accountId])).rows[0].n;
    expect(onPrimary).toBeGreaterThan(0);
    const list = async () => (await api.gql(EVENTS, { first: 50 }, { token: a.token })).data!['securityEvents'].nodes as unknown[];
    expect(await list()).toEqual([]);
    await replicate('account', 'id', a.accountId);
    await replicate('security_event', 'account_id', a.accountId);
    expect(await list()).toHaveLength(onPrimary);
  });

  it('smsDispatch: polled on the replica, on the primary while the replica lacks the SMS; the code itself is checked on the primary', async () => {
    const a = await signUp(api);
    const number = phone();
    const added = await api.gql(ADD, { input: { phoneNumber: number } }, { token: a.token });
    const dispatchId = added.data!['addSmsMethod'].dispatch.id as string;
    const methodId = added.data!['addSmsMethod'].method.id as string;
    // Not on the replica yet: answered from the primary, never NOT_FOUND.
    const first = await api.gql(DISPATCH, { id: dispatchId }, { token: a.token });
    expect(first.data!['smsDispatch']).toEqual({ id: dispatchId, status: 'QUEUED' });
    // On the replica, with a state of its own: the poll answers the replica's.
    await replicate('account', 'id', a.accountId);
    await replicate('sms_method', 'account_id', a.accountId);
    await replicate('sms_message', 'id', dispatchId);
    await replica.query(`UPDATE sms_message SET status = 'SENT', sent_at = now() WHERE id = $1`, [dispatchId]);
    const polled = await api.gql(DISPATCH, { id: dispatchId }, { token: a.token });
    expect(polled.data!['smsDispatch']).toEqual({ id: dispatchId, status: 'SENT' });
    // Another account asks for it: NOT_FOUND, on the replica and on the primary.
    const b = await signUp(api);
    expect(errorCode(await api.gql(DISPATCH, { id: dispatchId }, { token: b.token }))).toBe('NOT_FOUND');
    // The code (never on the replica) confirms the number: that decision is the primary's.
    const confirmed = await api.gql(CONFIRM, { input: { methodId, code: await api.lastCode(number), description: null } }, { token: a.token });
    expect(confirmed.data!['confirmSmsMethod'].twoFactor.enabled).toBe(true);
  });
});
