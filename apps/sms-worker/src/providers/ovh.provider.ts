import type { OvhConfig } from '@twofold/config';
import { ovhSignature } from '@twofold/sms-queue';
import { field, httpRequest, retryAfterMs } from './http';
import { OutboundSms, PermanentSmsError, SmsProvider, SmsSendResult, TransientSmsError } from './sms-provider';

/** `$1$` + SHA-1 hex of appSecret+consumerKey+METHOD+URL+BODY+timestamp joined by `+` (shared with the API). */
export { ovhSignature };

/**
 * OVHcloud SMS (contract section 6): POST {OVH_ENDPOINT}/1.0/sms/{service}/jobs with JSON
 * {message, receivers, sender, noStopClause, priority, callBack}, signed X-Ovh-* headers. 200 → {ids: [...]}.
 * `callBack` is {PUBLIC_API_URL}/webhooks/sms/ovh?m={our id}&t={token}: OVHcloud reports delivery there.
 * The timestamp is the local clock (keep it NTP-synchronised; OVHcloud refuses a skewed one).
 */
export class OvhSmsProvider implements SmsProvider {
  readonly name = 'ovh';
  /** Delivery receipts: apps/api/src/webhooks (ovh). */
  readonly sendsReceipts = true;

  constructor(
    private readonly config: OvhConfig,
    private readonly timeoutMs: number,
    private readonly clock: () => number = () => Math.floor(Date.now() / 1000),
    /** The job's `callBack` (delivery reports to the API, libs/shared/sms-queue receipts.ts); none when absent. */
    private readonly callbackUrl?: (messageId: string) => string,
  ) {}

  async send(sms: OutboundSms): Promise<SmsSendResult> {
    const { endpoint, appKey, appSecret, consumerKey, service, sender } = this.config;
    const url = `${endpoint}/1.0/sms/${encodeURIComponent(service)}/jobs`;
    const body = JSON.stringify({
      message: sms.body,
      receivers: [sms.to],
      sender,
      noStopClause: true,
      priority: 'high',
      ...(this.callbackUrl ? { callBack: this.callbackUrl(sms.messageId) } : {}),
    });
    const timestamp = this.clock();
    const res = await httpRequest(
      this.name,
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'X-Ovh-Application': appKey,
          'X-Ovh-Consumer': consumerKey,
          'X-Ovh-Timestamp': String(timestamp),
          'X-Ovh-Signature': ovhSignature(appSecret, consumerKey, 'POST', url, body, timestamp),
        },
        body,
      },
      this.timeoutMs,
    );

    if (res.status === 200 || res.status === 201) {
      const ids = field(res.json, 'ids');
      const invalid = field(res.json, 'invalidReceivers');
      if (Array.isArray(invalid) && invalid.length > 0)
        throw new PermanentSmsError(
          this.name,
          'ovh: invalid receiver (number refused by OVHcloud)',
          'invalidReceivers',
        );
      if (!Array.isArray(ids) || ids.length === 0)
        throw new TransientSmsError(this.name, 'server', `ovh: HTTP ${res.status} without a job id`);
      return { providerMessageId: String(ids[0]) };
    }

    // OVHcloud error body: { errorCode?, httpCode?, message }. The message may quote the number.
    const errorCode = field(res.json, 'errorCode');
    const what = typeof errorCode === 'string' ? errorCode : 'no error code';
    if (res.status === 401 || res.status === 403)
      throw new TransientSmsError(this.name, 'auth', `ovh: authentication refused (HTTP ${res.status}, ${what})`);
    if (res.status === 429)
      throw new TransientSmsError(this.name, 'rate-limited', 'ovh: rate limited (HTTP 429)', retryAfterMs(res.headers));
    if (res.status >= 500) throw new TransientSmsError(this.name, 'server', `ovh: server error (HTTP ${res.status})`);
    if (res.status === 404)
      throw new TransientSmsError(this.name, 'unavailable', `ovh: SMS service not found (HTTP 404, ${what})`);
    throw new PermanentSmsError(
      this.name,
      `ovh: message refused (HTTP ${res.status}, ${what})`,
      typeof errorCode === 'string' ? errorCode : undefined,
    );
  }
}
