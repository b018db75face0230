/**
 * `npm run bench:plans` (= nx run bench:plans; it lives here, beside the other scripts that load
 * libs/persistence): the hot statements' plans on a seeded table of 10 million messages (issue 15,
 * part 3). In a scratch database (dropped at the end): every
 * migration, a partition per month for the last 12 months, PLANS_MESSAGES sms_message rows spread
 * evenly over them and PLANS_EVENTS security_event rows, seeded by generate_series with the
 * indexes dropped and rebuilt after (from their own definitions). Then each statement is run under
 * EXPLAIN (ANALYZE, BUFFERS), as a custom plan (what a statement's first executions get) and as a
 * generic one (what a prepared statement may settle on), and one line each is printed: time, plan
 * node types, partitions scanned of those planned, buffers. Progress and seeding times on stderr.
 *
 *   PLANS_MESSAGES=10000000   rows of sms_message (PLANS_EVENTS: of security_event, default a fifth)
 *   PLANS_UNPARTITIONED=1     the same on the tables as they were before migration 1796500000000 (the baseline)
 *   PLANS_CONVERT=1           seed the tables as they were before it, then time the migration converting them
 *   PLANS_KEEP_DATABASE=1     keep the database afterwards (its name is printed)
 *   DATABASE_URL              the server (the database name is ignored: a new one is made)
 */
import 'reflect-metadata';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@twofold/persistence/migrations';
import {
  CLAIM_SMS_MESSAGE,
  CLAIM_SMS_MESSAGES,
  createPartitionSql,
  dataSourceOptions,
  EXPIRE_QUEUED_CODES,
  ID_TIME_FUNCTIONS_SQL,
  MARK_SMS_MESSAGE_SENT,
  monthStart,
  PARTITIONED_TABLE_NAMES,
  RECEIPT_SMS_DELIVERED,
  SELECT_SMS_DUE_FOR_RELAY,
  windowGateSql,
} from '@twofold/persistence';

const MESSAGES = Number(process.env['PLANS_MESSAGES'] ?? 10_000_000);
const EVENTS = Number(process.env['PLANS_EVENTS'] ?? Math.round(MESSAGES / 5));
const ACCOUNTS = Math.max(100, Math.round(MESSAGES / 50));
const MONTHS = 12;
const CONVERT = process.env['PLANS_CONVERT'] === '1';
const UNPARTITIONED = process.env['PLANS_UNPARTITIONED'] === '1' || CONVERT; // while seeding
const PARTITIONING = 1796500000000;
const log = (...a: unknown[]) => process.stderr.write(`[plans ${new Date().toISOString().slice(11, 19)}] ${a.join(' ')}\n`);

const base = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/twofold');
const urlOf = (db: string) => Object.assign(new URL(base.toString()), { pathname: `/${db}` }).toString();

async function timed<T>(label: string, fn: () => Promise<T>, times: Record<string, number>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  times[label] = (Date.now() - started) / 1000;
  log(`${label}: ${times[label].toFixed(1)} s`);
  return result;
}

/** Seeds with the table's indexes dropped, then rebuilds them (one sort each instead of a row at a time). */
async function withoutIndexes(c: Client, table: string, seed: () => Promise<void>, times: Record<string, number>): Promise<void> {
  const { rows } = await c.query<{ name: string; def: string; primary: boolean }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisprimary AS primary FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass`,
    [table],
  );
  const fks = (await c.query<{ name: string; def: string }>(`SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`, [table])).rows;
  for (const fk of fks) await c.query(`ALTER TABLE ${table} DROP CONSTRAINT "${fk.name}"`);
  for (const r of rows) await c.query(r.primary ? `ALTER TABLE ${table} DROP CONSTRAINT "${r.name}"` : `DROP INDEX "${r.name}"`);
  await timed(`${table}: insert`, seed, times);
  await timed(
    `${table}: ${rows.length} indexes`,
    async () => {
      for (const r of rows) await c.query(r.primary ? `ALTER TABLE ${table} ADD CONSTRAINT "${r.name}" PRIMARY KEY (${UNPARTITIONED ? 'id' : 'id, created_at'})` : r.def.replace(' ON ONLY ', ' ON '));
      for (const fk of fks) await c.query(`ALTER TABLE ${table} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
    },
    times,
  );
  await timed(`${table}: vacuum analyze`, () => c.query(`VACUUM (ANALYZE) ${table}`), times);
}

