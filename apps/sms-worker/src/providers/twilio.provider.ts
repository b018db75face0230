import type { TwilioConfig } from '@twofold/config';
import { TWILIO_PERMANENT_ERROR_CODES, twilioErrorMeaning } from '@twofold/sms-queue';
import { field, httpRequest, retryAfterMs } from './http';
import { OutboundSms, PermanentSmsError, SmsProvider, SmsSendResult, TransientSmsError } from './sms-provider';

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
    const { accountSid, authToken, from, apiBaseUrl } = this.config;
    const url = `${apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
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
      if (typeof sid !== 'string' || !sid)
        throw new TransientSmsError(this.name, 'server', `twilio: HTTP ${res.status} without a message sid`);
      return { providerMessageId: sid };
    }

    // Twilio error body: { code, message, more_info, status }. Its `message` may quote the
    // number, so only the code and our own wording go into the error.
    const rawCode = field(res.json, 'code');
    const code = rawCode === undefined || rawCode === null ? undefined : String(rawCode);
    const what = code ? `${code} ${twilioErrorMeaning(code)}` : 'no error code';
    if (res.status === 401 || res.status === 403 || code === '20003') {
      throw new TransientSmsError(this.name, 'auth', `twilio: authentication refused (HTTP ${res.status}, ${what})`);
    }
    if (res.status === 429 || code === '20429') {
      throw new TransientSmsError(
        this.name,
        'rate-limited',
        `twilio: rate limited (HTTP ${res.status})`,
        retryAfterMs(res.headers),
      );
    }
    if (res.status >= 500)
      throw new TransientSmsError(this.name, 'server', `twilio: server error (HTTP ${res.status})`);
    if (res.status === 404)
      throw new TransientSmsError(
        this.name,
        'unavailable',
        `twilio: account or endpoint not found (HTTP 404, ${what})`,
      );
    if (code && TWILIO_PERMANENT_ERROR_CODES.includes(code)) {
      throw new PermanentSmsError(this.name, `twilio: ${twilioErrorMeaning(code)} (error ${code})`, code);
    }
    // Any other 4xx is a request Twilio will not accept as it is: retrying cannot help.
    throw new PermanentSmsError(this.name, `twilio: message refused (HTTP ${res.status}, ${what})`, code);
  }
}
