/**
 * A provider's health as every worker shares it (provider-health.redis.ts keeps it in Redis):
 * the circuit breaker and the 429 pause. Pure functions of (state, now), so the state machine is
 * tested with a clock of its own and the Redis store only stores, compare-and-set.
 *
 *   closed ──N consecutive failed calls──▶ open ──cool-down over──▶ half-open
 *     ▲                                     ▲                          │ one send (the probe) leases it
 *     └──────────── the probe succeeds ─────┼──── the probe fails ─────┘
 *
 * A failed call is a 5xx, a timeout, a connection error, an auth or account error (all
 * TransientSmsError but 'rate-limited'). A provider that answered (accepted, refused the number
 * with a permanent error, or said 429) is up. A 429 with Retry-After pauses the provider until
 * then, whatever the breaker says. The probe's lease ends after `probeLeaseMs` (a worker killed
 * mid-probe), so another send may probe then.
 */
export interface HealthState {
  /** Consecutive failed calls while closed. */
  fails: number;
  /** Epoch ms until which the breaker is open; 0 = closed; past = half-open. */
  openUntil: number;
  /** Epoch ms until which the half-open probe is leased (0: none); also the probe's token. */
  probeUntil: number;
  /** Epoch ms until which a 429's Retry-After pauses the provider (0 or past: not paused). */
  pausedUntil: number;
}

export const HEALTHY: Readonly<HealthState> = Object.freeze({ fails: 0, openUntil: 0, probeUntil: 0, pausedUntil: 0 });

export interface BreakerSettings {
  /** SMS_BREAKER_FAILURES: consecutive failed calls that open the breaker; 0 = no breaker. */
  failures: number;
  /** SMS_BREAKER_COOLDOWN_SECONDS in ms. */
  cooldownMs: number;
  /** How long one probe send holds the half-open state (the request timeout and a margin). */
  probeLeaseMs: number;
}

export type BreakerPhase = 'closed' | 'open' | 'half-open';

export function phaseOf(s: HealthState, now: number): BreakerPhase {
  if (s.openUntil === 0) return 'closed';
  return now < s.openUntil ? 'open' : 'half-open';
}

export type Admission =
  /** Send. `probe`: the lease token of a half-open probe (then `next` must be stored first). */
  | { ok: true; probe: number | null; next: HealthState | null }
  /** Skip this provider until `until` (epoch ms). */
  | { ok: false; reason: 'paused' | 'open' | 'probing'; until: number };

/** May a send go through this provider now? */
export function admit(s: HealthState, now: number, cfg: BreakerSettings): Admission {
  if (s.pausedUntil > now) return { ok: false, reason: 'paused', until: s.pausedUntil };
  if (cfg.failures === 0 || s.openUntil === 0) return { ok: true, probe: null, next: null };
  if (now < s.openUntil) return { ok: false, reason: 'open', until: s.openUntil };
  if (s.probeUntil > now) return { ok: false, reason: 'probing', until: s.probeUntil };
  const probe = now + cfg.probeLeaseMs;
  return { ok: true, probe, next: { ...s, probeUntil: probe } };
}

/** What a call to the provider came to. */
export type CallResult =
  | { kind: 'ok' }
  | { kind: 'failed' }
  /** 429 (or 408): up, but throttling us; `until` from Retry-After, if it said. */
  | { kind: 'rate-limited'; until?: number };

/**
 * The state after a call; null when nothing changes (the common case: a success while closed
 * with no failure counted, so nothing is written). `probe` is the token admit() gave the call,
 * when it was the probe; a late answer of a probe whose lease another send has since taken
 * counts as an ordinary call.
 */
export function afterCall(s: HealthState, result: CallResult, probe: number | null, now: number, cfg: BreakerSettings): HealthState | null {
  let next: HealthState = s;
  if (result.kind === 'rate-limited' && result.until !== undefined && result.until > s.pausedUntil) {
    next = { ...next, pausedUntil: result.until };
  }
  const up = result.kind !== 'failed';
  const isProbe = probe !== null && s.openUntil !== 0 && s.probeUntil === probe;
  if (cfg.failures > 0) {
    if (isProbe) {
      next = up ? { ...next, fails: 0, openUntil: 0, probeUntil: 0 } : { ...next, fails: 0, openUntil: now + cfg.cooldownMs, probeUntil: 0 };
    } else if (s.openUntil === 0) {
      if (up && s.fails > 0) next = { ...next, fails: 0 };
      if (!up) {
        const fails = s.fails + 1;
        next = fails >= cfg.failures ? { ...next, fails: 0, openUntil: now + cfg.cooldownMs, probeUntil: 0 } : { ...next, fails };
      }
    }
    // Open or half-open, not the probe: a call that started before the breaker opened changes nothing.
  }
  return next === s ? null : next;
}

/** Encoded as a Redis hash (numbers as decimal strings); absent fields are 0. */
export function healthFromHash(h: Record<string, string> | null | undefined): HealthState {
  const n = (k: string) => {
    const v = Number(h?.[k] ?? 0);
    return Number.isFinite(v) ? v : 0;
  };
  return { fails: n('fails'), openUntil: n('openUntil'), probeUntil: n('probeUntil'), pausedUntil: n('pausedUntil') };
}

/** A number for the breaker-state gauge: 0 closed, 1 half-open, 2 open. */
export function phaseValue(phase: BreakerPhase): number {
  return phase === 'closed' ? 0 : phase === 'half-open' ? 1 : 2;
}
