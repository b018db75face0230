import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import { loadConfig, type AppConfig } from '@twofold/config';
import { deriveKey, open } from '@twofold/sms-queue';
import { createTestDatabase, graphqlClient, uniqueQueuePrefix, type GraphqlClient, type TestDatabase } from '@twofold/testing';
import { createApi } from '../src/bootstrap';
import { ManualClock } from '../src/common/clock';

export const TEST_APP_SECRET = 'test-secret-that-is-long-enough-for-hkdf-0123456789';

export { errorCode, graphqlClient, type GqlResponse } from '@twofold/testing';

export interface TestApi {
  url: string;
  config: AppConfig;
  clock: ManualClock;
  pg: Pool;
  app: NestExpressApplication;
  gql: GraphqlClient;
  /** Opens the newest SMS to `phone` (as the worker would) and returns its text. */
  lastSms(phone: string): Promise<{ id: string; body: string; purpose: string } | null>;
  lastCode(phone: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real API (Nest + Apollo + TypeORM) on a random port, against this file's own
 * PostgreSQL database and BullMQ prefix, with a clock the test can move.
 */
export async function startApi(env: Record<string, string> = {}): Promise<TestApi> {
  const db: TestDatabase = await createTestDatabase('api');
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_SECRET: TEST_APP_SECRET,
    DATABASE_URL: db.url,
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    SMS_QUEUE_PREFIX: uniqueQueuePrefix('api'),
    SMS_RELAY_INTERVAL_MS: '0',
    MAINTENANCE_INTERVAL_MS: '0',
    LOG_LEVEL: 'error',
    ...env,
  });
  const clock = new ManualClock();
  const app = await createApi({ config, clock, logger: ['error', 'fatal'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const pg = new Pool({ connectionString: db.url, max: 2 });
  // An idle client ended by the final DROP DATABASE … WITH (FORCE) must not fail the file.
  pg.on('error', () => undefined);
  const bodyKey = deriveKey(config.appSecret, 'sms-body');

  const lastSms: TestApi['lastSms'] = async (phone) => {
    const { rows } = await pg.query(`SELECT id, body_sealed, purpose FROM sms_message WHERE phone_number = $1 ORDER BY created_at DESC, id LIMIT 1`, [phone]);
    return rows[0] ? { id: rows[0].id, body: open(bodyKey, rows[0].body_sealed, rows[0].id), purpose: rows[0].purpose } : null;
  };

  return {
    url,
    config,
    clock,
    pg,
    app,
    gql: graphqlClient(url),
    lastSms,
    async lastCode(phone) {
      const sms = await lastSms(phone);
      const match = sms && /#(\d{6})$/.exec(sms.body);
      if (!match) throw new Error(`no code SMS to ${phone}`);
      return match[1];
    },
    async close() {
      await app.close();
      await pg.end();
      await db.drop();
    },
  };
}
