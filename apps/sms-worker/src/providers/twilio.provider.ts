import type { TwilioConfig } from '@twofold/config';
import { OutboundSms, SmsProvider, SmsSendResult } from './sms-provider';
import { postTwilioForm, twilioSidOrThrow } from './twilio-http';

/**
 * Twilio Programmable Messaging (contract section 6):
 * POST {TWILIO_API_BASE_URL}/2010-04-01/Accounts/{SID}/Messages.json, HTTP Basic auth
 * (account SID : auth token), form fields To, From, Body, StatusCallback. 201 → `sid`.
 */
export class TwilioSmsProvider implements SmsProvider {
  readonly name = 'twilio';
  /** Delivery receipts: apps/api/src/webhooks (twilio). */
  readonly sendsReceipts = true;

  constructor(
    private readonly config: TwilioConfig,
    private readonly statusCallbackUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async send(sms: OutboundSms): Promise<SmsSendResult> {
    const { from } = this.config;
    // TWILIO_FROM may name a Messaging Service (MG…) instead of a number or sender id.
    const sender: Record<string, string> = /^MG[0-9a-f]{32}$/i.test(from)
      ? { MessagingServiceSid: from }
      : { From: from };
    const form = new URLSearchParams({
      To: sms.to,
      ...sender,
      Body: sms.body,
      StatusCallback: this.statusCallbackUrl,
    });
    const res = await postTwilioForm(this.name, this.config, 'Messages.json', form, this.timeoutMs);
    return { providerMessageId: twilioSidOrThrow(this.name, 'twilio', 'message', res) };
  }
}