/**
 * A message id as the outbox makes it (messageId): UUIDv7 of created_at `t`; one in a hundred (where
 * `legacy`) a UUIDv4, as rows from before the partitioning keep.
 */
function uuidSql(t: string, hash: string, legacy: string): string {
  const v7 = `lpad(to_hex(floor(extract(epoch FROM ${t}) * 1000)::bigint), 12, '0') || '7' || substr(${hash}, 1, 3) || '8' || substr(${hash}, 4, 15)`;
  const v4 = `substr(${hash}, 1, 12) || '4' || substr(${hash}, 13, 3) || '8' || substr(${hash}, 16, 15)`;
  return `(CASE WHEN ${legacy} THEN ${v4} ELSE ${v7} END)::uuid`;
}

/** Two connections insert half each: the seeding is CPU-bound on a 2-core machine. */
async function parallelInsert(clients: Client[], n: number, sql: (from: number, to: number) => string): Promise<void> {
  const half = Math.ceil(n / clients.length);
  await Promise.all(clients.map((c, k) => c.query(sql(k * half + 1, Math.min(n, (k + 1) * half)))));
}

async function seed(c: Client, extra: Client, now: Date, times: Record<string, number>): Promise<void> {
  for (const table of UNPARTITIONED ? [] : PARTITIONED_TABLE_NAMES) {
    for (let i = 1; i <= MONTHS; i++) for (const sql of createPartitionSql(table, monthStart(now, -i))) await c.query(sql);
  }
  await c.query(`SET maintenance_work_mem = '256MB'`);
  // Message i was created (MESSAGES - i) / MESSAGES of a year ago: 12 months, the newest now.
  const at = (n: number) => `$now$${now.toISOString()}$now$::timestamptz - interval '365 days' * ((${n} - i)::float8 / ${n})`;
  await withoutIndexes(
    c,
    'sms_message',
    () =>
      parallelInsert([c, extra], MESSAGES, (from, to) => `
      INSERT INTO sms_message (id, account_id, method_id, ticket_id, phone_number, purpose, country_code, destination_prefix, verified_at, locale, body_sealed,
                               status, client_ip, provider, provider_message_id, attempts, code_expires_at, created_at, updated_at, enqueued_at, sent_at, delivered_at)
      SELECT ${uuidSql('t', "md5('m' || i)", 'i % 100 = 0')}, md5('a' || (i % ${ACCOUNTS}))::uuid, md5('k' || (i % ${ACCOUNTS}))::uuid, CASE WHEN i % 10 BETWEEN 1 AND 6 THEN md5('t' || i)::uuid END,
             '+4477' || lpad((i % ${ACCOUNTS * 2})::text, 8, '0'), CASE WHEN i % 10 = 0 THEN 'NOTICE' WHEN i % 10 < 7 THEN 'LOGIN' ELSE 'METHOD_CONFIRMATION' END,
             'GB', '+4477' || (i % 97), CASE WHEN i % 3 = 0 THEN t END, 'en', repeat('s', 60),
             CASE WHEN i > ${MESSAGES} - 200 THEN 'QUEUED' WHEN i % 50 = 0 THEN 'FAILED' ELSE 'DELIVERED' END, '203.0.' || (i % 251) || '.' || (i / 251 % 251),
             'twilio', 'SM' || md5('p' || i), 1, t + interval '5 minutes', t, t, t, t, t
        FROM generate_series(${from}, ${to}) i, LATERAL (SELECT ${at(MESSAGES)} AS t) x`),
    times,
  );
  await timed(
    'account: insert',
    () => c.query(`INSERT INTO account (id, email, email_normalized, name, password_hash) SELECT md5('a' || i)::uuid, 'u' || i || '@example.com', 'u' || i || '@example.com', 'U', 'x' FROM generate_series(0, ${ACCOUNTS - 1}) i`),
    times,
  );
  await withoutIndexes(
    c,
    'security_event',
    () =>
      parallelInsert([c, extra], EVENTS, (from, to) => `
      INSERT INTO security_event (id, account_id, type, created_at, ip_address, user_agent, detail)
      SELECT md5('e' || i)::uuid, md5('a' || (i % ${ACCOUNTS}))::uuid, CASE WHEN i % 4 = 0 THEN 'SECOND_FACTOR_FAILED' ELSE 'LOGIN_SUCCEEDED' END, ${at(EVENTS)}, '203.0.113.9', 'bench', NULL
        FROM generate_series(${from}, ${to}) i`),
    times,
  );
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Loops'?: number;
  'Subplans Removed'?: number;
  Plans?: PlanNode[];
}

