import type { SmsJobSecret } from '@twofold/sms-queue';
import { NoProviderAvailableError } from './providers/provider-chain';
import { MemoryHealthBackend, ProviderGate } from './providers/provider-gate';
import { PermanentSmsError, TransientSmsError } from './providers/sms-provider';
import type { OutboundCall, VoiceCaller } from './providers/twilio-voice';
import { placeCall } from './voice-call';

const SECRET: SmsJobSecret = { messageId: 'm1', to: '+447700900123', body: '042917', expiresAt: null, channel: 'VOICE', locale: 'en' };

/** A voice caller that answers what `next` says, and counts its calls. */
class ScriptedCaller implements VoiceCaller {
  readonly name = 'twilio-voice';
  calls: OutboundCall[] = [];
  constructor(public next: () => Promise<{ providerMessageId: string }>) {}
  call(call: OutboundCall) {
    this.calls.push(call);
    return this.next();
  }
}

describe('placeCall through the shared provider gate', () => {
  let now: number;
  const gate = () =>
    new ProviderGate(new MemoryHealthBackend(() => now), { breaker: { failures: 2, cooldownMs: 30_000, probeLeaseMs: 5_000 }, now: () => now, snapshotMs: 0, sleep: async (ms) => void (now += ms) });
  beforeEach(() => (now = 1_000_000));

  it('places the call with the digits and the locale, and answers its sid', async () => {
    const caller = new ScriptedCaller(async () => ({ providerMessageId: 'CA1' }));
    expect(await placeCall(caller, SECRET, gate(), () => now)).toEqual({ provider: 'twilio-voice', providerMessageId: 'CA1' });
    expect(caller.calls).toEqual([{ messageId: 'm1', to: '+447700900123', digits: '042917', locale: 'en' }]);
  });

  it('opens the breaker after consecutive failures: the next call waits without calling, then one probe closes it', async () => {
    const g = gate();
    const caller = new ScriptedCaller(() => Promise.reject(new TransientSmsError('twilio-voice', 'server', 'twilio-voice: server error (HTTP 503)')));
    for (let i = 0; i < 2; i++) await expect(placeCall(caller, SECRET, g, () => now)).rejects.toBeInstanceOf(TransientSmsError);
    const waiting = await placeCall(caller, SECRET, g, () => now).catch((e: unknown) => e);
    expect(waiting).toBeInstanceOf(NoProviderAvailableError);
    expect((waiting as NoProviderAvailableError).resumeAt).toBe(now + 30_000);
    expect(caller.calls).toHaveLength(2);
    now += 30_001;
    caller.next = async () => ({ providerMessageId: 'CA2' });
    expect((await placeCall(caller, SECRET, g, () => now)).providerMessageId).toBe('CA2');
    expect((await placeCall(caller, SECRET, g, () => now)).providerMessageId).toBe('CA2');
  });

  it("a 429 pauses the caller until its Retry-After: that call and the next wait, no attempt spent", async () => {
    const g = gate();
    const caller = new ScriptedCaller(() => Promise.reject(new TransientSmsError('twilio-voice', 'rate-limited', 'twilio-voice: rate limited (HTTP 429)', 5_000)));
    const first = await placeCall(caller, SECRET, g, () => now).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(NoProviderAvailableError);
    expect((first as NoProviderAvailableError).resumeAt).toBe(now + 5_000);
    await expect(placeCall(caller, SECRET, g, () => now)).rejects.toBeInstanceOf(NoProviderAvailableError);
    expect(caller.calls).toHaveLength(1);
  });

  it('a refused number ends the call and does not count against the caller', async () => {
    const g = gate();
    const caller = new ScriptedCaller(() => Promise.reject(new PermanentSmsError('twilio-voice', 'twilio-voice: call refused (HTTP 400, 21211 invalid number)', '21211')));
    for (let i = 0; i < 3; i++) await expect(placeCall(caller, SECRET, g, () => now)).rejects.toBeInstanceOf(PermanentSmsError);
    expect(caller.calls).toHaveLength(3);
  });

  it('without a voice caller: a permanent error naming what is missing', async () => {
    await expect(placeCall(undefined, SECRET, gate())).rejects.toThrow(/voice calls are not configured/);
  });
});
