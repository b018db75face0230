import { createHmac } from 'node:crypto';
import { field, httpRequest, retryAfterMs } from './http';
import { OutboundSms, PermanentSmsError, SmsProvider, SmsSendResult, TransientSmsError } from './sms-provider';

export const WEBHOOK_SIGNATURE_HEADER = 'X-Twofold-Signature';

/** `sha256=` + hex HMAC-SHA256 of the exact request body with SMS_WEBHOOK_SECRET. */
export function webhookSignature(secret: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Hands the SMS to your own gateway: JSON POST of {id, to, body, statusCallback} to SMS_WEBHOOK_URL,
 * signed in X-Twofold-Signature when SMS_WEBHOOK_SECRET is set. The gateway reports delivery by
 * posting signed receipts to `statusCallback` (apps/api/src/webhooks/webhook-status.controller.ts). Any 2xx is success; a JSON `id` in the
 * answer becomes the provider message id (else our message id). 408/429/5xx are retried,
 * 401/403 count as an auth error (failover), other 4xx fail the message.
 */
export class WebhookSmsProvider implements SmsProvider {
  readonly name = 'webhook';
  /** Delivery receipts: apps/api/src/webhooks (webhook). */
  readonly sendsReceipts = true;

  constructor(
    private readonly config: { url: string; secret?: string },
    private readonly timeoutMs: number,
    /** Where the gateway posts signed delivery receipts ({PUBLIC_API_URL}/webhooks/sms/webhook); sent as `statusCallback`. */
    private readonly statusCallback?: string,
  ) {}

  async send(sms: OutboundSms): Promise<SmsSendResult> {
    const body = JSON.stringify({
      id: sms.messageId,
      to: sms.to,
      body: sms.body,
      ...(this.statusCallback ? { statusCallback: this.statusCallback } : {}),
    });
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (this.config.secret) headers[WEBHOOK_SIGNATURE_HEADER] = webhookSignature(this.config.secret, body);
    const res = await httpRequest(this.name, this.config.url, { method: 'POST', headers, body }, this.timeoutMs);
    if (res.status >= 200 && res.status < 300) {
      const id = field(res.json, 'id');
      return { providerMessageId: typeof id === 'string' || typeof id === 'number' ? String(id) : sms.messageId };
    }
    if (res.status === 401 || res.status === 403)
      throw new TransientSmsError(this.name, 'auth', `webhook: authentication refused (HTTP ${res.status})`);
    if (res.status === 408 || res.status === 429)
      throw new TransientSmsError(this.name, 'rate-limited', `webhook: HTTP ${res.status}`, retryAfterMs(res.headers));
    if (res.status >= 500)
      throw new TransientSmsError(this.name, 'server', `webhook: server error (HTTP ${res.status})`);
    throw new PermanentSmsError(this.name, `webhook: message refused (HTTP ${res.status})`);
  }
}