function summarize(plan: PlanNode): { nodes: string[]; scanned: Set<string>; planned: Set<string>; removed: number } {
  const out = { nodes: [] as string[], scanned: new Set<string>(), planned: new Set<string>(), removed: 0 };
  const walk = (n: PlanNode) => {
    if (!out.nodes.includes(n['Node Type'])) out.nodes.push(n['Node Type']);
    out.removed += n['Subplans Removed'] ?? 0;
    // The ModifyTable of an UPDATE names the parent: partitions only.
    if (n['Relation Name'] && !(PARTITIONED_TABLE_NAMES as string[]).includes(n['Relation Name'])) {
      out.planned.add(n['Relation Name']);
      if ((n['Actual Loops'] ?? 0) > 0) out.scanned.add(n['Relation Name']);
    }
    n.Plans?.forEach(walk);
  };
  walk(plan);
  return out;
}

interface Statement {
  name: string;
  sql: string;
  values: unknown[];
  write?: boolean;
}

async function explain(c: Client, s: Statement, generic: boolean) {
  await c.query('BEGIN'); // writes are rolled back
  try {
    await c.query(`SET LOCAL plan_cache_mode = ${generic ? 'force_generic_plan' : 'force_custom_plan'}`);
    // A prepared statement, executed with literal arguments: the custom plan sees the values, the generic one only their types.
    await c.query({ text: `PREPARE plans_stmt AS ${s.sql}` });
    const args = s.values.map((v) => literal(c, v)).join(', ');
    const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE plans_stmt${args ? `(${args})` : ''}`);
    await c.query('DEALLOCATE plans_stmt');
    const [result] = rows[0]['QUERY PLAN'] as [{ Plan: PlanNode & { 'Shared Hit Blocks': number; 'Shared Read Blocks': number }; 'Planning Time': number; 'Execution Time': number }];
    return { ...summarize(result.Plan), ms: result['Execution Time'], planningMs: result['Planning Time'], hit: result.Plan['Shared Hit Blocks'], read: result.Plan['Shared Read Blocks'] };
  } finally {
    await c.query('ROLLBACK');
  }
}

function literal(c: Client, v: unknown): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return `${c.escapeLiteral(v.toISOString())}::timestamptz`;
  // An untyped array literal: it takes the parameter's type (uuid[], timestamptz[]).
  if (Array.isArray(v)) return c.escapeLiteral(`{${v.map((x) => `"${x instanceof Date ? x.toISOString() : String(x)}"`).join(',')}}`);
  return c.escapeLiteral(String(v));
}

async function statements(c: Client, now: Date): Promise<Statement[]> {
  const { rows } = await c.query(
    `SELECT id, account_id, method_id, phone_number, client_ip, destination_prefix, provider, provider_message_id, ticket_id FROM sms_message
      WHERE created_at > $1::timestamptz - interval '1 day' AND purpose = 'LOGIN' AND ticket_id IS NOT NULL AND substr(id::text, 15, 1) = '7' LIMIT 1`,
    [now],
  );
  const m = rows[0];
  const ids = (await c.query(`SELECT id FROM sms_message WHERE created_at > $1::timestamptz - interval '1 hour' AND substr(id::text, 15, 1) = '7' ORDER BY id LIMIT 100`, [now])).rows.map((r) => r.id as string);
  const old = (await c.query(`SELECT id FROM sms_message WHERE created_at < $1::timestamptz - interval '300 days' AND substr(id::text, 15, 1) = '7' LIMIT 1`, [now])).rows[0].id as string;
  const legacy = (await c.query(`SELECT id FROM sms_message WHERE created_at > $1::timestamptz - interval '1 day' AND substr(id::text, 15, 1) = '4' LIMIT 1`, [now])).rows[0].id as string;
  const hour = new Date(now.getTime() - 3600_000);
  const day = new Date(now.getTime() - 86400_000);
  const codes = (column: 'phone_number' | 'account_id' | 'client_ip', value: `$${number}`, offset: `$${number}`) =>
    windowGateSql({ table: 'sms_message', where: [{ column, value }], purpose: 'codes', since: '$7', offset });
  // Mirrors sms-ledger.store.ts sendLimitsSql (shared number).
  const sendLimits = `SELECT (SELECT created_at FROM sms_message WHERE method_id = $1 AND purpose = $2 AND purpose <> 'NOTICE'
                    AND (ticket_id = $3::uuid OR ($3::uuid IS NULL AND ticket_id IS NULL)) ORDER BY created_at DESC LIMIT 1) AS last,
                 ${codes('phone_number', '$4', '$8')} AS by_number, ${codes('account_id', '$5', '$9')} AS by_account, ${codes('client_ip', '$6', '$10')} AS by_ip,
                 ${codes('phone_number', '$4', '$11')} AS by_number_next, ${codes('account_id', '$5', '$12')} AS by_account_next`;
  const globalGate = (offset: `$${number}`) => windowGateSql({ table: 'sms_message', where: [], purpose: 'all', since: '$2', offset });
  const prefixGate = windowGateSql({ table: 'sms_message', where: [{ column: 'destination_prefix', value: '$1' }], purpose: 'codes', since: '$2', offset: '$3' });
  const event = (await c.query(`SELECT account_id, created_at, id FROM security_event WHERE created_at > $1::timestamptz - interval '2 days' LIMIT 1`, [now])).rows[0];
  const selectColumns = `id, account_id, method_id, ticket_id, phone_number, purpose, status, attempts, failure_reason, code_expires_at, created_at, sent_at, delivered_at, failed_at`;
  return [
    { name: 'worker claim by id (recent)', sql: CLAIM_SMS_MESSAGE.text, values: [m.id, now], write: true },
    { name: 'worker claim by id (300 days old)', sql: CLAIM_SMS_MESSAGE.text, values: [old, now], write: true },
    { name: 'worker claim by id (UUIDv4, before)', sql: CLAIM_SMS_MESSAGE.text, values: [legacy, now], write: true },
    { name: 'worker claim, 100 ids in one statement', sql: CLAIM_SMS_MESSAGES.text, values: [ids, ids.map(() => now)], write: true },
    { name: 'worker sent by id', sql: MARK_SMS_MESSAGE_SENT.text, values: [m.id, 'twilio', 'SMbench', now], write: true },
    { name: 'smsDispatch poll (id + account)', sql: `SELECT ${selectColumns} FROM sms_message WHERE id = $1 AND account_id = $2 LIMIT 1`, values: [m.id, m.account_id] },
    { name: 'receipt delivered (provider id)', sql: RECEIPT_SMS_DELIVERED.text, values: [m.provider, m.provider_message_id, now], write: true },
    { name: 'send limits (number/account/IP gates)', sql: sendLimits, values: [m.method_id, 'LOGIN', m.ticket_id, m.phone_number, m.account_id, m.client_ip, hour, 4, 9, 19, 3, 8] },
    { name: 'pumping budgets (prefix + global)', sql: `SELECT ${prefixGate} AS by_prefix, ${globalGate('$4')} AS global, ${globalGate('$5')} AS global_margin`, values: [m.destination_prefix, hour, 499, 19999, 17999] },
    {
      name: 'notice budget (account + global)',
      sql: `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE' AND created_at > $2 LIMIT $3) n) AS sent, ${windowGateSql({ table: 'sms_message', where: [], purpose: 'all', since: '$2', offset: '$4' })} AS global_full`,
      values: [m.account_id, day, 20, 19998],
    },
    { name: 'relay poll (due for relay)', sql: SELECT_SMS_DUE_FOR_RELAY.text, values: [new Date(now.getTime() - 30_000), new Date(now.getTime() - 300_000), 500] },
    { name: 'relay: expire queued codes', sql: EXPIRE_QUEUED_CODES.text, values: [now, 'expired before sending'], write: true },
    {
      name: 'security events list (first page)',
      sql: `SELECT * FROM security_event e WHERE e.account_id = $1 ORDER BY e.created_at DESC, e.id DESC LIMIT 21`,
      values: [event.account_id],
    },
    {
      name: 'security events list (after a cursor)',
      sql: `SELECT * FROM security_event e WHERE e.account_id = $1 AND (e.created_at, e.id) < ($2, $3) ORDER BY e.created_at DESC, e.id DESC LIMIT 21`,
      values: [event.account_id, event.created_at, event.id],
    },
    { name: 'second-factor failures (15 min)', sql: `SELECT count(*)::int AS n FROM security_event WHERE account_id = $1 AND type = 'SECOND_FACTOR_FAILED' AND created_at > $2`, values: [event.account_id, new Date(now.getTime() - 900_000)] },
  ];
}

