import { slidingWindowRetryAfter } from '@twofold/two-factor-domain';

/**
 * The limit-th newest ledger row of a sliding window, as a scalar subquery answering its
 * `created_at`: only that row decides whether one more event is allowed, so the query reads one
 * row through the (key, created_at) index whatever the limit (a budget of 20,000 costs what a
 * limit of 5 costs). `where`, `since` and `offset` are SQL: placeholders or driver-quoted literals.
 */
export function windowGateSql(table: 'sms_message' | 'login_failure', where: string, since: string, offset: string): string {
  return `(SELECT created_at FROM ${table} WHERE ${where} AND created_at > ${since} ORDER BY created_at DESC OFFSET ${offset} LIMIT 1)`;
}

/** Seconds until the gate row leaves the window; 0 without one (one more is allowed now). */
export function gateRetryAfter(gate: Date | null | undefined, windowSeconds: number, now: Date): number {
  return gate ? slidingWindowRetryAfter([gate], 1, windowSeconds, now) : 0;
}
