import { SMS_WATCH_JOB } from '@twofold/sms-queue';
import { DeliveryWatchScheduler } from './delivery-watch';
import { providerLeftAfter } from './delivery-watch.store';
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
});
