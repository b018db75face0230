import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { RECEIPT_SIGNATURE_HEADER, RECEIPT_TIMESTAMP_HEADER, webhookReceiptSignature } from '@twofold/sms-queue';

/**
 * The fake gateway's non-Twilio sides: a `webhook`-provider gateway (POST /webhook/sms) that
 * posts signed receipts to the message's `statusCallback`, and an OVHcloud stand-in
 * (POST /1.0/sms/{service}/jobs, GET /1.0/sms/{service}/outgoing/{id}) that calls each job's
 * `callBack` with OVHcloud's delivery-report parameters (id, dlr, description, date).
 */
export type FakeProvider = 'twilio' | 'webhook' | 'ovh' | 'vonage';

export interface OvhStandInCredentials {
  appKey: string;
  appSecret: string;
  consumerKey: string;
}

/** OVHcloud's `dlr` for a Twilio-like status: 8 handed to the operator, 1 delivered, 2 not delivered. */
export function ovhDlrOf(status: string): string {
  return status === 'sent' ? '8' : status === 'delivered' ? '1' : '2';
}

/** The request that reports `status` of a webhook or OVHcloud message (Twilio's is built in gateway.ts). */
export function receiptRequest(
  provider: 'webhook' | 'ovh',
  sms: { sid: string; statusCallback: string },
  status: string,
  errorCode: string | undefined,
  webhookSecret: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): { url: string; init: RequestInit } {
  if (provider === 'webhook') {
    const body = JSON.stringify({
      id: sms.sid,
      status,
      ...(status === 'undelivered' || status === 'failed' ? { reason: `error ${errorCode ?? 'unknown'}` } : {}),
    });
    const timestamp = String(nowSeconds);
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (webhookSecret) {
      headers[RECEIPT_TIMESTAMP_HEADER] = timestamp;
      headers[RECEIPT_SIGNATURE_HEADER] = webhookReceiptSignature(webhookSecret, timestamp, body);
    }
    return { url: sms.statusCallback, init: { method: 'POST', headers, body } };
  }
  const url = new URL(sms.statusCallback);
  url.searchParams.set('id', sms.sid);
  url.searchParams.set('dlr', ovhDlrOf(status));
  url.searchParams.set('description', status === 'delivered' ? 'Delivered' : status === 'sent' ? 'Sent to operator' : `Not delivered (${errorCode ?? 'unknown'})`);
  url.searchParams.set('date', new Date(nowSeconds * 1000).toISOString());
  return { url: url.toString(), init: { method: 'GET', headers: { 'User-Agent': 'OVHcloud-SMS-DLR' } } };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The webhook gateway's check of the worker's send signature (`sha256=` HMAC of the body), when a secret is set. */
export function webhookSendSigned(secret: string | undefined, headers: IncomingHttpHeaders, body: string): boolean {
  if (!secret) return true;
  const given = headers['x-twofold-signature'];
  return typeof given === 'string' && same(given, 'sha256=' + createHmac('sha256', secret).update(body).digest('hex'));
}

/** OVHcloud's request signature check (`$1$` + SHA-1 of AS+CK+METHOD+URL+BODY+TS), when credentials are set. */
export function ovhRequestSigned(
  creds: OvhStandInCredentials | undefined,
  headers: IncomingHttpHeaders,
  method: string,
  fullUrl: string,
  body: string,
): boolean {
  if (!creds) return true;
  const ts = headers['x-ovh-timestamp'];
  const sig = headers['x-ovh-signature'];
  if (headers['x-ovh-application'] !== creds.appKey || headers['x-ovh-consumer'] !== creds.consumerKey) return false;
  if (typeof ts !== 'string' || typeof sig !== 'string') return false;
  const expected =
    '$1$' + createHash('sha1').update([creds.appSecret, creds.consumerKey, method, fullUrl, body, ts].join('+')).digest('hex');
  return same(sig, expected);
}
