import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { OutboundSms, SmsProvider, SmsSendResult } from './sms-provider';

/**
 * Development only: prints the SMS instead of sending it. It is the one place where a body
 * (and so a code) appears in a log line, on purpose, and the line says so: under `smsText`,
 * since the shared logger censors any `body` field.
 */
export class ConsoleSmsProvider implements SmsProvider {
  readonly name = 'console';

  constructor(private readonly logger: Logger) {}

  async send(sms: OutboundSms): Promise<SmsSendResult> {
    const providerMessageId = `console-${randomUUID()}`;
    this.logger.warn(
      'console SMS provider (development only): printing the SMS body, codes included, instead of sending it',
      {
        messageId: sms.messageId,
        providerMessageId,
        to: sms.to,
        smsText: sms.body,
      },
    );
    return { providerMessageId };
  }
}
