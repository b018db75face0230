import type { DataSource, EntityManager } from 'typeorm';

/**
 * The one wrapper over the PostgreSQL driver for what TypeORM does not offer: named prepared
 * statements (planned once per connection: the multi-CTE hot statements cost more to plan than to
 * run) and multi-statement scripts in one round trip. Every store goes through it, so the driver's
 * internals are reached here and nowhere else.
 */

/** What a named statement needs of a connection or pool: node-postgres's `query(config)`. */
export interface PgQueryable {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

interface ScriptClient {
  query(text: string): Promise<PgResult[] | PgResult>;
  escapeLiteral(value: string): string;
  release(err?: Error | boolean): void;
}
interface PgResult {
  rows: Record<string, unknown>[];
}

let preparedStatements = true;

/**
 * Named statements on (default) or off. PgBouncer in transaction mode keeps named statements only
 * from 1.21 on (`max_prepared_statements`); behind an older one set `DATABASE_PREPARED_STATEMENTS=false`:
 * the same statements are then sent unnamed (parsed and planned on every call, about 1 ms more on
 * the heaviest). A process-wide setting, chosen once at boot from the configuration.
 */
export function usePreparedStatements(on: boolean): void {
  preparedStatements = on;
}

export function preparedStatementsEnabled(): boolean {
  return preparedStatements;
}

/** The pool behind a TypeORM DataSource (node-postgres). */
function poolOf(db: DataSource): PgQueryable & { connect(): Promise<ScriptClient> } {
  return (db.driver as unknown as { master: PgQueryable & { connect(): Promise<ScriptClient> } }).master;
}

/** The connection a TypeORM transaction runs on, or null outside one. */
function connectionOf(em: EntityManager): PgQueryable | null {
  return (em.queryRunner as unknown as { databaseConnection?: PgQueryable } | undefined)?.databaseConnection ?? null;
}

function isDataSource(target: unknown): target is DataSource {
  return typeof target === 'object' && target !== null && 'driver' in target && 'manager' in target;
}

function isEntityManager(target: unknown): target is EntityManager {
  return typeof target === 'object' && target !== null && 'connection' in target && 'getRepository' in target;
}

/** Where a statement runs: a DataSource (autocommit, its pool), a transaction's EntityManager, or a pg pool/client. */
export type SqlTarget = DataSource | EntityManager | PgQueryable;

async function run(target: SqlTarget, name: string, text: string, values: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }> {
  let queryable: PgQueryable | null;
  if (isDataSource(target)) queryable = poolOf(target);
  else if (isEntityManager(target)) {
    queryable = connectionOf(target);
    // Not in a transaction: TypeORM's own path (its pool, unnamed).
    if (!queryable) {
      const rows = (await target.query(text, values)) as unknown;
      return Array.isArray(rows) && rows.length === 2 && Array.isArray(rows[0]) && typeof rows[1] === 'number' ? { rows: rows[0], rowCount: rows[1] } : { rows: rows as unknown[], rowCount: null };
    }
  } else queryable = target;
  return queryable.query(preparedStatements && name !== '' ? { name, text, values } : { text, values });
}

/**
 * The name to run a statement under: its own, or '' (unnamed: parsed and planned with its values on
 * every call) for a statement whose plan must see its values (`customPlan`).
 */
export function statementName(statement: { readonly name: string; readonly customPlan?: boolean }): string {
  return statement.customPlan ? '' : statement.name;
}

/** A named prepared statement's rows. `name` must identify `text` (one text per name, per connection); '' runs it unnamed. */
export async function prepared<T>(target: SqlTarget, name: string, text: string, values: unknown[]): Promise<T[]> {
  return (await run(target, name, text, values)).rows as T[];
}

/** A named prepared statement's affected row count (UPDATE / DELETE / INSERT without RETURNING). */
export async function preparedCount(target: SqlTarget, name: string, text: string, values: unknown[]): Promise<number> {
  const result = await run(target, name, text, values);
  return result.rowCount ?? result.rows.length;
}

/** A value quoted by the driver for a script (standard_conforming_strings): the only way a value enters one. */
export type SqlLiteral = string & { readonly __sqlLiteral: true };

/**
 * Several statements in ONE round trip (the simple query protocol) on a connection of the
 * DataSource's pool; answers each statement's rows. `build` receives `literal` to quote values;
 * nothing else may be interpolated. On an error a transaction left open is rolled back before the
 * connection goes back to the pool.
 */
export async function runScript(db: DataSource, build: (literal: (v: string | Date | null) => SqlLiteral) => string): Promise<Record<string, unknown>[][]> {
  const client = await poolOf(db).connect();
  const literal = (v: string | Date | null) => (v === null ? 'NULL' : client.escapeLiteral(v instanceof Date ? v.toISOString() : v)) as SqlLiteral;
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
 * TypeORM's PostgreSQL driver answers `query()` of an UPDATE or DELETE with [rows, rowCount]
 * and of anything else with rows; this reads both shapes.
 */
export function affectedCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}
