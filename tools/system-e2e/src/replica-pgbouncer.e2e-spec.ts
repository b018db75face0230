import { multiInstanceSuite } from './multi-instance-suite';
import { PostgresReplicaHarness, withClient, type ReplicaSetup } from './postgres-replica-harness';
import { errorCode, LOGIN, PASSWORD, SIGN_UP } from './system';

const SESSIONS = `{ sessions { id current } }`;
const REVOKE = `mutation($id: ID!) { revokeSession(id: $id) { id current } }`;
const EVENTS = `{ securityEvents(first: 50) { nodes { type detail } } }`;
const ADD = `mutation($input: AddSmsMethodInput!) { addSmsMethod(input: $input) { method { id } dispatch { id status } } }`;
const DISPATCH = `query($id: ID!) { smsDispatch(id: $id) { id status } }`;

let harness: PostgresReplicaHarness | undefined;
let setup: ReplicaSetup;

/**
 * The multi-instance suite (2 APIs, 2 workers) with DATABASE_URL through Debian's PgBouncer in
 * transaction mode (DATABASE_PREPARED_STATEMENTS=false) and DATABASE_REPLICA_URL at a streaming
 * replica made by pg_basebackup, all started here from the installed binaries; then what the
 * replica may and may not answer, with its replay paused to make the lag last.
 */
