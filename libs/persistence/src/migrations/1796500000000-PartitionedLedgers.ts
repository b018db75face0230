import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  DROP_ID_TIME_FUNCTIONS_SQL,
  ID_TIME_FUNCTIONS_SQL,
  monthBounds,
  monthStart,
  PARTITION_MONTHS_AHEAD,
  PARTITIONED_TABLE_NAMES,
  PARTITIONED_TABLES,
  partitionName,
  type PartitionedTable,
} from '../lib/partitions';

/**
 * sms_message and security_event partitioned by month on created_at (libs/persistence partitions.ts),
 * so retention drops a month instead of deleting millions of rows, and the hot statements read the
 * months they name. Converts a database in place, under ACCESS EXCLUSIVE for the copy (plan the
 * downtime on a big table: about 1 s per 100,000 messages on 2 cores, docs/scaling.md):
 * the old table is renamed, the partitioned one created LIKE it (so columns added by any earlier
 * migration carry over), one partition per month from the oldest row's month to PARTITION_MONTHS_AHEAD
 * months past now (or the newest row), rows copied, then the primary key, indexes and foreign keys of
 * the old table rebuilt on the new parent from their own definitions (pg_get_indexdef), and the old
 * table dropped.
 *
 * A partitioned table's unique keys must hold the partition key, hence:
 * - the primary keys become (id, created_at), PK_<table>: ids stay unique in practice (random UUIDv4
 *   for messages, UUIDv7 for events) but PostgreSQL now enforces it per month only;
 * - UQ_sms_message_provider_id (provider, provider_message_id) becomes the plain index
 *   IDX_sms_message_provider_id: receipts find their message by it as before, uniqueness of a
 *   provider's ids is the provider's; any other unique index without created_at stops the migration.
 * Nothing references either table by foreign key (sms_code.message_id has none on purpose);
 * security_event's own key to account is rebuilt (allowed from a partitioned table).
 *
 * Message ids become UUIDv7 from here on (messageId): the functions twofold_id_created_from/until
 * read the time in an id, so the worker's lookups by id alone read the month(s) of that time.
 *
 * `down` copies the rows back into plain tables with the original keys (it fails, leaving all as it
 * was, if two rows of different months share an id).
 */
const ORIGINAL_PRIMARY_KEYS: Record<PartitionedTable, string> = {
  sms_message: 'PK_121900f2127a5152cf20898a11c',
  security_event: 'PK_fb070407ce281c218223836bad4',
};
const UNIQUE_TO_PLAIN: Record<string, string> = { UQ_sms_message_provider_id: 'IDX_sms_message_provider_id' };

interface IndexRow {
  name: string;
  def: string;
  unique: boolean;
  primary: boolean;
}

async function definitions(qr: QueryRunner, table: string): Promise<{ indexes: IndexRow[]; foreignKeys: { name: string; def: string }[] }> {
  const indexes: IndexRow[] = await qr.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisunique AS unique, i.indisprimary AS primary
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass ORDER BY c.relname`,
    [table],
  );
  const foreignKeys: { name: string; def: string }[] = await qr.query(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname`,
    [table],
  );
  return { indexes, foreignKeys };
}

const quoted = (name: string) => `"${name}"`;

export class PartitionedLedgers1796500000000 implements MigrationInterface {
  name = 'PartitionedLedgers1796500000000';

  async up(qr: QueryRunner): Promise<void> {
    const [{ now }]: { now: Date }[] = await qr.query(`SELECT now() AS now`);
    for (const sql of ID_TIME_FUNCTIONS_SQL) await qr.query(sql);
    for (const table of PARTITIONED_TABLE_NAMES) {
      const old = `${table}_unpartitioned`;
      const { indexes, foreignKeys } = await definitions(qr, table);
      const rebuilt = indexes
        .filter((i) => !i.primary)
        .map((i) => {
          if (!i.unique || /\bcreated_at\b/.test(i.def)) return i.def;
          const plain = UNIQUE_TO_PLAIN[i.name];
          if (!plain) throw new Error(`${table}: unique index ${i.name} does not hold created_at, the partition key; decide what it becomes before partitioning`);
          return i.def.replace(`CREATE UNIQUE INDEX ${quoted(i.name)}`, `CREATE INDEX ${quoted(plain)}`);
        });

      await qr.query(`ALTER TABLE "${table}" RENAME TO "${old}"`);
      await qr.query(`CREATE TABLE "${table}" (LIKE "${old}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE ("created_at")`);
      const [range]: { first: Date | null; last: Date | null }[] = await qr.query(`SELECT min(created_at) AS first, max(created_at) AS last FROM "${old}"`);
      const last = Math.max(monthStart(range.last ?? now).getTime(), monthStart(now, PARTITION_MONTHS_AHEAD).getTime());
      for (let month = monthStart(range.first ?? now); month.getTime() <= last; month = monthStart(month, 1)) {
        await qr.query(`CREATE TABLE "${partitionName(table, month)}" PARTITION OF "${table}" ${monthBounds(month)} ${PARTITIONED_TABLES[table].storage}`);
      }
      await qr.query(`INSERT INTO "${table}" SELECT * FROM "${old}"`);
      await qr.query(`DROP TABLE "${old}"`);
      // Built after the copy (one sort per index instead of a row at a time), on every partition at once.
      await qr.query(`ALTER TABLE "${table}" ADD CONSTRAINT "PK_${table}" PRIMARY KEY ("id", "created_at")`);
      for (const def of rebuilt) await qr.query(def);
      for (const fk of foreignKeys) await qr.query(`ALTER TABLE "${table}" ADD CONSTRAINT ${quoted(fk.name)} ${fk.def}`);
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of [...PARTITIONED_TABLE_NAMES].reverse()) {
      const old = `${table}_partitioned`;
      const { indexes, foreignKeys } = await definitions(qr, table);
      const plainToUnique = Object.fromEntries(Object.entries(UNIQUE_TO_PLAIN).map(([u, p]) => [p, u]));
      const rebuilt = indexes
        .filter((i) => !i.primary)
        .map((i) => {
          // A partitioned index is defined `ON ONLY` the parent.
          const def = i.def.replace(/ ON ONLY /, ' ON ');
          const unique = plainToUnique[i.name];
          return unique ? def.replace(`CREATE INDEX ${quoted(i.name)}`, `CREATE UNIQUE INDEX ${quoted(unique)}`) : def;
        });

      await qr.query(`ALTER TABLE "${table}" RENAME TO "${old}"`);
      await qr.query(`CREATE TABLE "${table}" (LIKE "${old}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ${PARTITIONED_TABLES[table].storage}`);
      await qr.query(`INSERT INTO "${table}" SELECT * FROM "${old}"`);
      await qr.query(`DROP TABLE "${old}"`); // and its partitions
      await qr.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${ORIGINAL_PRIMARY_KEYS[table]}" PRIMARY KEY ("id")`);
      for (const def of rebuilt) await qr.query(def);
      for (const fk of foreignKeys) await qr.query(`ALTER TABLE "${table}" ADD CONSTRAINT ${quoted(fk.name)} ${fk.def}`);
    }
    for (const sql of DROP_ID_TIME_FUNCTIONS_SQL) await qr.query(sql);
  }
}
