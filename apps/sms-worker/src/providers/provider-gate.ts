import {
  admit,
  afterCall,
  type BreakerPhase,
  type BreakerSettings,
  type CallResult,
  HEALTHY,
  type HealthState,
  phaseOf,
} from './provider-health';

/** A provider's shared health with its version (compare-and-set). */
export interface Versioned {
  v: number;
  state: HealthState;
}

/** Where the health lives: Redis for every worker (provider-health.redis.ts), or memory (one process). */
export interface HealthBackend {
  read(provider: string): Promise<Versioned>;
  /** Stores `next` if the version is still `expectedV`; the current value either way. */
  write(provider: string, expectedV: number, next: HealthState): Promise<{ ok: boolean; current: Versioned }>;
  /**
   * Reserves the provider's next send slot, `1000 / perSecond` ms after the previous one across
   * every worker; refused (nothing reserved) when that slot is more than `maxWaitMs` away.
   */
  reserve(provider: string, perSecond: number, maxWaitMs: number): Promise<{ ok: boolean; waitMs: number }>;
}

export type SkipReason = 'paused' | 'open' | 'probing' | 'rate-limit';

/** The answer to "may this send go through this provider now?". */
export type Gate =
  | { ok: true; provider: string; probe: number | null }
  | { ok: false; provider: string; reason: SkipReason; until: number };

export type HealthEvent =
  | { kind: 'skipped'; provider: string; reason: SkipReason }
  /** A transition this worker wrote ('half-open' when it took the probe). */
  | { kind: 'breaker'; provider: string; to: BreakerPhase }
  | { kind: 'paused'; provider: string; until: number };

export interface ProviderGateOptions {
  breaker: BreakerSettings;
  /** SMS_PROVIDER_RATE_LIMITS: messages per second by provider. */
  rateLimits?: Partial<Record<string, number>>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** How old a cached view of a provider's health may be before it is read again (default 200 ms). */
  snapshotMs?: number;
  /** The longest wait for a rate-limited provider's next slot before the next provider is tried (default 250 ms). */
  maxRateWaitMs?: number;
  onEvent?: (e: HealthEvent) => void;
  /** Called when the backend fails: the gate then lets the send through (health is advisory). */
  onError?: (err: Error) => void;
}

interface Cached extends Versioned {
  at: number;
}

/** Compare-and-set rounds before a change is given up (each lost round means another worker's change went in). */
const MAX_ROUNDS = 100;

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The breaker, the 429 pause and the rate limit in front of every provider call, shared by every
 * worker through the backend. Reads are cached for `snapshotMs` (so a healthy provider costs no
 * round trip per send); every change is a compare-and-set on the provider's version, re-decided on
 * a fresh read when another worker changed it first: one probe per half-open period, no lost
 * failure count, no pause shortened. A view may lag another worker's change by `snapshotMs`.
 */
export class ProviderGate {
  private readonly cache = new Map<string, Cached>();
  private readonly loading = new Map<string, Promise<Cached>>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly snapshotMs: number;
  readonly maxRateWaitMs: number;

  constructor(
    private readonly backend: HealthBackend,
    private readonly opts: ProviderGateOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
    this.snapshotMs = opts.snapshotMs ?? 200;
    this.maxRateWaitMs = opts.maxRateWaitMs ?? 250;
  }

  get breaker(): BreakerSettings {
    return this.opts.breaker;
  }

  rateLimitOf(provider: string): number | undefined {
    return this.opts.rateLimits?.[provider];
  }

  private emit(e: HealthEvent): void {
    this.opts.onEvent?.(e);
  }

  private async read(provider: string): Promise<Cached> {
    const c = this.cache.get(provider);
    if (c && this.now() - c.at < this.snapshotMs) return c;
    let p = this.loading.get(provider);
    if (!p) {
      p = this.backend.read(provider).then((v) => this.remember(provider, v));
      this.loading.set(provider, p);
      void p.finally(() => this.loading.delete(provider)).catch(() => undefined);
    }
    return p;
  }

  private remember(provider: string, v: Versioned): Cached {
    const c = { ...v, at: this.now() };
    const old = this.cache.get(provider);
    if (!old || old.v <= v.v) this.cache.set(provider, c);
    return c;
  }

  /** The last known health of a provider (HEALTHY when never read): for ordering and metrics, no I/O. */
  known(provider: string): HealthState {
    return this.cache.get(provider)?.state ?? HEALTHY;
  }

  /** The provider's health, read again when the cached view is older than `snapshotMs`. */
  async view(provider: string): Promise<HealthState> {
    return (await this.read(provider)).state;
  }

