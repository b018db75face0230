import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { SMS_ATTEMPT_STATEMENTS } from './sms-attempt-transitions';

/**
 * Every statement of sms-attempt-transitions.ts is prepared by PostgreSQL against the migrated
 * schema (PREPARE: parsed, its names and types resolved, never run): a renamed column or a typo
 * fails here rather than in a worker or on a receipt. What they do is covered where they are used
 * (delivery-watch.store, sms-message.store and the receipt specs).
 */
describe('sms_attempt statements against the migrated schema', () => {
  const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `twofold_test_smsattempt_${process.pid}_${Date.now().toString(36)}`;
  const url = Object.assign(new URL(server.toString()), { pathname: `/${name}` }).toString();
  let client: Client;

  beforeAll(async () => {
    await ensureDatabase(url);
    const ds = new DataSource({ ...dataSourceOptions(url, { poolSize: 1 }), logging: false });
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    client = new Client({ connectionString: url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    const admin = new Client({ connectionString: Object.assign(new URL(server.toString()), { pathname: '/postgres' }).toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
  });

  it.each(SMS_ATTEMPT_STATEMENTS.map((s, i) => [s.name ?? `statement ${i}`, s.text] as const))('%s prepares', async (_name, text) => {
    await client.query(`PREPARE attempt_check AS ${text}`);
    await client.query('DEALLOCATE attempt_check');
  });
});
