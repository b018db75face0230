import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../migrations';

export const MIGRATIONS_TABLE = 'twofold_migrations';

/** The one way every process (API, worker, migrate, tests) connects: migrations only, never synchronize. */
export function dataSourceOptions(url: string, extra: { poolSize?: number; applicationName?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
    // client_encoding pinned: the driver sends UTF-8, whatever the server's or the database's default.
    extra: { max: extra.poolSize ?? 20, application_name: extra.applicationName ?? 'twofold', client_encoding: 'UTF8' },
  };
}
