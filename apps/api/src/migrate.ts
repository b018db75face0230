import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@twofold/config';
import { dataSourceOptions, ensureDatabase } from '@twofold/persistence';

/** `npm run migrate`: applies pending TypeORM migrations to DATABASE_URL, creating the database if needed. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (await ensureDatabase(config.databaseUrl)) console.log(`created database ${decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1))}`);
  const ds = new DataSource(dataSourceOptions(config.databaseUrl, { poolSize: 1, applicationName: 'twofold-migrate' }));
  await ds.initialize();
  const applied = await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
}

main().catch((err: Error) => {
  console.error(err instanceof ConfigError ? err.message : `migrate failed: ${err.message}`);
  process.exit(1);
});