  /** True when a send through it would be refused now by the breaker or a pause (cached view; rate limit not asked). */
  skipsNow(provider: string): boolean {
    return !admit(this.known(provider), this.now(), this.opts.breaker).ok;
  }

  /**
   * Breaker and pause first (no write unless this send becomes the half-open probe), then the
   * rate limit: a slot at most `maxRateWaitMs` away is waited for here, a later one is refused.
   */
  async acquire(provider: string): Promise<Gate> {
    try {
      return await this.acquireOnce(provider);
    } catch (err) {
      this.opts.onError?.(err as Error);
      return { ok: true, provider, probe: null };
    }
  }

  private refuse(provider: string, reason: SkipReason, until: number): Gate {
    this.emit({ kind: 'skipped', provider, reason });
    // A probe usually answers well before its lease ends: look again within a second.
    return { ok: false, provider, reason, until: reason === 'probing' ? Math.min(until, this.now() + 1000) : until };
  }

  private async acquireOnce(provider: string): Promise<Gate> {
    const first = admit((await this.read(provider)).state, this.now(), this.opts.breaker);
    if (!first.ok) return this.refuse(provider, first.reason, first.until);
    const perSecond = this.rateLimitOf(provider);
    if (perSecond) {
      const slot = await this.backend.reserve(provider, perSecond, this.maxRateWaitMs);
      if (!slot.ok) return this.refuse(provider, 'rate-limit', this.now() + slot.waitMs);
      if (slot.waitMs > 0) await this.sleep(slot.waitMs);
    }
    if (first.probe === null) return { ok: true, provider, probe: null };
    // Half-open: this send becomes the probe only if its lease is the one stored.
    let c = await this.read(provider);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const a = admit(c.state, this.now(), this.opts.breaker);
      if (!a.ok) return this.refuse(provider, a.reason, a.until);
      if (!a.next) return { ok: true, provider, probe: null };
      const w = await this.backend.write(provider, c.v, a.next);
      c = this.remember(provider, w.current);
      if (w.ok) {
        this.emit({ kind: 'breaker', provider, to: 'half-open' });
        return { ok: true, provider, probe: a.probe };
      }
    }
    return this.refuse(provider, 'probing', this.now() + 500);
  }

  /** Records what the call through an admitted gate came to. */
  async report(gate: Gate, result: CallResult): Promise<void> {
    if (!gate.ok) return;
    const { provider, probe } = gate;
    try {
      // A lost compare-and-set hands back the current value: decided again on it, one round trip each.
      let c = await this.read(provider);
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const now = this.now();
        const next = afterCall(c.state, result, probe, now, this.opts.breaker);
        if (!next) return;
        const w = await this.backend.write(provider, c.v, next);
        const current = this.remember(provider, w.current);
        if (!w.ok) {
          c = current;
          continue;
        }
        const before = phaseOf(c.state, now);
        const after = phaseOf(next, now);
        if (after !== before) this.emit({ kind: 'breaker', provider, to: after });
        if (next.pausedUntil > c.state.pausedUntil) this.emit({ kind: 'paused', provider, until: next.pausedUntil });
        return;
      }
      this.opts.onError?.(new Error(`${provider}: health not recorded after ${MAX_ROUNDS} conflicting writes`));
    } catch (err) {
      this.opts.onError?.(err as Error);
    }
  }
}

/** One process's health in memory (the unit specs' backend): the same gate logic without Redis. */
export class MemoryHealthBackend implements HealthBackend {
  private readonly states = new Map<string, Versioned>();
  private readonly nextSlot = new Map<string, number>();
  constructor(private readonly now: () => number = Date.now) {}

  async read(provider: string): Promise<Versioned> {
    return this.states.get(provider) ?? { v: 0, state: { ...HEALTHY } };
  }

  async write(provider: string, expectedV: number, next: HealthState): Promise<{ ok: boolean; current: Versioned }> {
    const current = await this.read(provider);
    if (current.v !== expectedV) return { ok: false, current };
    const stored = { v: current.v + 1, state: { ...next } };
    this.states.set(provider, stored);
    return { ok: true, current: stored };
  }

  async reserve(provider: string, perSecond: number, maxWaitMs: number): Promise<{ ok: boolean; waitMs: number }> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot.get(provider) ?? 0);
    const waitMs = slot - now;
    if (waitMs > maxWaitMs) return { ok: false, waitMs };
    this.nextSlot.set(provider, slot + 1000 / perSecond);
    return { ok: true, waitMs };
  }
}
