import { loadConfig } from '@twofold/config';
import { memoryLogger } from '../logger';
import { NoProviderAvailableError, ProviderChain } from './provider-chain';
import { type HealthEvent, MemoryHealthBackend, ProviderGate } from './provider-gate';
import { SmsRouter } from './sms-routes';
import { createProviderChain } from './provider-factory';
import { OutboundSms, PermanentSmsError, SmsProvider, TransientSmsError } from './sms-provider';

class Scripted implements SmsProvider {
  calls = 0;
  constructor(
    readonly name: string,
    private readonly outcome: () => Promise<string>,
  ) {}
  async send(_sms: OutboundSms) {
    this.calls++;
    return { providerMessageId: await this.outcome() };
  }
}
const sms = { messageId: 'm', to: '+447700900123', body: 'b' };
const down = (name: string) =>
  new Scripted(name, () => Promise.reject(new TransientSmsError(name, 'server', `${name}: server error (HTTP 500)`)));
const up = (name: string) => new Scripted(name, () => Promise.resolve(`${name}-id`));

describe('ProviderChain', () => {
  it('keeps the first provider for N attempts, then fails over, wrapping around', () => {
    const chain = new ProviderChain([up('a'), up('b')], 2);
    expect([1, 2, 3, 4, 5, 6].map((a) => chain.startIndex(a))).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('throws a transient error of the current provider so BullMQ retries', async () => {
    const a = down('a');
    const b = up('b');
    const chain = new ProviderChain([a, b], 2);
    await expect(chain.send(sms, 1)).rejects.toBeInstanceOf(TransientSmsError);
    expect(b.calls).toBe(0);
    await expect(chain.send(sms, 3)).resolves.toEqual({ provider: 'b', providerMessageId: 'b-id' });
  });

  it('switches at once on an auth error', async () => {
    const a = new Scripted('a', () => Promise.reject(new TransientSmsError('a', 'auth', 'a: authentication refused')));
    const logger = memoryLogger();
    const chain = new ProviderChain([a, up('b')], 2, logger);
    await expect(chain.send(sms, 1)).resolves.toEqual({ provider: 'b', providerMessageId: 'b-id' });
    expect(logger.lines.join()).not.toContain('447700900123');
  });

  it('does not fail over on a permanent error', async () => {
    const b = up('b');
    const chain = new ProviderChain(
      [new Scripted('a', () => Promise.reject(new PermanentSmsError('a', 'invalid number'))), b],
      1,
    );
    await expect(chain.send(sms, 1)).rejects.toBeInstanceOf(PermanentSmsError);
    expect(b.calls).toBe(0);
  });

  it('is built from SMS_PROVIDER in order', () => {
    const config = loadConfig({
      SMS_PROVIDER: 'twilio,ovh,webhook,console',
      TWILIO_ACCOUNT_SID: 'AC1',
      TWILIO_AUTH_TOKEN: 't',
      TWILIO_FROM: '+1',
      OVH_APP_KEY: 'k',
      OVH_APP_SECRET: 's',
      OVH_CONSUMER_KEY: 'c',
      OVH_SMS_SERVICE: 'sms-1',
      OVH_SMS_SENDER: 'T',
      SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms',
    });
    expect(createProviderChain(config, memoryLogger(), 2).names).toEqual(['twilio', 'ovh', 'webhook', 'console']);
  });

  describe('routes and provider health', () => {
    const FR = { messageId: 'fr', to: '+33612345678', body: 'b' };
    const GB = { messageId: 'gb', to: '+447700900123', body: 'b' };
    let now = 1_000_000;
    let events: HealthEvent[];
    const gate = (rateLimits: Record<string, number> = {}) =>
      new ProviderGate(new MemoryHealthBackend(() => now), {
        breaker: { failures: 3, cooldownMs: 30_000, probeLeaseMs: 5_000 },
        rateLimits,
        now: () => now,
        snapshotMs: 0,
        sleep: async (ms) => void (now += ms),
        onEvent: (e) => events.push(e),
      });
    const limited = (name: string, retryAfterMs?: number) =>
      new Scripted(name, () => Promise.reject(new TransientSmsError(name, 'rate-limited', `${name}: rate limited (HTTP 429)`, retryAfterMs)));
    beforeEach(() => {
      now = 1_000_000;
      events = [];
    });

    it('sends by the route of the number, FR through OVH first', async () => {
      const twilio = up('twilio');
      const ovh = up('ovh');
      const chain = new ProviderChain([twilio, ovh], 2, undefined, { router: new SmsRouter({ FR: ['ovh', 'twilio'], '*': ['twilio', 'ovh'] }) });
      await expect(chain.send(FR, 1)).resolves.toEqual({ provider: 'ovh', providerMessageId: 'ovh-id' });
      await expect(chain.send(GB, 1)).resolves.toEqual({ provider: 'twilio', providerMessageId: 'twilio-id' });
      // API-error failover follows the route too: attempts 3 and 4 go to its second provider.
      await expect(chain.send(FR, 3)).resolves.toMatchObject({ provider: 'twilio' });
      expect(() => new ProviderChain([twilio], 2, undefined, { router: new SmsRouter({ '*': ['twilio', 'ovh'] }) })).toThrow(/ovh/);
    });

    it('opens the breaker after N consecutive failures and moves the traffic to the next provider of the route', async () => {
      const a = down('a');
      const b = up('b');
      const chain = new ProviderChain([a, b], 2, memoryLogger(), { gate: gate() });
      await expect(chain.send(sms, 1)).rejects.toBeInstanceOf(TransientSmsError);
      await expect(chain.send(sms, 1)).rejects.toBeInstanceOf(TransientSmsError);
      // The third failure opens it: the same attempt goes on through b.
      await expect(chain.send(sms, 1)).resolves.toEqual({ provider: 'b', providerMessageId: 'b-id' });
      expect(events).toContainEqual({ kind: 'breaker', provider: 'a', to: 'open' });
      for (let i = 0; i < 5; i++) await expect(chain.send(sms, 1)).resolves.toMatchObject({ provider: 'b' });
      expect(a.calls).toBe(3);
      expect(events.filter((e) => e.kind === 'skipped' && e.provider === 'a' && e.reason === 'open')).toHaveLength(5);
      // After the cool-down one send probes a; it still fails: open again, and that send goes through b.
      now += 30_000;
      await expect(chain.send(sms, 1)).resolves.toMatchObject({ provider: 'b' });
      expect(a.calls).toBe(4);
      expect(events.slice(-2)).toEqual([
        { kind: 'breaker', provider: 'a', to: 'half-open' },
        { kind: 'breaker', provider: 'a', to: 'open' },
      ]);
    });

    it('closes the breaker when the probe goes through', async () => {
      let failing = true;
      const a = new Scripted('a', () => (failing ? Promise.reject(new TransientSmsError('a', 'timeout', 'a: no answer within 10000 ms')) : Promise.resolve('a-id')));
      const chain = new ProviderChain([a, up('b')], 1, undefined, { gate: gate() });
      for (let i = 0; i < 3; i++) await chain.send(sms, 1).catch(() => undefined);
      failing = false;
      now += 30_000;
      await expect(chain.send(sms, 1)).resolves.toEqual({ provider: 'a', providerMessageId: 'a-id' });
      expect(events.filter((e) => e.kind === 'breaker').map((e) => (e as { to: string }).to)).toEqual(['open', 'half-open', 'closed']);
      await expect(chain.send(sms, 1)).resolves.toMatchObject({ provider: 'a' });
    });

    it('pauses a provider that answers 429 until its Retry-After, the send going on through the next one', async () => {
      const a = limited('a', 4000);
      const b = up('b');
      const chain = new ProviderChain([a, b], 2, undefined, { gate: gate(), now: () => now });
      await expect(chain.send(sms, 1)).resolves.toMatchObject({ provider: 'b' });
      expect(events).toContainEqual({ kind: 'paused', provider: 'a', until: now + 4000 });
      await expect(chain.send(sms, 1)).resolves.toMatchObject({ provider: 'b' });
      expect(a.calls).toBe(1);
      now += 4000;
      await chain.send(sms, 1);
      expect(a.calls).toBe(2);
    });

    it('says when to come back when no provider of the route can take it now', async () => {
      const chain = new ProviderChain([limited('a', 4000), limited('b', 9000)], 2, undefined, { gate: gate(), now: () => now });
      const err = await chain.send(sms, 1).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NoProviderAvailableError);
      expect((err as NoProviderAvailableError).resumeAt).toBe(now + 4000);
      expect((err as Error).message).toMatch(/^no provider of the route can send now: a answered 429, paused until .*; b answered 429/);
      expect((err as Error).message).not.toContain('447700900123');
      // Until then both are skipped without a call.
      const again = await chain.send(sms, 1).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(NoProviderAvailableError);
      expect((again as Error).message).toContain('a paused by a 429 until');
      // Without a gate a 429 still moves on, and the job is told when to retry (Retry-After, or 1 s).
      const bare = await new ProviderChain([limited('a')], 2).send(sms, 1).catch((e: unknown) => e);
      expect(bare).toBeInstanceOf(NoProviderAvailableError);
    });

    it('waits briefly for a rate-limited provider, then uses the next one', async () => {
      const a = up('a');
      const b = up('b');
      // 10 per second: a slot every 100 ms; at most 250 ms of waiting: three sends queue on a, the fourth goes to b.
      const chain = new ProviderChain([a, b], 2, undefined, { gate: gate({ a: 10 }) });
      const start = now;
      const results = [];
      for (let i = 0; i < 4; i++) {
        now = start;
        results.push((await chain.send(sms, 1)).provider);
      }
      expect(results).toEqual(['a', 'a', 'a', 'b']);
      expect(events).toContainEqual({ kind: 'skipped', provider: 'a', reason: 'rate-limit' });
    });
  });
});
