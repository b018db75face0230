import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { createPartitionSql, messageId, monthStart, partitionName } from './partitions';
import { MARK_SMS_SENT_FIRST_ATTEMPTS } from './sms-attempt-transitions';
import { CLAIM_SMS_MESSAGE, CLAIM_SMS_MESSAGES, MARK_SMS_MESSAGES_RELAYED, MARK_SMS_MESSAGES_SENT } from './sms-message-transitions';
import { claimSmsMessagesSized, markSmsSentFirstAttemptsSized, smsBatchValues } from './sms-batch-statements';
import { prepared, statementName } from './sql';
import { windowGateSql } from './window-gate';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Subplans Removed'?: number;
  Plans?: PlanNode[];
}

/** The partitions a plan reads, the index scans it makes, and how many partitions run-time pruning removed. */
function shape(plan: PlanNode): { partitions: string[]; indexes: string[]; seqScans: string[]; removed: number } {
  const out = { partitions: new Set<string>(), indexes: new Set<string>(), seqScans: [] as string[], removed: 0 };
  const walk = (n: PlanNode) => {
    out.removed += n['Subplans Removed'] ?? 0;
    if (n['Relation Name'] && n['Relation Name'] !== 'sms_message' && n['Relation Name'] !== 'security_event') out.partitions.add(n['Relation Name']);
    if (n['Index Name']) out.indexes.add(n['Index Name']);
    if (n['Node Type'] === 'Seq Scan' && n['Relation Name']) out.seqScans.push(n['Relation Name']);
    n.Plans?.forEach(walk);
  };
  walk(plan);
  return { partitions: [...out.partitions].sort(), indexes: [...out.indexes], seqScans: out.seqScans, removed: out.removed };
}

