import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's PostgreSQL driver answers `query()` of an UPDATE or DELETE with [rows, rowCount]
 * and of anything else with rows; this reads both shapes.
 */
export function affectedCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}

interface PreparedPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * A hot statement as a named prepared statement on the DataSource's own pool (autocommit):
 * PostgreSQL parses and plans it once per connection instead of on every call, which for the
 * multi-CTE statements costs more than running them. Same pool, same connections as TypeORM.
 */
export async function preparedQuery<T>(db: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (db.driver as unknown as { master: PreparedPool }).master;
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}

interface ScriptClient {
  query(text: string): Promise<{ rows: Record<string, unknown>[] }[] | { rows: Record<string, unknown>[] }>;
  escapeLiteral(value: string): string;
  release(err?: Error | boolean): void;
}

/**
 * Runs several statements in ONE round trip (the simple query protocol), on a connection of the
 * DataSource's pool, and answers each statement's rows. `build` receives `literal` to quote
 * values (the driver's escaping: standard_conforming_strings); nothing else may be interpolated.
 * On an error a transaction left open is rolled back before the connection goes back.
 */
export async function runScript(db: DataSource, build: (literal: (v: string | Date | null) => string) => string): Promise<Record<string, unknown>[][]> {
  const pool = (db.driver as unknown as { master: { connect(): Promise<ScriptClient> } }).master;
  const client = await pool.connect();
  const literal = (v: string | Date | null) => (v === null ? 'NULL' : client.escapeLiteral(v instanceof Date ? v.toISOString() : v));
  try {
    const result = await client.query(build(literal));
    client.release();
    return (Array.isArray(result) ? result : [result]).map((r) => r.rows ?? []);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    throw err;
  }
}

/**
 * `preparedQuery` inside a TypeORM transaction: the named statement runs on the transaction's own
 * connection. Statements over sms_message (eleven indexes, several partial) cost PostgreSQL more
 * to plan than to run, so the limit checks of every send are planned once per connection.
 */
export async function preparedQueryIn<T>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (em.queryRunner as unknown as { databaseConnection?: PreparedPool } | undefined)?.databaseConnection;
  if (!client) return (await em.query(text, values)) as T[];
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}
