import { loadConfig } from '@twofold/config';
import { memoryLogger } from '../logger';
import { ProviderChain } from './provider-chain';
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
});
