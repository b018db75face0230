import type { Logger } from '../logger';
import type { Gate, ProviderGate } from './provider-gate';
import type { CallResult } from './provider-health';
import { SmsRouter } from './sms-routes';
import { OutboundSms, PermanentSmsError, SmsProvider, TransientSmsError } from './sms-provider';

export interface ChainResult {
  provider: string;
  providerMessageId: string;
}

/** A 429 without a usable Retry-After pauses its provider this long; a longer Retry-After is capped. */
export const DEFAULT_PAUSE_MS = 1000;
export const MAX_PAUSE_MS = 3600_000;

/** When a provider's 429 pause ends: its Retry-After, DEFAULT_PAUSE_MS when it gave none, MAX_PAUSE_MS at most. */
export function pauseEndOf(err: TransientSmsError, now: number): number {
  return now + Math.min(err.retryAfterMs ?? DEFAULT_PAUSE_MS, MAX_PAUSE_MS);
}

/**
 * No provider of the route can take the SMS now: each is paused (429), its breaker open or being
 * probed, or beyond its rate limit. Not a failed attempt: the job waits until `resumeAt` (epoch ms).
 */
export class NoProviderAvailableError extends Error {
  override readonly name = 'NoProviderAvailableError';
  constructor(
    readonly resumeAt: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ProviderChainOptions {
  /** SMS_ROUTES and SMS_ALLOWED_COUNTRIES; absent: every provider, in order, for every number. */
  router?: SmsRouter;
  /** Breaker, 429 pauses and rate limits shared by the workers; absent: none (every provider admitted). */
  gate?: ProviderGate;
  now?: () => number;
}

/**
 * The providers of an SMS's route (SMS_ROUTES by the number's region, else SMS_PROVIDER order):
 * the first gets `failoverAfterAttempts` job attempts (BullMQ retries with backoff in between);
 * after that the next one takes over, and so on, wrapping around. Within one attempt the next
 * provider is tried at once when one is skipped (paused by a 429, breaker open, over its rate
 * limit), answers 429, refuses our credentials or account, or fails and thereby opens its breaker.
 * A permanent error (invalid number...) ends the message: another vendor would refuse the same number.
 */
export class ProviderChain {
  readonly router: SmsRouter;
  /** Set at construction, or by main.ts once Redis is connected. */
  gate: ProviderGate | undefined;
  private readonly byName: Map<string, SmsProvider>;
  private readonly now: () => number;

  constructor(
    readonly providers: readonly SmsProvider[],
    private readonly failoverAfterAttempts: number,
    private readonly logger?: Logger,
    options: ProviderChainOptions = {},
  ) {
    if (providers.length === 0) throw new Error('ProviderChain needs at least one provider');
    this.byName = new Map(providers.map((p) => [p.name, p]));
    this.router = options.router ?? SmsRouter.uniform(providers.map((p) => p.name));
    for (const name of this.router.providers) {
      if (!this.byName.has(name)) throw new Error(`SMS_ROUTES names ${name}, which this worker has not configured`);
    }
    this.gate = options.gate;
    this.now = options.now ?? Date.now;
  }

  get names(): string[] {
    return this.providers.map((p) => p.name);
  }

  provider(name: string): SmsProvider | undefined {
    return this.byName.get(name);
  }

  /** The provider names of this number's route, in order. */
  routeNamesFor(to: string): readonly string[] {
    return this.router.routeFor(to);
  }

  /** Which provider of a route of `length` a given attempt (1-based, counted on the message row) starts with. */
  startIndex(attempt: number, length = this.providers.length): number {
    return Math.floor((Math.max(1, attempt) - 1) / this.failoverAfterAttempts) % length;
  }

  async send(sms: OutboundSms, attempt: number): Promise<ChainResult> {
    const route = this.routeNamesFor(sms.to).map((name) => this.byName.get(name) as SmsProvider);
    const n = route.length;
    const start = this.startIndex(attempt, n);
    let failed: TransientSmsError | undefined;
    let resumeAt = Infinity;
    const waiting: string[] = [];
    for (let k = 0; k < n; k++) {
      const provider = route[(start + k) % n];
      const gate: Gate = this.gate ? await this.gate.acquire(provider.name) : { ok: true, provider: provider.name, probe: null };
      if (!gate.ok) {
        resumeAt = Math.min(resumeAt, gate.until);
        waiting.push(`${provider.name} ${gate.reason === 'rate-limit' ? 'at its rate limit' : gate.reason === 'paused' ? 'paused by a 429' : gate.reason === 'open' ? 'breaker open' : 'breaker probing'} until ${new Date(gate.until).toISOString()}`);
        continue;
      }
      try {
        const { providerMessageId } = await provider.send(sms);
        await this.gate?.report(gate, { kind: 'ok' });
        return { provider: provider.name, providerMessageId };
      } catch (err) {
        if (err instanceof PermanentSmsError) {
          await this.gate?.report(gate, { kind: 'ok' });
          throw err;
        }
        const transient =
          err instanceof TransientSmsError
            ? err
            : new TransientSmsError(provider.name, 'server', `${provider.name}: unexpected error (${(err as Error)?.name ?? 'unknown'})`);
        if (transient.kind === 'rate-limited') {
          const until = pauseEndOf(transient, this.now());
          await this.gate?.report(gate, { kind: 'rate-limited', until } satisfies CallResult);
          resumeAt = Math.min(resumeAt, until);
          waiting.push(`${provider.name} answered 429, paused until ${new Date(until).toISOString()}`);
          this.switching(sms, provider.name, route, start, k, transient.message);
          continue;
        }
        await this.gate?.report(gate, { kind: 'failed' });
        const opened = this.gate?.skipsNow(provider.name) ?? false;
        const switchNow = transient.kind === 'auth' || transient.kind === 'unavailable' || opened;
        if (!switchNow) throw transient;
        failed = transient;
        this.switching(sms, provider.name, route, start, k, opened ? `${transient.message}; breaker open` : transient.message);
      }
    }
    // Every provider failed outright (auth, account, breaker just opened): BullMQ retries with backoff.
    if (failed) throw failed;
    // None could take it now (skipped or throttling): the job waits, without spending an attempt.
    throw new NoProviderAvailableError(resumeAt === Infinity ? this.now() + DEFAULT_PAUSE_MS : resumeAt, `no provider of the route can send now: ${waiting.join('; ')}`);
  }

  private switching(sms: OutboundSms, provider: string, route: SmsProvider[], start: number, k: number, reason: string): void {
    if (k === route.length - 1) return;
    this.logger?.warn('sms provider cannot take it now; trying the next provider of the route', {
      messageId: sms.messageId,
      provider,
      next: route[(start + k + 1) % route.length].name,
      reason,
    });
  }
}
