import type { Logger } from '../logger';
import { OutboundSms, PermanentSmsError, SmsProvider, TransientSmsError } from './sms-provider';

export interface ChainResult {
  provider: string;
  providerMessageId: string;
}

/**
 * `SMS_PROVIDER=twilio,ovh`: the first provider gets `failoverAfterAttempts` job attempts
 * (BullMQ retries with backoff in between); after that the next one takes over, and so on,
 * wrapping around. An auth error (or a missing account) switches to the next provider within
 * the same attempt, since no retry will fix it. A permanent error (invalid number...) ends
 * the message: another vendor would refuse the same number.
 */
export class ProviderChain {
  constructor(
    readonly providers: readonly SmsProvider[],
    private readonly failoverAfterAttempts: number,
    private readonly logger?: Logger,
  ) {
    if (providers.length === 0) throw new Error('ProviderChain needs at least one provider');
  }

  get names(): string[] {
    return this.providers.map((p) => p.name);
  }

  /** Which provider a given attempt (1-based, counted on the message row) starts with. */
  startIndex(attempt: number): number {
    return Math.floor((Math.max(1, attempt) - 1) / this.failoverAfterAttempts) % this.providers.length;
  }

  async send(sms: OutboundSms, attempt: number): Promise<ChainResult> {
    const n = this.providers.length;
    const start = this.startIndex(attempt);
    let last: TransientSmsError | undefined;
    for (let k = 0; k < n; k++) {
      const provider = this.providers[(start + k) % n];
      try {
        const { providerMessageId } = await provider.send(sms);
        return { provider: provider.name, providerMessageId };
      } catch (err) {
        if (err instanceof PermanentSmsError) throw err;
        const transient =
          err instanceof TransientSmsError
            ? err
            : new TransientSmsError(
                provider.name,
                'server',
                `${provider.name}: unexpected error (${(err as Error)?.name ?? 'unknown'})`,
              );
        last = transient;
        const switchNow = transient.kind === 'auth' || transient.kind === 'unavailable';
        if (!switchNow || k === n - 1) throw transient;
        this.logger?.warn('sms provider refused our credentials or account; trying the next provider', {
          messageId: sms.messageId,
          provider: provider.name,
          next: this.providers[(start + k + 1) % n].name,
          reason: transient.message,
        });
      }
    }
    throw last ?? new TransientSmsError('chain', 'server', 'no provider answered');
  }
}
