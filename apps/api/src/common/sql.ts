import type { DataSource } from 'typeorm';

/**
 * TypeORM's PostgreSQL driver answers `query()` of an UPDATE or DELETE with [rows, rowCount]
 * and of anything else with rows; these read both shapes.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

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
