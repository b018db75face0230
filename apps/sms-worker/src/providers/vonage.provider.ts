import type { VonageConfig } from '@twofold/config';
import { VONAGE_SEND_STATUSES, vonageSignature } from '@twofold/sms-queue';
import { gsm7Length } from '@twofold/two-factor-domain';
import { field, httpRequest, retryAfterMs } from './http';
import { OutboundSms, PermanentSmsError, SmsProvider, SmsSendResult, TransientSmsError } from './sms-provider';

/**
 * Vonage SMS API (SMS_PROVIDER=vonage): POST {VONAGE_API_BASE_URL}/sms/json, form fields
 * api_key, from, to (E.164 digits without "+"), text, type=unicode when the text is not GSM-7,
 * client-ref (our message id) and callback (the API's receipt endpoint, so no dashboard setting
 * is needed); authenticated by api_secret or, with VONAGE_SIGNATURE_SECRET, signed instead
 * (timestamp + sig over every field, the secret never sent; Vonage refuses both at once). Vonage answers HTTP 200 even for a refused message: the verdict
 * is `messages[0].status`, "0" for accepted with its `message-id`, else a documented code
 * (VONAGE_SEND_STATUSES). Made with `npx nx g ./tools/generators:sms-provider vonage`.
 */
export class VonageSmsProvider implements SmsProvider {
  readonly name = 'vonage';
  /** Delivery receipts: apps/api/src/webhooks (vonage). */
  readonly sendsReceipts = true;

  constructor(
    private readonly config: VonageConfig,
    private readonly timeoutMs: number,
    private readonly receiptUrl: string,
  ) {}

  async send(sms: OutboundSms): Promise<SmsSendResult> {
    const params: Record<string, string> = {
      api_key: this.config.apiKey,
      from: this.config.from,
      to: sms.to.replace(/^\+/, ''),
      text: sms.body,
      'client-ref': sms.messageId,
      callback: this.receiptUrl,
    };
    if (gsm7Length(sms.body) === null) params['type'] = 'unicode';
    const { signatureSecret, signatureMethod, apiSecret } = this.config;
    if (signatureSecret) {
      params['timestamp'] = String(Math.floor(Date.now() / 1000));
      params['sig'] = vonageSignature(params, signatureSecret, signatureMethod);
    } else {
      params['api_secret'] = apiSecret as string;
    }
    const form = new URLSearchParams(params);
    const res = await httpRequest(
      this.name,
      `${this.config.apiBaseUrl}/sms/json`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form.toString(),
      },
      this.timeoutMs,
    );

    if (res.status === 401 || res.status === 403)
      throw new TransientSmsError(this.name, 'auth', `vonage: authentication refused (HTTP ${res.status})`);
    if (res.status === 429)
      throw new TransientSmsError(
        this.name,
        'rate-limited',
        'vonage: rate limited (HTTP 429)',
        retryAfterMs(res.headers),
      );
    if (res.status >= 500)
      throw new TransientSmsError(this.name, 'server', `vonage: server error (HTTP ${res.status})`);
    const messages = field(res.json, 'messages');
    const first = Array.isArray(messages) ? (messages[0] as unknown) : undefined;
    const status = field(first, 'status');
    if (res.status !== 200 || status === undefined) {
      // Not the SMS API's answer: a proxy or a wrong VONAGE_API_BASE_URL. Another provider may do.
      throw new TransientSmsError(this.name, 'unavailable', `vonage: unexpected answer (HTTP ${res.status})`);
    }
    const code = String(status);
    if (code === '0') {
      const id = field(first, 'message-id');
      if (typeof id !== 'string' || !id)
        throw new TransientSmsError(this.name, 'server', 'vonage: accepted without a message-id');
      return { providerMessageId: id };
    }
    // Vonage's `error-text` may quote the number: only the code and our own wording go into the error.
    const known = VONAGE_SEND_STATUSES[code];
    const what = `status ${code} ${known?.meaning ?? 'unknown status'}`;
    if (!known || known.action === 'retry') {
      const kind = code === '1' ? 'rate-limited' : 'server';
      throw new TransientSmsError(this.name, kind, `vonage: not sent (${what})`, code === '1' ? 1000 : undefined);
    }
    if (known.action === 'auth')
      throw new TransientSmsError(this.name, 'auth', `vonage: the account cannot send (${what})`);
    throw new PermanentSmsError(this.name, `vonage: message refused (${what})`, code);
  }
}
