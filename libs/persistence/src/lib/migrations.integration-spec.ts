import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// A bare database of its own (not the migrated template of @twofold/testing, which depends on this lib).
async function createEmptyDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `twofold_test_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: Object.assign(new URL(server.toString()), { pathname: '/postgres' }).toString() });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  return { url: Object.assign(new URL(server.toString()), { pathname: `/${name}` }).toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

// Fails when an entity changes without a migration (or a migration without its entity).
describe('migrations', () => {
  let db: { url: string; drop(): Promise<void> };
  let ds: DataSource;

  beforeAll(async () => {
    db = await createEmptyDatabase('migrations');
    ds = new DataSource({ ...dataSourceOptions(db.url, { poolSize: 2 }), logging: false });
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('apply to an empty database and leave nothing for the entities to change', async () => {
    await ds.runMigrations();
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('revert cleanly and apply again', async () => {
    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
    const { rows } = await ds.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'twofold_migrations'`).then((r: { n: number }[]) => ({ rows: r }));
    expect(rows[0].n).toBe(0);
    await ds.runMigrations();
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });

  it('make emails unique case-insensitively through the normalized column', async () => {
    const insert = (id: string, email: string) =>
      ds.query(`INSERT INTO account (id, email, email_normalized, name, password_hash) VALUES ($1, $2, lower($2), 'A', 'x')`, [id, email]);
    await insert('00000000-0000-4000-8000-000000000001', 'Ada@Example.com');
    await expect(insert('00000000-0000-4000-8000-000000000002', 'ada@example.COM')).rejects.toThrow(/UQ_account_email_normalized/);
  });
});
