import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { dataSourceOptions } from './data-source-options';
import { monthStart, PARTITION_MONTHS_AHEAD, partitionName } from './partitions';

const PARTITIONING = 1796500000000;
const timestamp = (m: { name: string }) => Number(/(\d{13})$/.exec(m.name)?.[1]);

async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `twofold_test_partitioning_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: Object.assign(new URL(server.toString()), { pathname: '/postgres' }).toString() });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  return { url: Object.assign(new URL(server.toString()), { pathname: `/${name}` }).toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

// Migration 1796500000000 on a database that already has rows: months apart, a column another
// migration added, rows of every state. The entity check (migrations.integration-spec.ts) sees the
// parent only; what it cannot see (partitioned or not, partitions, their indexes) is held here.
describe('partitioning sms_message and security_event (migration 1796500000000)', () => {
  let db: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  const now = new Date();
  // Seven months back to now: 8 months of rows, 3 rows a month, two of them in the same millisecond.
  const months = Array.from({ length: 8 }, (_, i) => monthStart(now, i - 7));
  const rows = months.flatMap((m, i) => [0, 1, 1].map((k, j) => ({ id: `00000000-0000-4000-8000-${String(i * 10 + j).padStart(12, '0')}`, at: new Date(m.getTime() + (i + 1) * 3600_000 + k) })));

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => ds.query(sql, params);

  beforeAll(async () => {
    db = await createEmptyDatabase();
    ds = new DataSource({ ...dataSourceOptions(db.url, { poolSize: 2 }), migrations: MIGRATIONS.filter((m) => timestamp(m) < PARTITIONING), logging: false });
    await ds.initialize();
    await ds.runMigrations();
    await q(`ALTER TABLE sms_message ADD COLUMN later_column text`); // as a later migration of another feature would
    await q(`INSERT INTO account (id, email, email_normalized, name, password_hash) VALUES ('00000000-0000-4000-8000-0000000000aa', 'a@example.com', 'a@example.com', 'A', 'x')`);
    for (const [i, r] of rows.entries()) {
      await q(
        `INSERT INTO sms_message (id, phone_number, purpose, body_sealed, status, provider, provider_message_id, created_at, updated_at, later_column)
         VALUES ($1, '+447700900001', 'LOGIN', 'sealed', $2, 'fake', $3, $4, $4, $5)`,
        [r.id, i === 0 ? 'QUEUED' : 'DELIVERED', `pm-${i}`, r.at, `carried-${i}`],
      );
      await q(`INSERT INTO security_event (id, account_id, type, created_at) VALUES ($1, '00000000-0000-4000-8000-0000000000aa', 'LOGIN_FAILED', $2)`, [r.id, r.at]);
    }
    await ds.destroy();
    ds = new DataSource({ ...dataSourceOptions(db.url, { poolSize: 2 }), logging: false });
    await ds.initialize();
    await ds.runMigrations();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const partitionsOf = async (table: string) =>
    (await q<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY 1`, [table])).map((r) => r.name);

  it.each(['sms_message', 'security_event'])(`%s: partitioned by range of created_at, a month per partition from the oldest row to ${PARTITION_MONTHS_AHEAD} months ahead, no DEFAULT`, async (table) => {
    const [p] = await q<{ strategy: string; key: string; has_default: boolean }>(
      `SELECT p.partstrat AS strategy, pg_get_partkeydef(p.partrelid) AS key, p.partdefid <> 0 AS has_default FROM pg_partitioned_table p WHERE p.partrelid = $1::regclass`,
      [table],
    );
    expect(p).toEqual({ strategy: 'r', key: 'RANGE (created_at)', has_default: false });
    const expected = Array.from({ length: 8 + PARTITION_MONTHS_AHEAD }, (_, i) => partitionName(table as 'sms_message', monthStart(now, i - 7))).sort();
    expect(await partitionsOf(table)).toEqual(expected);
  });

  it.each(['sms_message', 'security_event'])('%s: every row kept, in the partition of its month, ids unique', async (table) => {
    const got = await q<{ id: string; at: Date; part: string }>(`SELECT id, created_at AS at, tableoid::regclass::text AS part FROM ${table} ORDER BY created_at, id`);
    expect(got.map((r) => [r.id, r.at.getTime()])).toEqual([...rows].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1)).map((r) => [r.id, r.at.getTime()]));
    expect(got.every((r) => r.part === partitionName(table as 'sms_message', monthStart(r.at)))).toBe(true);
    expect(new Set(got.map((r) => r.id)).size).toBe(rows.length);
  });

  it('carries over columns added by earlier migrations, with their values, and the fillfactor of every message partition', async () => {
    const carried = await q<{ later_column: string }>(`SELECT later_column FROM sms_message ORDER BY later_column`);
    expect(carried.map((r) => r.later_column)).toEqual(rows.map((_, i) => `carried-${i}`).sort());
    const options = await q<{ opts: string[] | null }>(`SELECT c.reloptions AS opts FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'sms_message'::regclass`);
    expect(options.every((o) => o.opts?.includes('fillfactor=80'))).toBe(true);
  });

  it.each(['sms_message', 'security_event'])('%s: each partition has every index of the parent, and the keys are (id, created_at)', async (table) => {
    const parent = await q<{ name: string }>(`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = $1::regclass`, [table]);
    expect(parent.length).toBeGreaterThan(2);
    const perPartition = await q<{ part: string; n: number }>(
      `SELECT c.relname AS part, count(x.indexrelid)::int AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         LEFT JOIN pg_index x ON x.indrelid = c.oid AND EXISTS (SELECT 1 FROM pg_inherits ii WHERE ii.inhrelid = x.indexrelid)
        WHERE i.inhparent = $1::regclass GROUP BY 1`,
      [table],
    );
    expect(perPartition.every((p) => p.n === parent.length)).toBe(true);
    const [pk] = await q<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`, [table]);
    expect(pk.def).toBe('PRIMARY KEY (id, created_at)');
  });

  it('keeps security_event on account (cascade) and finds a message by its provider id as receipts do', async () => {
    const [r] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM sms_message WHERE provider = 'fake' AND provider_message_id = 'pm-5'`);
    expect(r.n).toBe(1);
    await expect(q(`INSERT INTO security_event (id, account_id, type, created_at) VALUES (gen_random_uuid(), gen_random_uuid(), 'LOGIN_FAILED', now())`)).rejects.toThrow(/FK_security_event_account/);
  });

  it('refuses a row of a month without a partition, instead of hiding it in a DEFAULT partition', async () => {
    await expect(q(`INSERT INTO security_event (id, account_id, type, created_at) VALUES (gen_random_uuid(), '00000000-0000-4000-8000-0000000000aa', 'LOGIN_FAILED', $1)`, [monthStart(now, PARTITION_MONTHS_AHEAD + 1)])).rejects.toThrow(
      /no partition of relation "security_event" found for row/,
    );
  });

  it('down copies every row back into plain tables with their original keys; up again partitions them again', async () => {
    // The migrations after it first (newest first, as a rollback goes), then the partitioning itself.
    for (const _ of MIGRATIONS.filter((m) => timestamp(m) >= PARTITIONING)) await ds.undoLastMigration();
    for (const table of ['sms_message', 'security_event']) {
      const [c] = await q<{ kind: string }>(`SELECT relkind AS kind FROM pg_class WHERE oid = $1::regclass`, [table]);
      expect(c.kind).toBe('r');
      expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n).toBe(rows.length);
    }
    const [uq] = await q<{ def: string }>(`SELECT pg_get_indexdef('"UQ_sms_message_provider_id"'::regclass) AS def`);
    expect(uq.def).toMatch(/^CREATE UNIQUE INDEX/);
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'sms_message_y%' OR relname LIKE 'security_event_y%'`))[0].n).toBe(0);
    expect((await q<{ later_column: string }>(`SELECT later_column FROM sms_message WHERE id = $1`, [rows[3].id]))[0].later_column).toBe('carried-3');

    await ds.runMigrations();
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM sms_message`))[0].n).toBe(rows.length);
    await q(`ALTER TABLE sms_message DROP COLUMN later_column`);
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
