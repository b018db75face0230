import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Delivery receipts of the `webhook` and `ovh` providers (the API verifies, the fake gateway
 * and the worker produce). Twilio's own signature lives in twilio.ts.
 *
 * `webhook` provider status endpoint, POST {PUBLIC_API_URL}/webhooks/sms/webhook:
 *   X-Twofold-Timestamp: Unix time in seconds when the receipt was signed
 *   X-Twofold-Signature: `sha256=` + hex HMAC-SHA256(SMS_WEBHOOK_SECRET, timestamp + "." + raw body)
 * A receipt more than RECEIPT_WINDOW_SECONDS away from the API's clock (either direction) is refused.
 */
export const RECEIPT_TIMESTAMP_HEADER = 'X-Twofold-Timestamp';
export const RECEIPT_SIGNATURE_HEADER = 'X-Twofold-Signature';
export const RECEIPT_WINDOW_SECONDS = 300;
/** The `webhook` status endpoint takes bodies up to this size (413 above). */
export const RECEIPT_MAX_BODY_BYTES = 4096;

export function webhookReceiptSignature(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export type ReceiptCheck = 'ok' | 'missing' | 'bad-signature' | 'stale';

/** Checks a signed receipt: the signature first (constant time), then the timestamp window. */
export function verifyWebhookReceipt(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  rawBody: Buffer,
  nowSeconds: number,
  windowSeconds = RECEIPT_WINDOW_SECONDS,
): ReceiptCheck {
  if (!timestamp || !signature) return 'missing';
  if (!/^[0-9]{1,12}$/.test(timestamp)) return 'bad-signature';
  const expected = Buffer.from(webhookReceiptSignature(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
  return Math.abs(nowSeconds - Number(timestamp)) > windowSeconds ? 'stale' : 'ok';
}

/**
 * OVHcloud does not sign its delivery-report callbacks, so the callBack URL the worker gives
 * OVHcloud for each job carries our message id and a token only APP_SECRET's holders can compute:
 * base64url HMAC-SHA256 over the message id with a key derived (HKDF) from APP_SECRET for this
 * use alone. Nothing is stored: the API recomputes it.
 */
const keys = new Map<string, Buffer>();
function ovhKey(appSecret: string): Buffer {
  let key = keys.get(appSecret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', appSecret, Buffer.alloc(0), 'twofold ovh delivery-report token v1', 32));
    keys.clear();
    keys.set(appSecret, key);
  }
  return key;
}

export function ovhCallbackToken(appSecret: string, messageId: string): string {
  return createHmac('sha256', ovhKey(appSecret)).update(messageId).digest('base64url');
}

export function verifyOvhCallbackToken(appSecret: string, messageId: string, token: string | undefined): boolean {
  if (!token || !messageId) return false;
  const expected = Buffer.from(ovhCallbackToken(appSecret, messageId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const OVH_CALLBACK_PATH = '/webhooks/sms/ovh';

/** The callBack URL of one OVHcloud job: `{PUBLIC_API_URL}/webhooks/sms/ovh?m={message id}&t={token}`. */
export function ovhCallbackUrl(publicApiUrl: string, appSecret: string, messageId: string): string {
  const q = new URLSearchParams({ m: messageId, t: ovhCallbackToken(appSecret, messageId) });
  return `${publicApiUrl}${OVH_CALLBACK_PATH}?${q.toString()}`;
}

export const WEBHOOK_RECEIPT_PATH = '/webhooks/sms/webhook';
