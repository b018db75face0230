import { secondsUntil } from '@twofold/two-factor-domain';

/**
 * The second-factor lockout, as pure rules: a ticket ends after `codeAttempts` failures; an
 * account whose failures in the window reach `failures` is blocked for `blockSeconds`.
 */
export interface LockoutLimits {
  codeAttempts: number;
  failures: number;
  windowSeconds: number;
  blockSeconds: number;
}

/** Tries left on a ticket once this failure is counted. */
export function triesLeftAfterFailure(failedBefore: number, limits: Pick<LockoutLimits, 'codeAttempts'>): number {
  return Math.max(0, limits.codeAttempts - (failedBefore + 1));
}

/** Whether a ticket with this many failures is spent. */
export function ticketExhausted(failed: number, limits: Pick<LockoutLimits, 'codeAttempts'>): boolean {
  return failed >= limits.codeAttempts;
}

/** The end of the account's block once it has `failuresInWindow` failures (this one counted), or null. */
export function blockUntil(failuresInWindow: number, now: Date, limits: Pick<LockoutLimits, 'failures' | 'blockSeconds'>): Date | null {
  return failuresInWindow >= limits.failures ? new Date(now.getTime() + limits.blockSeconds * 1000) : null;
}

/** Seconds the account's second factor stays blocked; 0 when it is not. */
export function blockedFor(blockedUntil: Date | null, now: Date): number {
  return blockedUntil ? secondsUntil(blockedUntil, now) : 0;
}
