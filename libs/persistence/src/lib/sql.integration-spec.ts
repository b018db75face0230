import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { prepared, preparedCount, preparedStatementsEnabled, runScript, usePreparedStatements } from './sql';

/** The driver wrapper against a real PostgreSQL: named statements, their PgBouncer switch, scripts. */
describe('persistence sql wrapper', () => {
  // A bare database of its own (@twofold/testing depends on this lib): created by the lib's own ensureDatabase.
  const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `twofold_test_sql_${process.pid}_${Date.now().toString(36)}`;
  const url = Object.assign(new URL(server.toString()), { pathname: `/${name}` }).toString();
  let ds: DataSource;
  beforeAll(async () => {
    expect(await ensureDatabase(url)).toBe(true);
    expect(await ensureDatabase(url)).toBe(false);
    ds = new DataSource(dataSourceOptions(url, { poolSize: 2 }));
    await ds.initialize();
  });
  afterAll(async () => {
    usePreparedStatements(true);
    await ds?.destroy();
    const admin = new Client({ connectionString: Object.assign(new URL(server.toString()), { pathname: '/postgres' }).toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
  });

  it('runs a named statement on the pool, on a transaction, and counts affected rows', async () => {
    expect(await prepared<{ n: number }>(ds, 'wrapper-one', 'SELECT $1::int + 1 AS n', [41])).toEqual([{ n: 42 }]);
    const inTx = await ds.transaction(async (em) => {
      await em.query(`CREATE TEMP TABLE t (x int) ON COMMIT DROP`);
      await em.query(`INSERT INTO t VALUES (1), (2), (3)`);
      const updated = await preparedCount(em, 'wrapper-update', 'UPDATE t SET x = x + 1 WHERE x > $1', [1]);
      // The transaction's own connection: the temp table is visible.
      const rows = await prepared<{ s: number }>(em, 'wrapper-sum', 'SELECT sum(x)::int AS s FROM t', []);
      return { updated, rows };
    });
    expect(inTx).toEqual({ updated: 2, rows: [{ s: 8 }] });
  });

  it('sends unnamed statements when prepared statements are off (PgBouncer < 1.21)', async () => {
    await ds.transaction(async (em) => {
      usePreparedStatements(false);
      expect(preparedStatementsEnabled()).toBe(false);
      expect(await prepared<{ n: number }>(em, 'wrapper-off', 'SELECT 7 AS n', [])).toEqual([{ n: 7 }]);
      const names: { name: string }[] = await em.query(`SELECT name FROM pg_prepared_statements WHERE name = 'wrapper-off'`);
      expect(names).toEqual([]);
      usePreparedStatements(true);
      expect(await prepared<{ n: number }>(em, 'wrapper-on', 'SELECT 8 AS n', [])).toEqual([{ n: 8 }]);
      const on: { name: string }[] = await em.query(`SELECT name FROM pg_prepared_statements WHERE name = 'wrapper-on'`);
      expect(on).toEqual([{ name: 'wrapper-on' }]);
    });
  });

  it('runs a script in one round trip, quotes values, and rolls back a transaction it left open on error', async () => {
    const hostile = `it's a "test" \\ with quotes`;
    const results = await runScript(ds, (literal) => `SELECT ${literal(hostile)} AS v; SELECT ${literal(new Date('2026-01-01T00:00:00.000Z'))}::timestamptz AS t; SELECT ${literal(null)} AS n`);
    expect(results.map((r) => r[0])).toEqual([{ v: hostile }, { t: new Date('2026-01-01T00:00:00.000Z') }, { n: null }]);
    await expect(runScript(ds, () => `BEGIN; SELECT 1/0;`)).rejects.toThrow(/division by zero/);
    // The connection went back clean: a new transaction starts without a warning or an error.
    expect((await runScript(ds, () => `BEGIN; SELECT 1 AS ok; COMMIT;`))[1]).toEqual([{ ok: 1 }]);
  });
});
