import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SMS_DELIVERY_STATUSES, type SmsDeliveryStatus } from '@twofold/sms-queue';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { createPartitionSql, monthStart } from './partitions';
import {
  SMS_MESSAGE_STATEMENTS,
  SMS_MESSAGE_TRANSITIONS,
  SMS_RELAY_BATCH,
  statusAfter,
  type SmsMessageStatement,
} from './sms-message-transitions';
import { SMS_ATTEMPT_STATEMENTS } from './sms-attempt-transitions';
import { SMS_BATCH_STATEMENTS } from './sms-batch-statements';
import { preparedCount } from './sql';

const NOW = new Date('2030-01-01T12:00:00Z');
const LONG_AGO = new Date('2030-01-01T11:00:00Z');
const PROVIDER = 'twilio';

/** The values each statement takes for the one row `id` (provider message id `pmid`). */
function valuesFor(s: SmsMessageStatement, id: string, pmid: string): unknown[] {
  const byParam: Record<string, unknown> = {
    id,
    ids: [id],
    now: NOW,
    nows: [NOW],
    provider: PROVIDER,
    providers: [PROVIDER],
    providerMessageId: pmid,
    providerMessageIds: [pmid],
    pmid,
    at: NOW,
    reason: 'test reason',
    requeueBefore: NOW,
    staleSendingBefore: NOW,
    limit: SMS_RELAY_BATCH,
  };
  return s.params.map((p) => {
    if (p.includes('@')) return null; // a VALUES batch's padding row
    if (!(p in byParam)) throw new Error(`no test value for ${s.name} parameter ${p}`);
    return byParam[p];
  });
}

/**
 * Each statement against a row in each status, on real PostgreSQL: the row is touched exactly
 * when the table's from-states hold it, and its status ends where `statusAfter` says.
 */
describe('sms_message transitions on PostgreSQL', () => {
  const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `twofold_test_smsfsm_${process.pid}_${Date.now().toString(36)}`;
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
    // The rows are written at a fixed instant: its month needs its partition (migration 1796500000000).
    for (const sql of createPartitionSql('sms_message', monthStart(LONG_AGO))) await client.query(sql);
  });

  afterAll(async () => {
    await client?.end();
    const admin = new Client({
      connectionString: Object.assign(new URL(server.toString()), { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
  });

  const cases = [...SMS_MESSAGE_STATEMENTS, ...SMS_BATCH_STATEMENTS].flatMap((s) =>
    SMS_DELIVERY_STATUSES.map((status) => [s.name, status, s] as const),
  );

  it.each(cases)('%s on a %s row', async (_name, status: SmsDeliveryStatus, s) => {
    const id = randomUUID();
    const pmid = `SM${id.replace(/-/g, '')}`;
    await client.query('BEGIN');
    try {
      // Due for everything: a code already expired, never handed over, last touched long ago.
      await client.query(
        `INSERT INTO sms_message (id, phone_number, purpose, locale, body_sealed, status, attempts, provider, provider_message_id, code_expires_at, created_at, updated_at, enqueued_at)
         VALUES ($1, '+447700900123', 'LOGIN', 'en', 'sealed', $2, 1, $3, $4, $5, $5, $5, NULL)`,
        [id, status, PROVIDER, pmid, LONG_AGO],
      );
      const touched = await preparedCount(client, s.name, s.text, valuesFor(s, id, pmid));
      const { rows } = await client.query(`SELECT status FROM sms_message WHERE id = $1`, [id]);
      const t: { from: readonly SmsDeliveryStatus[] } = SMS_MESSAGE_TRANSITIONS[s.transition];
      expect({ touched: touched > 0, status: rows[0].status }).toEqual({
        touched: t.from.includes(status),
        status: statusAfter(s.transition, status),
      });
    } finally {
      await client.query('ROLLBACK');
    }
  });

  // The sms_attempt statements (sms-attempt-transitions.ts), prepared against the same migrated
  // schema (PREPARE: parsed, names and types resolved, never run): a renamed column or a typo
  // fails here rather than in a worker or on a receipt. What they do is covered where they are
  // used (delivery-watch.store, sms-message.store and the receipt specs).
  it.each(SMS_ATTEMPT_STATEMENTS.map((s) => [s.name, s.text] as const))('%s prepares', async (_name, text) => {
    await client.query(`PREPARE attempt_check AS ${text}`);
    await client.query('DEALLOCATE attempt_check');
  });
});
