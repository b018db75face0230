import { createHash } from 'node:crypto';

/**
 * OVHcloud API request signing (contract section 6): `$1$` + SHA-1 hex of
 * appSecret+consumerKey+METHOD+URL+BODY+timestamp joined by `+`. Used by the worker's sends, the
 * API's delivery-report confirmation (GET /sms/{service}/outgoing/{id}) and the fake gateway.
 */
export function ovhSignature(
  appSecret: string,
  consumerKey: string,
  method: string,
  url: string,
  body: string,
  timestamp: number,
): string {
  return (
    '$1$' +
    createHash('sha1')
      .update([appSecret, consumerKey, method, url, body, String(timestamp)].join('+'))
      .digest('hex')
  );
}
