import type { VoiceConfig } from '@twofold/config';
import { TWILIO_VOICE_PROVIDER, twilioErrorMeaning } from '@twofold/sms-queue';
import { codeCallTwiml } from './code-call-twiml';
import { field, httpRequest, retryAfterMs } from './http';
import { PermanentSmsError, TransientSmsError } from './sms-provider';

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
    const { accountSid, authToken, from, apiBaseUrl } = this.config;
    const url = `${apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Calls.json`;
    const form = new URLSearchParams({ To: call.to, From: from, Twiml: codeCallTwiml(call.locale, call.digits), ...(this.statusCallbackUrl ? { StatusCallback: this.statusCallbackUrl } : {}) });
    const res = await httpRequest(
      this.name,
      url,
      {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: form.toString(),
      },
      this.timeoutMs,
    );
    if (res.status === 200 || res.status === 201) {
      const sid = field(res.json, 'sid');
      if (typeof sid !== 'string' || !sid) throw new TransientSmsError(this.name, 'server', `twilio-voice: HTTP ${res.status} without a call sid`);
      return { providerMessageId: sid };
    }
    // Twilio's error `message` may quote the number: only its code and our words go into the error.
    const rawCode = field(res.json, 'code');
    const code = rawCode === undefined || rawCode === null ? undefined : String(rawCode);
    const what = code ? `${code} ${twilioErrorMeaning(code)}` : 'no error code';
    if (res.status === 401 || res.status === 403 || code === '20003') throw new TransientSmsError(this.name, 'auth', `twilio-voice: authentication refused (HTTP ${res.status}, ${what})`);
    if (res.status === 429 || code === '20429') throw new TransientSmsError(this.name, 'rate-limited', `twilio-voice: rate limited (HTTP ${res.status})`, retryAfterMs(res.headers));
    if (res.status >= 500) throw new TransientSmsError(this.name, 'server', `twilio-voice: server error (HTTP ${res.status})`);
    if (res.status === 404) throw new TransientSmsError(this.name, 'unavailable', `twilio-voice: account or endpoint not found (HTTP 404, ${what})`);
    // Any other 4xx (21211 invalid number, 21215 no permission for that country, 21210 From not a
    // voice number, …) is a call Twilio will not place as it is: retrying cannot help.
    throw new PermanentSmsError(this.name, `twilio-voice: call refused (HTTP ${res.status}, ${what})`, code);
  }
}
