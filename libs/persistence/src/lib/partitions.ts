import { randomBytes } from 'node:crypto';

/**
 * The tables partitioned by month on their creation time (migration 1796500000000): the SMS
 * outbox/ledger and the security history, the two that grow with traffic. Each month is its own
 * table named `<table>_yYYYYmMM`, bounds in UTC: [first of the month, first of the next). There is
 * no DEFAULT partition on purpose: it would hide a maintenance job that stopped (its rows block
 * every later CREATE of the month they belong to), it rules out DETACH … CONCURRENTLY, and it
 * keeps `ORDER BY created_at` from reading the partitions in order. The maintenance job keeps
 * PARTITION_MONTHS_AHEAD months ready at every run and at boot; an insert past the last one fails
 * loudly ("no partition of relation … found for row").
 *
 * SQL builders only (names from the closed list below, dates formatted here): the API's
 * maintenance store and the migration run them.
 */

export const PARTITIONED_TABLES = {
  // Updated in place after insert (status, stamps): the 20 % page room of migration 1795920100000, per partition.
  sms_message: { storage: 'WITH (fillfactor = 80)' },
  security_event: { storage: '' },
} as const;
export type PartitionedTable = keyof typeof PARTITIONED_TABLES;
export const PARTITIONED_TABLE_NAMES = Object.keys(PARTITIONED_TABLES) as PartitionedTable[];

/** Months created ahead of the current one, by the migration and by every maintenance run. */
export const PARTITION_MONTHS_AHEAD = 3;

/** Two maintenance runs (two API instances) never manage partitions at once: `pg_try_advisory_lock` key. */
export const PARTITION_MAINTENANCE_LOCK = 'twofold:maintenance';

/** The first instant of the UTC month of `d`, plus `offset` months. */
export function monthStart(d: Date, offset = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
}

export function partitionName(table: PartitionedTable, month: Date): string {
  return `${table}_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month a partition of ours holds, from its name; null for any other table. */
export function partitionMonth(table: PartitionedTable, name: string): Date | null {
  const m = new RegExp(`^${table}_y(\\d{4})m(\\d{2})$`).exec(name);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : null;
}

const literal = (d: Date) => `'${d.toISOString()}'`;

/** `FOR VALUES FROM … TO …` of one month. */
export function monthBounds(month: Date): string {
  return `FOR VALUES FROM (${literal(monthStart(month))}) TO (${literal(monthStart(month, 1))})`;
}

/**
 * One month's partition created while the table is written: the new table is made on its own, then
 * ATTACHed, which takes SHARE UPDATE EXCLUSIVE on the parent (inserts and updates go on; a plain
 * `CREATE TABLE … PARTITION OF` would take ACCESS EXCLUSIVE and queue every writer behind it). The
 * parent's indexes, primary key and foreign keys are built on the empty table by the ATTACH.
 * Run under PARTITION_MAINTENANCE_LOCK (CREATE TABLE IF NOT EXISTS + ATTACH is not idempotent).
 */
export function createPartitionSql(table: PartitionedTable, month: Date): string[] {
  const name = partitionName(table, month);
  return [
    `CREATE TABLE IF NOT EXISTS "${name}" (LIKE "${table}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ${PARTITIONED_TABLES[table].storage}`,
    `ALTER TABLE "${table}" ATTACH PARTITION "${name}" ${monthBounds(month)}`,
  ];
}

/** The partitions of `table` (`$1`), with a DETACH CONCURRENTLY left half done (its session died) flagged. */
export const LIST_PARTITIONS_SQL = `SELECT c.relname AS name, i.inhdetachpending AS "detachPending"
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY c.relname`;

/**
 * Dropping a month: DETACH … CONCURRENTLY waits for the transactions reading the table instead of
 * locking them out (it cannot run in a transaction block), then the detached table is dropped.
 */
export function dropPartitionSql(table: PartitionedTable, name: string, detachPending: boolean): string[] {
  return [`ALTER TABLE "${table}" DETACH PARTITION "${name}" ${detachPending ? 'FINALIZE' : 'CONCURRENTLY'}`, `DROP TABLE "${name}"`];
}

/** True when a partition still holds a message to be sent (QUEUED, SENDING): it is kept whatever its age. */
export function unsentInPartitionSql(name: string): string {
  return `SELECT EXISTS (SELECT 1 FROM "${name}" WHERE status IN ('QUEUED', 'SENDING')) AS unsent`;
}

/**
 * A message id that names its month: a UUIDv7 (RFC 9562) whose 48-bit time is exactly `createdAt`'s
 * millisecond, the rest random (74 bits). Lookups by id alone (the worker's, by the job's id) bound
 * created_at by it (idCreatedWithin), so they read one or two partitions instead of all. Older ids
 * (UUIDv4) still work: the bounds of a non-v7 id are (-infinity, infinity).
 */
export function messageId(createdAt: Date): string {
  const b = randomBytes(16);
  b.writeUIntBE(createdAt.getTime(), 0, 6);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The SQL functions (migration 1796500000000) bounding created_at by an id's UUIDv7 time, a day
 * either side (the id and created_at come from the same clock reading: the margin is for ids made
 * elsewhere); -infinity / infinity for any other id. IMMUTABLE, so a custom plan prunes at plan time
 * and a generic one at executor start.
 */
export const ID_TIME_FUNCTIONS_SQL = [
  ...(['from', 'until'] as const).map(
    (end) => `CREATE FUNCTION "twofold_id_created_${end}"(id uuid) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN substr(id::text, 15, 1) = '7'
    THEN to_timestamp((('x' || substr(id::text, 1, 8) || substr(id::text, 10, 4))::bit(48)::bigint ${end === 'from' ? '-' : '+'} 86400000) / 1000.0)
    ELSE '${end === 'from' ? '-' : ''}infinity'::timestamptz END $$`,
  ),
  // A batch: from the earliest bound to the latest (a function of the array, so still pruned before the scan).
  `CREATE FUNCTION "twofold_ids_created_from"(ids uuid[]) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(min(twofold_id_created_from(x)), '-infinity') FROM unnest(ids) x $$`,
  `CREATE FUNCTION "twofold_ids_created_until"(ids uuid[]) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(max(twofold_id_created_until(x)), 'infinity') FROM unnest(ids) x $$`,
];
export const DROP_ID_TIME_FUNCTIONS_SQL = [
  'DROP FUNCTION "twofold_ids_created_from"(uuid[])',
  'DROP FUNCTION "twofold_ids_created_until"(uuid[])',
  'DROP FUNCTION "twofold_id_created_from"(uuid)',
  'DROP FUNCTION "twofold_id_created_until"(uuid)',
];

/** `created_at` within the bounds of the id `id` (a placeholder or column): prunes a lookup by id to its months. */
export function idCreatedWithin(id: string, createdAt = 'created_at'): string {
  return `${createdAt} BETWEEN twofold_id_created_from(${id}) AND twofold_id_created_until(${id})`;
}

/** The same for a batch of ids (`ids`, a uuid[] placeholder): from the earliest to the latest bound. */
export function idsCreatedWithin(ids: string, createdAt = 'created_at'): string {
  return `${createdAt} BETWEEN twofold_ids_created_from(${ids}::uuid[]) AND twofold_ids_created_until(${ids}::uuid[])`;
}