multiInstanceSuite(
  'the multi-instance suite through PgBouncer (transaction mode, prepared statements off) with a streaming replica',
  async () => {
    const h = new PostgresReplicaHarness();
    harness = h;
    try {
      setup = await h.start();
    } catch (err) {
      await h.stop();
      throw err;
    }
    console.log(`replica-pgbouncer: ${setup.pgbouncerVersion}, pool_mode=transaction`);
    return {
      env: { DATABASE_URL: setup.bouncerUrl, DATABASE_PREPARED_STATEMENTS: 'false', DATABASE_REPLICA_URL: setup.replicaUrl },
      checkUrl: setup.primaryUrl,
      close: () => h.stop(),
    };
  },
  (ctx) => {
    it('streams from the primary to a hot standby, and the APIs hold connections on both (the primary only through PgBouncer)', async () => {
      const replication = await withClient(setup.primaryUrl, (c) => c.query(`SELECT state FROM pg_stat_replication`));
      expect(replication.rows.map((r) => r.state)).toEqual(['streaming']);
      // The replica pool closes idle connections: a list read through each API opens one, then it is counted.
      const ip = ctx.nextIp();
      const email = `replica-conn-${Math.random().toString(36).slice(2)}@example.com`;
      const token = (await ctx.A.gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Replica Conn' } }, { ip })).data!['signUp'].token as string;
      const countOnReplica = () =>
        withClient(setup.replicaUrl, (c) =>
          c.query(`SELECT pg_is_in_recovery() AS standby, (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'twofold-api-replica') AS api`),
        );
      let standby = await countOnReplica();
      for (let i = 0; i < 20 && standby.rows[0].api === 0; i++) {
        for (const api of [ctx.A, ctx.B]) expect((await api.gql(SESSIONS, {}, { token, ip })).errors).toBeUndefined();
        standby = await countOnReplica();
      }
      expect(standby.rows[0].standby).toBe(true);
      expect(standby.rows[0].api).toBeGreaterThan(0);
      // PgBouncer's console: the processes' transactions went through it, in transaction mode.
      const pools = await withClient(setup.bouncerAdminUrl, (c) => c.query(`SHOW POOLS`));
      const pool = pools.rows.find((r) => r.database === 'twofold');
      expect(pool?.pool_mode).toBe('transaction');
      const stats = await withClient(setup.bouncerAdminUrl, (c) => c.query(`SHOW STATS`));
      const twofold = stats.rows.find((r) => r.database === 'twofold');
      expect(Number(twofold?.total_xact_count)).toBeGreaterThan(100);
      console.log(
        `replica-pgbouncer: PgBouncer carried ${twofold?.total_xact_count} transactions, ${twofold?.total_query_count} queries; ` +
          `server connections ${Number(pool?.sv_active) + Number(pool?.sv_idle) + Number(pool?.sv_used)} for ${Number(pool?.cl_active) + Number(pool?.cl_waiting)} clients`,
      );
    });

    it('with the replica behind, the lists lag but every security decision is the primary’s: a revoked token is refused at once', async () => {
      const { A, B } = ctx;
      const ip = ctx.nextIp();
      const email = `replica-${Math.random().toString(36).slice(2)}@example.com`;
      const signUp = await A.gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Replica Test' } }, { ip });
      const token = signUp.data!['signUp'].token as string;
      const login = await B.gql(LOGIN, { input: { email, password: PASSWORD } }, { ip });
      const other = login.data!['login'].token as string;
      await harness!.waitForReplay(setup.primaryUrl, setup.replicaUrl);
      const before = (await B.gql(SESSIONS, {}, { token, ip })).data!['sessions'] as { id: string; current: boolean }[];
      expect(before).toHaveLength(2);
      const otherId = before.find((s) => !s.current)!.id;

      await withClient(setup.replicaUrl, (c) => c.query(`SELECT pg_wal_replay_pause()`));
      try {
        // The mutation answers from the primary: the revocation shows at once.
        const revoked = await A.gql(REVOKE, { id: otherId }, { token, ip });
        expect(revoked.data!['revokeSession']).toEqual([{ id: before.find((s) => s.current)!.id, current: true }]);
        // The ended session's token is refused on both instances (its read is the primary's) ...
        expect(errorCode(await A.gql(SESSIONS, {}, { token: other, ip }))).toBe('UNAUTHENTICATED');
        expect(errorCode(await B.gql(SESSIONS, {}, { token: other, ip }))).toBe('UNAUTHENTICATED');
        // ... while the lists, read from the paused replica, still show the state before it.
        const stale = (await B.gql(SESSIONS, {}, { token, ip })).data!['sessions'] as { id: string }[];
        expect(stale.map((s) => s.id).sort()).toEqual(before.map((s) => s.id).sort());
        const events = (await A.gql(EVENTS, {}, { token, ip })).data!['securityEvents'].nodes as { type: string }[];
        expect(events.map((e) => e.type)).not.toContain('SESSION_REVOKED');

        // A code SMS sent while the replica is behind: the poll finds it (on the primary), never NOT_FOUND,
        // and the code is checked on the primary.
        const number = ctx.nextNumber();
        const added = await A.gql(ADD, { input: { phoneNumber: number } }, { token, ip });
        const dispatchId = added.data!['addSmsMethod'].dispatch.id as string;
        const polled = await B.gql(DISPATCH, { id: dispatchId }, { token, ip });
        expect(polled.errors).toBeUndefined();
        expect(polled.data!['smsDispatch'].id).toBe(dispatchId);
        const methodId = added.data!['addSmsMethod'].method.id as string;
        const confirm = `mutation($input: ConfirmSmsMethodInput!) { confirmSmsMethod(input: $input) { twoFactor { enabled } } }`;
        const confirmed = await B.gql(confirm, { input: { methodId, code: await ctx.lastCode(number), description: null } }, { token, ip });
        expect(confirmed.data!['confirmSmsMethod'].twoFactor.enabled).toBe(true);
      } finally {
        await withClient(setup.replicaUrl, (c) => c.query(`SELECT pg_wal_replay_resume()`));
      }

      // Caught up, the lists agree with the primary.
      await harness!.waitForReplay(setup.primaryUrl, setup.replicaUrl);
      const fresh = (await B.gql(SESSIONS, {}, { token, ip })).data!['sessions'] as { id: string }[];
      expect(fresh.map((s) => s.id)).not.toContain(otherId);
      const events = (await A.gql(EVENTS, {}, { token, ip })).data!['securityEvents'].nodes as { type: string }[];
      expect(events.map((e) => e.type)).toContain('SESSION_REVOKED');
      const lag = await withClient(setup.primaryUrl, (c) => c.query(`SELECT coalesce(extract(epoch FROM replay_lag) * 1000, 0)::float AS ms FROM pg_stat_replication`));
      console.log(`replica-pgbouncer: replay lag after catching up ${Number(lag.rows[0]?.ms ?? 0).toFixed(1)} ms`);
    });
  },
);