async function main(): Promise<void> {
  const name = `twofold_plans_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: urlOf('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const times: Record<string, number> = {};
  const results: Record<string, unknown>[] = [];
  try {
    const options = dataSourceOptions(urlOf(name), { poolSize: 1 });
    const ds = new DataSource(UNPARTITIONED ? { ...options, migrations: MIGRATIONS.filter((m) => Number(/(\d{13})$/.exec(m.name)?.[1]) < PARTITIONING) } : options);
    await ds.initialize();
    await ds.runMigrations();
    // The baseline runs today's statements, which bound created_at by the id: their functions, on the plain tables.
    if (UNPARTITIONED && !CONVERT) for (const sql of ID_TIME_FUNCTIONS_SQL) await ds.query(sql);
    await ds.destroy();
    const c = new Client({ connectionString: urlOf(name) });
    const extra = new Client({ connectionString: urlOf(name) });
    await c.connect();
    await extra.connect();
    for (const client of [c, extra]) client.on('error', () => undefined); // ended by the final DROP DATABASE … WITH (FORCE)
    const now = new Date();
    log(`seeding ${MESSAGES.toLocaleString('en')} messages and ${EVENTS.toLocaleString('en')} events over ${MONTHS} months`);
    await timed('seeding, total', () => seed(c, extra, now, times), times);
    await extra.end();
    if (CONVERT) {
      const all = new DataSource(dataSourceOptions(urlOf(name), { poolSize: 1 }));
      await all.initialize();
      await timed('conversion (migration 1796500000000)', () => all.runMigrations(), times);
      await all.destroy();
      await c.query('ANALYZE sms_message');
      await c.query('ANALYZE security_event');
    }
    const partitioned = !UNPARTITIONED || CONVERT;
    const size = (
      await c.query(
        `SELECT pg_size_pretty(pg_total_relation_size('sms_message') + coalesce((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'sms_message'::regclass), 0)::bigint) AS s`,
      )
    ).rows[0].s as string;
    const parts = (await c.query(`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'sms_message'::regclass`)).rows[0].n as number;

    console.log(`\nHot statements on ${MESSAGES.toLocaleString('en')} messages (${partitioned ? `${parts} partitions` : 'unpartitioned'}, ${size}) and ${EVENTS.toLocaleString('en')} events; seeded in ${times['seeding, total']?.toFixed(0)} s${CONVERT ? `, converted in ${times['conversion (migration 1796500000000)']?.toFixed(0)} s` : ''}`);
    console.log(`${'statement'.padEnd(42)} ${'plan'.padEnd(7)} ${'ms'.padStart(7)} ${'plan ms'.padStart(8)} ${'parts'.padStart(7)} ${'buffers'.padStart(8)}  nodes`);
    for (const s of await statements(c, now)) {
      for (const generic of [false, true]) {
        const r = await explain(c, s, generic);
        const row = { statement: s.name, plan: generic ? 'generic' : 'custom', ms: r.ms, planningMs: r.planningMs, partitionsScanned: r.scanned.size, partitionsPlanned: r.planned.size, subplansRemoved: r.removed, buffers: r.hit + r.read, nodes: r.nodes };
        results.push(row);
        console.log(
          `${s.name.padEnd(42)} ${row.plan.padEnd(7)} ${r.ms.toFixed(3).padStart(7)} ${r.planningMs.toFixed(3).padStart(8)} ${(partitioned ? `${r.scanned.size}/${r.planned.size + r.removed}` : '-').padStart(7)} ${String(row.buffers).padStart(8)}  ${r.nodes.join(', ')}`,
        );
      }
    }
    await c.end();
    const out = resolve(__dirname, '../../tmp/bench');
    mkdirSync(out, { recursive: true });
    const file = join(out, CONVERT ? 'plans-converted.json' : UNPARTITIONED ? 'plans-unpartitioned.json' : 'plans.json');
    writeFileSync(file, JSON.stringify({ messages: MESSAGES, events: EVENTS, partitions: parts, size, seconds: times, results }, null, 2));
    log(`wrote ${file}`);
  } finally {
    if (process.env['PLANS_KEEP_DATABASE'] === '1') log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
