import { Client } from 'pg';
import { monthStart, PARTITION_MAINTENANCE_LOCK, PARTITION_MONTHS_AHEAD, partitionName, type PartitionedTable } from '@twofold/persistence';
import { startApi, type TestApi } from '../../test/harness';
import { signUp } from '../../test/journey';
import { startAnotherInstance } from '../../test/two-factor-helpers';
import { MAINTENANCE_MAX_BATCHES, MaintenanceService } from './maintenance.service';

const DAY = 86400;
const TABLES: PartitionedTable[] = ['sms_message', 'security_event'];

async function partitionsOf(api: TestApi, table: PartitionedTable): Promise<string[]> {
  const { rows } = await api.pg.query(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY 1`, [table]);
  return rows.map((r) => r.name as string);
}

const ahead = (table: PartitionedTable, now: Date) => Array.from({ length: PARTITION_MONTHS_AHEAD + 1 }, (_, i) => partitionName(table, monthStart(now, i)));

const message = (api: TestApi, status: string, at: Date) =>
  api.pg.query(
    `INSERT INTO sms_message (id, phone_number, purpose, body_sealed, status, created_at, updated_at) VALUES (gen_random_uuid(), '+447700900001', 'LOGIN', 'sealed', $1, $2, $2) RETURNING id`,
    [status, at],
  );

describe('maintenance: monthly partitions of sms_message and security_event', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ MAINTENANCE_BATCH_SIZE: '5', SMS_MESSAGE_RETENTION_SECONDS: String(40 * DAY), SECURITY_EVENT_RETENTION_SECONDS: String(40 * DAY) });
  });
  afterAll(() => api.close());
  const run = () => api.app.get(MaintenanceService).runOnce();

  it(`has the current month and ${PARTITION_MONTHS_AHEAD} ahead once booted`, async () => {
    for (const table of TABLES) expect(await partitionsOf(api, table)).toEqual(expect.arrayContaining(ahead(table, api.clock.now())));
  });

  it('creates a month while a write transaction on the table is open, without waiting for it or holding it up', async () => {
    const last = partitionName('sms_message', monthStart(api.clock.now(), PARTITION_MONTHS_AHEAD));
    await api.pg.query(`DROP TABLE "${last}"`);
    const writer = new Client({ connectionString: api.config.databaseUrl });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO sms_message (id, phone_number, purpose, body_sealed, status, created_at, updated_at) VALUES (gen_random_uuid(), '+447700900002', 'LOGIN', 's', 'QUEUED', now(), now())`);
      const started = Date.now();
      const result = await run(); // a CREATE … PARTITION OF would wait here for the writer (ACCESS EXCLUSIVE), then time out
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result.partitionsCreated).toEqual([last]);
      // …and the writer goes on meanwhile, into the new month too.
      await writer.query(`INSERT INTO sms_message (id, phone_number, purpose, body_sealed, status, created_at, updated_at) VALUES (gen_random_uuid(), '+447700900002', 'LOGIN', 's', 'QUEUED', $1, $1)`, [
        monthStart(api.clock.now(), PARTITION_MONTHS_AHEAD),
      ]);
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }
    const { rows } = await api.pg.query(`SELECT tableoid::regclass::text AS part FROM sms_message WHERE phone_number = '+447700900002' ORDER BY created_at`);
    expect(rows.map((r) => r.part)).toEqual([partitionName('sms_message', monthStart(api.clock.now())), last]);
    await api.pg.query(`DELETE FROM sms_message WHERE phone_number = '+447700900002'`);
  });

  it('skips a run while another instance holds the maintenance lock; runs of two instances at once create each month once', async () => {
    const holder = new Client({ connectionString: api.config.databaseUrl });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [PARTITION_MAINTENANCE_LOCK]);
      expect(await run()).toMatchObject({ skipped: true, partitionsCreated: [] });
    } finally {
      await holder.end();
    }
    // Two API instances on the same database (each its own pool; booted before the drop, as boot creates months too), three runs at once.
    const other = await startAnotherInstance(api);
    for (const table of TABLES) await api.pg.query(`DROP TABLE "${partitionName(table, monthStart(api.clock.now(), PARTITION_MONTHS_AHEAD))}"`);
    const runs = await Promise.all([run(), other.app.get(MaintenanceService).runOnce(), run()]).finally(() => other.close());
    expect(runs.flatMap((r) => r.partitionsCreated).sort()).toEqual(TABLES.map((t) => partitionName(t, monthStart(api.clock.now(), PARTITION_MONTHS_AHEAD))).sort());
    for (const table of TABLES) expect(await partitionsOf(api, table)).toEqual(expect.arrayContaining(ahead(table, api.clock.now())));
  });

  it('drops the months past retention by the injectable clock; a month still holding an unsent SMS stays until it is sent', async () => {
    const t0 = api.clock.now();
    const { accountId } = await signUp(api); // an ACCOUNT_CREATED event at t0
    const queued = (await message(api, 'QUEUED', t0)).rows[0].id as string;
    await message(api, 'DELIVERED', t0);
    const before = { sms_message: await partitionsOf(api, 'sms_message'), security_event: await partitionsOf(api, 'security_event') };

    api.clock.advance(150 * DAY);
    const now = api.clock.now();
    const cutoff = new Date(now.getTime() - 40 * DAY * 1000);
    const ended = (table: PartitionedTable) => before[table].filter((name) => monthStart(new Date(Date.UTC(Number(name.slice(-7, -3)), Number(name.slice(-2)) - 1)), 1) <= cutoff);
    const first = await run();
    const unsentMonth = partitionName('sms_message', monthStart(t0));
    expect(first.partitionsDropped.sort()).toEqual([...ended('sms_message').filter((n) => n !== unsentMonth), ...ended('security_event')].sort());
    expect(ended('security_event')).toContain(partitionName('security_event', monthStart(t0)));
    expect(first.partitionsCreated).toEqual(expect.arrayContaining(ahead('sms_message', now).filter((n) => !before.sms_message.includes(n))));
    for (const table of TABLES) expect(await partitionsOf(api, table)).toEqual(expect.arrayContaining(ahead(table, now)));
    expect(await partitionsOf(api, 'sms_message')).toContain(unsentMonth);
    // The row-level purge removed the settled message beside it; the unsent one is kept however old.
    expect((await api.pg.query(`SELECT id FROM sms_message WHERE created_at = $1`, [t0])).rows.map((r) => r.id)).toEqual([queued]);
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM security_event WHERE account_id = $1`, [accountId])).rows[0].n).toBe(0);

    await api.pg.query(`UPDATE sms_message SET status = 'FAILED' WHERE id = $1`, [queued]);
    expect((await run()).partitionsDropped).toEqual([unsentMonth]);
    expect(await partitionsOf(api, 'sms_message')).not.toContain(unsentMonth);
    // The app's statements still run on what is left: a sign-up writes its event into the current month.
    const later = await signUp(api);
    const { rows } = await api.pg.query(`SELECT tableoid::regclass::text AS part FROM security_event WHERE account_id = $1`, [later.accountId]);
    expect(rows.map((r) => r.part)).toEqual([partitionName('security_event', monthStart(now))]);
  });

  it('removes expired tickets in bounded batches; the next run goes on', async () => {
    const { accountId } = await signUp(api);
    const ended = new Date(api.clock.now().getTime() - 2 * DAY * 1000);
    const perRun = 5 * MAINTENANCE_MAX_BATCHES;
    await api.pg.query(
      `INSERT INTO login_ticket (id, account_id, token_hash, purpose, created_at, expires_at)
       SELECT gen_random_uuid(), $1, sha256(i::text::bytea), 'LOGIN', $2, $2 FROM generate_series(1, $3) i`,
      [accountId, ended, perRun + 7],
    );
    expect((await run()).tickets).toBe(perRun);
    expect((await run()).tickets).toBe(7);
  });
});