// The shape of the hot statements' plans on partitioned sms_message / security_event, on a small
// seeded table (12 past months, 2,000 messages a month): what `npm run bench:plans` measures on
// 10 million rows, held here so a change that loses the pruning fails in `npm test`.
describe('plans on the partitioned tables', () => {
  const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `twofold_test_plans_${process.pid}_${Date.now().toString(36)}`;
  const url = Object.assign(new URL(server.toString()), { pathname: `/${name}` }).toString();
  const now = new Date();
  const PER_MONTH = 2000;
  let c: Client;
  let recent: { id: string; account_id: string };

  beforeAll(async () => {
    await ensureDatabase(url);
    const ds = new DataSource({ ...dataSourceOptions(url, { poolSize: 1 }), logging: false });
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    c = new Client({ connectionString: url });
    await c.connect();
    for (const table of ['sms_message', 'security_event'] as const) {
      for (let i = 1; i <= 12; i++) for (const sql of createPartitionSql(table, monthStart(now, -i))) await c.query(sql);
    }
    // Ids as the outbox makes them (messageId: UUIDv7 of created_at), one row every ~20 minutes over a year.
    const rows = Array.from({ length: 12 * PER_MONTH }, (_, i) => new Date(now.getTime() - (i + 1) * ((365 * 86400_000) / (12 * PER_MONTH))));
    await c.query(
      `INSERT INTO sms_message (id, account_id, phone_number, purpose, body_sealed, status, created_at, updated_at)
       SELECT id, md5('a' || (n % 500))::uuid, '+4477009' || lpad((n % 800)::text, 5, '0'), 'LOGIN', 's', 'DELIVERED', at, at
         FROM unnest($1::uuid[], $2::timestamptz[]) WITH ORDINALITY AS r(id, at, n)`,
      [rows.map((at) => messageId(at)), rows],
    );
    await c.query(`INSERT INTO account (id, email, email_normalized, name, password_hash) SELECT md5('a' || i)::uuid, i || '@x.example', i || '@x.example', 'A', 'x' FROM generate_series(0, 499) i`);
    await c.query(
      `INSERT INTO security_event (id, account_id, type, created_at) SELECT md5('e' || n)::uuid, md5('a' || (n % 500))::uuid, 'LOGIN_SUCCEEDED', at FROM unnest($1::timestamptz[]) WITH ORDINALITY AS r(at, n)`,
      [rows],
    );
    await c.query(`ANALYZE sms_message`);
    await c.query(`ANALYZE security_event`);
    // A message of a full month (this one has only begun: its few rows are read without an index).
    recent = (await c.query(`SELECT id, account_id FROM sms_message WHERE created_at >= $1 ORDER BY created_at LIMIT 1`, [new Date(monthStart(now, -2).getTime() + 10 * 86400_000)])).rows[0];
  });

  afterAll(async () => {
    await c?.end();
    const admin = new Client({ connectionString: Object.assign(new URL(server.toString()), { pathname: '/postgres' }).toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
  });

  /** EXPLAIN of `sql` as a prepared statement run with `args` (SQL literals): a custom plan, or the generic one. */
  async function explain(sql: string, args: string[], generic = false) {
    await c.query('BEGIN');
    try {
      await c.query(`SET LOCAL plan_cache_mode = ${generic ? 'force_generic_plan' : 'force_custom_plan'}`);
      await c.query(`PREPARE stmt AS ${sql}`);
      const { rows } = await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE stmt(${args.join(', ')})`);
      if (process.env['PLANS_DEBUG']) console.log(JSON.stringify(rows[0]['QUERY PLAN'][0].Plan, null, 1));
      return shape(rows[0]['QUERY PLAN'][0].Plan as PlanNode);
    } finally {
      await c.query('ROLLBACK');
      await c.query('DEALLOCATE ALL');
    }
  }
  const at = (d: Date) => `'${d.toISOString()}'::timestamptz`;
  const months = (from: number, to: number, table = 'sms_message') => Array.from({ length: to - from + 1 }, (_, i) => partitionName(table as 'sms_message', monthStart(now, from + i)));

  it('the worker claims a message by id in its own month, by index: planned there (custom plan) or pruned at start (generic)', async () => {
    const custom = await explain(CLAIM_SMS_MESSAGE.text, [`'${recent.id}'`, at(now)]);
    expect(custom.partitions).toEqual([partitionName('sms_message', monthStart(now, -2))]); // a day either side of the id's time
    expect(custom.indexes).toHaveLength(1); // the key, or the outbox's partial index of unsent rows
    expect(custom.indexes[0]).toMatch(new RegExp(`^${partitionName('sms_message', monthStart(now, -2))}_(pkey|status_enqueued_at_idx)$`));
    expect(custom.seqScans).toEqual([]);
    const generic = await explain(CLAIM_SMS_MESSAGE.text, [`'${recent.id}'`, at(now)], true);
    expect(generic.removed).toBeGreaterThanOrEqual(14); // 16 partitions: 12 past, this month, 3 ahead
  });

  it('finds a message made by messageId at the last millisecond of a month, and one made a day off its id', async () => {
    const edge = new Date(monthStart(now, -1).getTime() - 1);
    const skewed = messageId(new Date(edge.getTime() - 86400_000 + 1000)); // an id made elsewhere, 23:59:59 before created_at
    for (const id of [messageId(edge), skewed]) {
      await c.query(`INSERT INTO sms_message (id, phone_number, purpose, body_sealed, status, created_at, updated_at) VALUES ($1, '+447700900001', 'LOGIN', 's', 'QUEUED', $2, $2)`, [id, edge]);
      expect((await c.query(CLAIM_SMS_MESSAGE.text, [id, now])).rowCount).toBe(1);
    }
    // …and in one statement with a message of today, as the worker batches them.
    const today = messageId(now);
    await c.query(`INSERT INTO sms_message (id, phone_number, purpose, body_sealed, status, created_at, updated_at) VALUES ($1, '+447700900001', 'LOGIN', 's', 'QUEUED', $2, $2)`, [today, now]);
    const batch = await c.query(CLAIM_SMS_MESSAGES.text, [[messageId(edge), today, skewed].sort(), [now, now, now]]);
    expect(batch.rows.map((r) => r.id).sort()).toEqual([today, skewed].sort()); // the other id names no row
  });

  it('an id from before the partitioning (UUIDv4) is still found, by reading every month', async () => {
    const legacy = '3f1c1b2e-9a55-4c2e-9c1f-0000000000aa';
    await c.query(`INSERT INTO sms_message (id, phone_number, purpose, body_sealed, status, created_at, updated_at) VALUES ($1, '+447700900001', 'LOGIN', 's', 'QUEUED', $2, $2)`, [
      legacy,
      new Date(now.getTime() - 200 * 86400_000),
    ]);
    const claimed = await c.query(CLAIM_SMS_MESSAGE.text, [legacy, now]);
    expect(claimed.rowCount).toBe(1);
    expect((await explain(CLAIM_SMS_MESSAGE.text, [`'${legacy}'`, at(now)])).partitions).toHaveLength(16);
  });

  it('a batch of ids (claims, relay marks) reads only the months of its ids', async () => {
    const ids = (await c.query(`SELECT id FROM sms_message WHERE created_at > $1 ORDER BY id LIMIT 50`, [new Date(now.getTime() - 86400_000)])).rows.map((r) => r.id as string);
    const array = `'{${ids.join(',')}}'`;
    const claim = await explain(CLAIM_SMS_MESSAGES.text, [array, `'{${ids.map(() => now.toISOString()).join(',')}}'`]);
    expect(claim.partitions.length).toBeLessThanOrEqual(2);
    const relayed = await explain(MARK_SMS_MESSAGES_RELAYED.text, [array, at(now)]);
    expect(relayed.partitions.length).toBeLessThanOrEqual(2);
  });

  it('the batches over arrays (above 8 ids, and the relay) are never prepared: each call is planned with its ids, so no generic plan scans their window', async () => {
    for (const s of [CLAIM_SMS_MESSAGES, MARK_SMS_MESSAGES_SENT, MARK_SMS_SENT_FIRST_ATTEMPTS, MARK_SMS_MESSAGES_RELAYED]) expect({ name: s.name, run: statementName(s) }).toEqual({ name: s.name, run: '' });
    // Past the five runs after which a named statement may settle on a generic plan.
    const id = messageId(now);
    for (let i = 0; i < 7; i++) await prepared(c, statementName(CLAIM_SMS_MESSAGES), CLAIM_SMS_MESSAGES.text, [[id], [now]]);
    const named = (await c.query(`SELECT name FROM pg_prepared_statements WHERE statement LIKE '%unnest%'`)).rows;
    expect(named).toEqual([]);
    // The single-id statements stay named (their generic plan prunes at executor start: test 1).
    expect(statementName(CLAIM_SMS_MESSAGE)).toBe(CLAIM_SMS_MESSAGE.name);
  });

  it('a batch of up to 8 ids is a named VALUES statement whose generic plan PostgreSQL keeps: one probe by key per id', async () => {
    const ids = (await c.query(`SELECT id FROM sms_message WHERE created_at > $1 ORDER BY id LIMIT 5`, [new Date(now.getTime() - 40 * 86400_000)])).rows.map((r) => r.id as string);
    const claim = claimSmsMessagesSized(8);
    const sent = markSmsSentFirstAttemptsSized(8);
    // Past the five runs after which a named statement may settle on its generic plan (rows DELIVERED: nothing changes).
    for (let i = 0; i < 8; i++) {
      await prepared(c, claim.name, claim.text, smsBatchValues(8, ids.map((id) => [id, now])));
      await prepared(c, sent.name, sent.text, smsBatchValues(8, ids.map((id) => [id, 'twilio', `SM${i}${id}`, now, null])));
    }
    const plans = (await c.query(`SELECT name, generic_plans::int > 0 AS generic FROM pg_prepared_statements WHERE name = ANY($1) ORDER BY name`, [[claim.name, sent.name]])).rows;
    expect(plans).toEqual([claim.name, sent.name].sort().map((n) => ({ name: n, generic: true })));
    const args = [...ids.flatMap((id) => [`'${id}'::uuid`, at(now)]), ...Array.from({ length: 2 * (8 - ids.length) }, () => 'NULL')];
    const generic = await explain(claim.text, args, true);
    expect(generic.indexes.length).toBeGreaterThan(0);
    // Per id, the key (or, as for one id, the outbox's partial index of unsent rows: here it is empty).
    for (const index of generic.indexes) expect(index).toMatch(/_(pkey|status_enqueued_at_idx)$/);
    // The months with rows are probed by index; this month and those ahead (empty here) may be scanned, pruned per id at run time.
    expect(generic.seqScans.filter((p) => !months(0, 3).includes(p))).toEqual([]);
    await c.query(`DEALLOCATE ALL`);
  });

  it('a sending-limit window reads the months from its start on, by index', async () => {
    const gate = windowGateSql({ table: 'sms_message', where: [{ column: 'phone_number', value: '$1' }], purpose: 'codes', since: '$2', offset: '$3' });
    const since = new Date(monthStart(now, -1).getTime() + 86400_000);
    const plan = await explain(`SELECT ${gate} AS by_number`, [`'+447700900001'`, at(since), '4']);
    expect(plan.partitions).toEqual(months(-1, 3).sort());
    expect(plan.seqScans).not.toContain(partitionName('sms_message', monthStart(now, -1)));
  });

  it('a sending-limit window with an end a day past now leaves the months ahead out', async () => {
    const gate = windowGateSql({ table: 'sms_message', where: [{ column: 'phone_number', value: '$1' }], purpose: 'codes', since: '$2', until: '$4', offset: '$3' });
    const since = new Date(now.getTime() - 3600_000);
    const plan = await explain(`SELECT ${gate} AS by_number`, [`'+447700900001'`, at(since), '4', at(new Date(now.getTime() + 86400_000))]);
    expect(plan.partitions).toEqual([...new Set([...months(0, 0), partitionName('sms_message', monthStart(since)), partitionName('sms_message', monthStart(new Date(now.getTime() + 86400_000)))])].sort());
  });

  it('the security events list of an account reads its months through the (account, created_at, id) index', async () => {
    const plan = await explain(`SELECT * FROM security_event e WHERE e.account_id = $1 ORDER BY e.created_at DESC, e.id DESC LIMIT 21`, [`'${recent.account_id}'`]);
    const withRows = months(-12, 0, 'security_event');
    expect(plan.seqScans.filter((p) => withRows.includes(p))).toEqual([]);
  });

  it("retention's batch purge reads only the months before its cutoff", async () => {
    const cutoff = monthStart(now, -9);
    const plan = await explain(`DELETE FROM sms_message WHERE created_at < $1 AND id = ANY(ARRAY(SELECT id FROM sms_message WHERE created_at < $1 ORDER BY created_at LIMIT 10))`, [at(cutoff)]);
    expect(plan.partitions).toEqual(months(-12, -10).sort());
  });
});
