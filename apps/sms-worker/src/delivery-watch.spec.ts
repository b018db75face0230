import { SMS_WATCH_JOB } from '@twofold/sms-queue';
import { DeliveryWatchScheduler } from './delivery-watch';
import { nextProvider, providerLeftAfter } from './delivery-watch.store';
import { SmsRouter } from './providers/sms-routes';
import { ProviderChain } from './providers/provider-chain';
import type { SmsProvider } from './providers/sms-provider';

const provider = (name: string, sendsReceipts: boolean): SmsProvider => ({
  name,
  sendsReceipts,
  send: async () => ({ providerMessageId: `${name}-id` }),
});

describe('DeliveryWatchScheduler', () => {
  const at = new Date('2030-01-01T00:00:00Z');

  it('watches nothing with one provider, or when no provider of the route sends receipts', () => {
    const added: unknown[] = [];
    const queue = { add: async (...args: unknown[]) => void added.push(args) };
    expect(new DeliveryWatchScheduler(queue as never, new ProviderChain([provider('twilio', true)], 2), 20_000).active).toBe(false);
    const silent = new DeliveryWatchScheduler(queue as never, new ProviderChain([provider('console', false), provider('other', false)], 2), 20_000);
    expect(silent.active).toBe(false);
    expect(silent.deadlineFor('console', at)).toBeNull();
  });

  it('gives a receipt deadline only to sends through a provider that reports delivery', () => {
    const queue = { add: async () => undefined };
    const s = new DeliveryWatchScheduler(queue as never, new ProviderChain([provider('console', false), provider('webhook', true)], 2), 2_000);
    expect(s.active).toBe(true);
    expect(s.deadlineFor('webhook', at)).toEqual(new Date('2030-01-01T00:00:02Z'));
    expect(s.deadlineFor('console', at)).toBeNull();
    expect(s.deadlineFor('vonage', at)).toBeNull(); // not on this worker's route
  });

  it('adds one watch job per message (job id = message id), delayed by the timeout, carrying only the sealed payload', async () => {
    const added: [string, unknown, Record<string, unknown>][] = [];
    const queue = { add: async (name: string, data: unknown, opts: Record<string, unknown>) => void added.push([name, data, opts]) };
    const s = new DeliveryWatchScheduler(queue as never, new ProviderChain([provider('webhook', true), provider('ovh', true)], 2), 2_000);
    await s.schedule('0193a3b4-0000-7000-8000-000000000001', 'v1.sealed.payload');
    expect(added).toHaveLength(1);
    const [name, data, opts] = added[0];
    expect(name).toBe(SMS_WATCH_JOB);
    expect(data).toEqual({ v: 1, messageId: '0193a3b4-0000-7000-8000-000000000001', sealed: 'v1.sealed.payload' });
    expect(opts).toMatchObject({ jobId: '0193a3b4-0000-7000-8000-000000000001', delay: 2_000, removeOnComplete: true });
  });

  it('providerLeftAfter: a later fallback is possible only while an untried provider remains', () => {
    const route = ['webhook', 'ovh', 'twilio'];
    expect(providerLeftAfter(route, [{ provider: 'webhook' }], 'ovh')).toBe(true);
    expect(providerLeftAfter(route, [{ provider: 'webhook' }, { provider: 'ovh' }], 'twilio')).toBe(false);
    expect(providerLeftAfter(['webhook', 'ovh'], [{ provider: 'webhook' }], 'ovh')).toBe(false);
  });

  it('watches a number only when its route (SMS_ROUTES) has a fallback', () => {
    const queue = { add: async () => undefined };
    const chain = new ProviderChain([provider('twilio', true), provider('ovh', true)], 2, undefined, {
      router: new SmsRouter({ FR: ['ovh', 'twilio'], GB: ['twilio'], '*': ['twilio', 'ovh'] }),
    });
    const s = new DeliveryWatchScheduler(queue as never, chain, 2_000);
    expect(s.active).toBe(true);
    expect(s.watches('+33612345678')).toBe(true);
    expect(s.watches('+447700900123')).toBe(false);
    expect(s.watches('+12015550123')).toBe(true);
  });

  it('nextProvider: the next of the route after the last turn, once each, passing over skipped ones while another is left', () => {
    const route = ['ovh', 'twilio', 'webhook'];
    expect(nextProvider(route, [{ provider: 'ovh' }])).toBe('twilio');
    expect(nextProvider(route, [{ provider: 'twilio' }])).toBe('webhook');
    expect(nextProvider(route, [{ provider: 'webhook' }])).toBe('ovh');
    expect(nextProvider(route, [{ provider: 'ovh' }], new Set(['twilio']))).toBe('webhook');
    // The skipped one keeps its turn when it is the last left.
    expect(nextProvider(route, [{ provider: 'ovh' }, { provider: 'webhook' }], new Set(['twilio']))).toBe('twilio');
    expect(nextProvider(route, [{ provider: 'ovh' }, { provider: 'twilio' }, { provider: 'webhook' }])).toBeNull();
    // A first send through a provider the route no longer names: the route from its start.
    expect(nextProvider(route, [{ provider: 'vonage' }])).toBe('ovh');
    expect(nextProvider([], [{ provider: 'ovh' }])).toBeNull();
  });
});
