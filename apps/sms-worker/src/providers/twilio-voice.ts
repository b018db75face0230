import type { VoiceConfig } from '@twofold/config';
import { TWILIO_VOICE_PROVIDER } from '@twofold/sms-queue';
import { codeCallTwiml } from './code-call-twiml';
import { postTwilioForm, twilioSidOrThrow } from './twilio-http';

/** One "Call me instead" call: the number, the code's digits, the account's locale. */
export interface OutboundCall {
  messageId: string;
  to: string;
  digits: string;
  locale?: string;
}

export interface VoiceCaller {
  /** Stored in sms_message.provider and sms_attempt.provider: `twilio-voice`, apart from Twilio's SMS. */
  readonly name: string;
  call(call: OutboundCall): Promise<{ providerMessageId: string }>;
}

/**
 * Twilio Programmable Voice, Calls API: POST {TWILIO_API_BASE_URL}/2010-04-01/Accounts/{SID}/Calls.json
 * with HTTP Basic auth (account SID : auth token) and the form fields To, From (a voice-capable
 * Twilio number), Twiml (the document Twilio runs when the call is answered: code-call-twiml.ts) and
 * StatusCallback (`{PUBLIC_API_URL}/webhooks/voice/twilio`: how the call ended, DELIVERED or FAILED).
 * 201 → the call's `sid` (CA…). The TwiML carries the code: it goes only to Twilio, over TLS, and
 * never into an error message, a log line or Redis in clear.
 */
export class TwilioVoiceCaller implements VoiceCaller {
  readonly name = TWILIO_VOICE_PROVIDER;

  constructor(
    private readonly config: VoiceConfig,
    private readonly timeoutMs: number,
    /** Where Twilio posts the call's final status; none: the call stays SENT. */
    private readonly statusCallbackUrl?: string,
  ) {}

  async call(call: OutboundCall): Promise<{ providerMessageId: string }> {
    const form = new URLSearchParams({ To: call.to, From: this.config.from, Twiml: codeCallTwiml(call.locale, call.digits), ...(this.statusCallbackUrl ? { StatusCallback: this.statusCallbackUrl } : {}) });
    const res = await postTwilioForm(this.name, this.config, 'Calls.json', form, this.timeoutMs);
    return { providerMessageId: twilioSidOrThrow(this.name, 'twilio-voice', 'call', res) };
  }
}
