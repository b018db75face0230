import type { SqlLiteral } from './sql';

/** A placeholder of the statement the gate is part of: `$4`. */
export type Placeholder = `$${number}`;

/** The ledgers a sliding window reads, and the columns it may key on. */
export type LedgerTable = 'sms_message' | 'login_failure';
export type LedgerColumn = 'phone_number' | 'account_id' | 'client_ip' | 'destination_prefix' | 'email_normalized';

export interface WindowGate {
  table: LedgerTable;
  /** Equality filters, ANDed: each column equals a placeholder or a driver-quoted literal. */
  where: { column: LedgerColumn; value: Placeholder | SqlLiteral }[];
  /** sms_message only: code SMS (the partial indexes' `purpose <> 'NOTICE'`), notices, or every SMS. */
  purpose?: 'codes' | 'notices' | 'all';
  /** The window's start (exclusive). */
  since: Placeholder | SqlLiteral;
  /**
   * An end (exclusive) past every row the window can hold, such as a day after now: it changes no
   * answer, but lets PostgreSQL leave out the months ahead of a partitioned ledger when it plans
   * (custom plans) or starts (generic ones): each month read is one more index scan to plan and run.
   */
  until?: Placeholder | SqlLiteral;
  /** How many newer rows may exist: the limit minus one (minus two for "after this one"). */
  offset: Placeholder | number;
}

const PURPOSE_SQL = { codes: ` AND purpose <> 'NOTICE'`, notices: ` AND purpose = 'NOTICE'`, all: '' } as const;

/**
 * The limit-th newest ledger row of a sliding window, as a scalar subquery answering its
 * `created_at`: only that row decides whether one more event is allowed, so the query reads one
 * row through the (key, created_at) index whatever the limit (a budget of 20,000 costs what a
 * limit of 5 costs). Built from typed parts only: column names from a closed list, values as
 * placeholders or driver-quoted literals.
 */
export function windowGateSql(gate: WindowGate): string {
  if (gate.purpose && gate.table !== 'sms_message') throw new Error('window gate: purpose is an sms_message filter');
  if (typeof gate.offset === 'number' && (!Number.isInteger(gate.offset) || gate.offset < 0)) throw new Error('window gate: offset must be a whole number');
  const filters = gate.where.map((f) => ` AND ${f.column} = ${f.value}`).join('');
  return `(SELECT created_at FROM ${gate.table} WHERE TRUE${filters}${PURPOSE_SQL[gate.purpose ?? 'all']} AND created_at > ${gate.since}::timestamptz${gate.until ? ` AND created_at < ${gate.until}::timestamptz` : ''} ORDER BY created_at DESC OFFSET ${gate.offset} LIMIT 1)`;
}
