import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { MIGRATIONS } from '@twofold/persistence/migrations';

/**
 * Each test file gets its own PostgreSQL database, cloned from a template that has every
 * migration applied (CREATE DATABASE … TEMPLATE is a file copy: ~50 ms). Files run in
 * parallel and never see each other's rows. The template's name carries a hash of the
 * migration list and of the month, so a new migration builds a new template, and so does a new
 * month: the migrations make sms_message and security_event partitions from the month they run in
 * to three ahead (partitions.ts), and a test inserting "now" into an older template would find none.
 */
const serverUrl = new URL(process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');

function urlFor(db: string): string {
  const u = new URL(serverUrl.toString());
  u.pathname = `/${db}`;
  return u.toString();
}

export function templateDatabaseName(): string {
  const hash = createHash('sha256')
    .update(MIGRATIONS.map((m) => m.name).join(','))
    .update(new Date().toISOString().slice(0, 7))
    .digest('hex')
    .slice(0, 12);
  return `twofold_test_tpl_${hash}`;
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the migrated template once per server; safe to call from parallel processes. */
export async function ensureTemplateDatabase(): Promise<string> {
  const template = templateDatabaseName();
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(727272)');
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return;
      const building = `${template}_build`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      const ds = new DataSource(dataSourceOptions(urlFor(building), { poolSize: 1 }));
      await ds.initialize();
      await ds.runMigrations();
      await ds.destroy();
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(727272)');
    }
  });
  return template;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. Call `drop()` in afterAll. */
export async function createTestDatabase(label = 'db'): Promise<TestDatabase> {
  const template = await ensureTemplateDatabase();
  const name = `twofold_test_${label.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 20)}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  await withAdmin(async (admin) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (err) {
        // Two clones of one template at the same instant can collide; try again shortly.
        if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
