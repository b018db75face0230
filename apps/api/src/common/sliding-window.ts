import { slidingWindowRetryAfter } from '@twofold/two-factor-domain';

/** Seconds until a window gate's row (see `windowGateSql` in @twofold/persistence) leaves the window; 0 without one. */
export function gateRetryAfter(gate: Date | null | undefined, windowSeconds: number, now: Date): number {
  return gate ? slidingWindowRetryAfter([gate], 1, windowSeconds, now) : 0;
}
