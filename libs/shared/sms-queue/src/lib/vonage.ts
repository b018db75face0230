import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { VonageSignatureMethod } from '@twofold/config';
import { RECEIPT_WINDOW_SECONDS, type ReceiptCheck } from './receipts';

/**
 * Vonage SMS API (https://rest.nexmo.com/sms/json) delivery receipts, signed as Vonage's
 * "signed webhooks" document it: every parameter but `sig`, sorted by name, joined as
 * `&name=value` with `&` and `=` inside values replaced by `_`; then, with the signature method
 * chosen in the Vonage dashboard, either MD5 of that string followed by the signature secret
 * (`md5hash`) or its HMAC (md5, sha1, sha256, sha512) keyed by the signature secret; hex,
 * compared case-insensitively. A signed receipt carries `timestamp` (Unix seconds) and `nonce`.
 * The API verifies; the fake gateway's Vonage stand-in signs.
 */
export const VONAGE_RECEIPT_PATH = '/webhooks/sms/vonage';

export function vonageSignature(params: Record<string, string>, secret: string, method: VonageSignatureMethod): string {
  const query = Object.keys(params)
    .filter((k) => k !== 'sig')
    .sort()
    .map((k) => `&${k}=${params[k].replace(/[&=]/g, '_')}`)
    .join('');
  if (method === 'md5hash')
    return createHash('md5')
      .update(query + secret)
      .digest('hex');
  return createHmac(method, secret).update(query).digest('hex');
}

/** The signature first (constant time), then the `timestamp` window, as for the `webhook` provider. */
export function verifyVonageReceipt(
  params: Record<string, string>,
  secret: string,
  method: VonageSignatureMethod,
  nowSeconds: number,
  windowSeconds = RECEIPT_WINDOW_SECONDS,
): ReceiptCheck {
  const sig = params['sig'];
  const timestamp = params['timestamp'];
  if (!sig || !timestamp) return 'missing';
  if (!/^[0-9]{1,12}$/.test(timestamp)) return 'bad-signature';
  const expected = Buffer.from(vonageSignature(params, secret, method).toLowerCase());
  const given = Buffer.from(sig.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
  return Math.abs(nowSeconds - Number(timestamp)) > windowSeconds ? 'stale' : 'ok';
}

/**
 * The SMS API's answer `status` per message ("0" is success), as Vonage documents them, with
 * what the worker does: fail over at once (the account or its settings cannot send), retry
 * later, or give up on this message (the number or the text will not do, wherever it goes).
 */
export const VONAGE_SEND_STATUSES: Record<string, { meaning: string; action: 'auth' | 'retry' | 'permanent' }> = {
  '1': { meaning: 'throttled', action: 'retry' },
  '2': { meaning: 'missing parameters', action: 'permanent' },
  '3': { meaning: 'invalid parameters', action: 'permanent' },
  '4': { meaning: 'invalid credentials', action: 'auth' },
  '5': { meaning: 'internal error', action: 'retry' },
  '6': { meaning: 'invalid message (unroutable)', action: 'permanent' },
  '7': { meaning: 'number barred', action: 'permanent' },
  '8': { meaning: 'partner account barred', action: 'auth' },
  '9': { meaning: 'partner quota violation (balance)', action: 'auth' },
  '10': { meaning: 'too many existing binds', action: 'retry' },
  '11': { meaning: 'account not enabled for HTTP', action: 'auth' },
  '12': { meaning: 'message too long', action: 'permanent' },
  '14': { meaning: 'invalid signature', action: 'auth' },
  '15': { meaning: 'invalid sender address', action: 'auth' },
  '22': { meaning: 'invalid network code', action: 'permanent' },
  '23': { meaning: 'invalid callback URL', action: 'auth' },
  '29': { meaning: 'non-whitelisted destination', action: 'auth' },
  '32': { meaning: 'signature and API secret disallowed', action: 'auth' },
  '33': { meaning: 'number de-activated', action: 'permanent' },
};

/** A delivery receipt's `status` as our transitions know it: sent (on its way), delivered, failed, or nothing to apply. */
export function vonageReceiptStatus(status: string | undefined): 'sent' | 'delivered' | 'failed' | 'ignore' {
  switch (status) {
    case 'accepted':
    case 'buffered':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'expired':
    case 'failed':
    case 'rejected':
      return 'failed';
    default:
      return 'ignore';
  }
}
