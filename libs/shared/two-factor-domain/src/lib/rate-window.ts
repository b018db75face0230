/**
 * Sliding-window arithmetic shared by every limit (SMS sends, password failures,
 * second-factor failures). The database is the ledger; these functions only decide.
 */

/**
 * Given the timestamps of the events counted in the last window (newest first),
 * returns how many seconds remain until fewer than `limit` of them are in the window,
 * or 0 when one more is allowed now.
 */
export function slidingWindowRetryAfter(newestFirst: readonly Date[], limit: number, windowSeconds: number, now: Date): number {
  const windowStart = now.getTime() - windowSeconds * 1000;
  const inWindow = newestFirst.filter((t) => t.getTime() > windowStart);
  if (inWindow.length < limit) return 0;
  // The limit-th newest event must leave the window before another is allowed.
  const gate = inWindow[limit - 1].getTime() + windowSeconds * 1000;
  return secondsUntil(new Date(gate), now);
}

/** Whole seconds from now until `when`, rounded up, never negative. */
export function secondsUntil(when: Date, now: Date): number {
  return Math.max(0, Math.ceil((when.getTime() - now.getTime()) / 1000));
}

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}
