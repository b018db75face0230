import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@twofold/config';
import { dataSourceOptions } from '@twofold/persistence';

/** `npm run migrate`: applies pending TypeORM migrations to DATABASE_URL, creating the database if needed. */
async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  const ds = new DataSource(dataSourceOptions(config.databaseUrl, { poolSize: 1, applicationName: 'twofold-migrate' }));
  await ds.initialize();
  const applied = await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
}

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const ds = new DataSource({ type: 'postgres', url: admin.toString() });
  await ds.initialize();
  try {
    const rows = await ds.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) {
      await ds.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: Error) => {
  console.error(err instanceof ConfigError ? err.message : `migrate failed: ${err.message}`);
  process.exit(1);
});
