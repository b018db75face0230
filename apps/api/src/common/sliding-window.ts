import type { EntityManager } from 'typeorm';
import { addSeconds, slidingWindowRetryAfter } from '@twofold/two-factor-domain';

/**
 * Seconds until fewer than `limit` ledger rows matching `where` fall in the last `windowSeconds`
 * (0 when one more is allowed now). Only the limit-th newest row decides, so the query reads one
 * row through the (key, created_at) index whatever the limit: a budget of 20,000 costs what a
 * limit of 5 costs. `where` is trusted SQL with $1..$n bound to `params`.
 */
export async function windowRetryAfter(
  em: EntityManager,
  table: 'sms_message' | 'login_failure',
  where: string,
  params: unknown[],
  limit: number,
  windowSeconds: number,
  now: Date,
): Promise<number> {
  const n = params.length;
  const rows: { created_at: Date }[] = await em.query(
    `SELECT created_at FROM ${table} WHERE ${where} AND created_at > $${n + 1} ORDER BY created_at DESC OFFSET $${n + 2} LIMIT 1`,
    [...params, addSeconds(now, -windowSeconds), limit - 1],
  );
  // The limit-th newest event in the window gates the next one: a window of one.
  return slidingWindowRetryAfter(
    rows.map((r) => r.created_at),
    1,
    windowSeconds,
    now,
  );
}
