import { twilioErrorMeaning } from '@twofold/sms-queue';

/** What a Twilio status callback means for our message row. */
export type DeliveryTransition =
  | { to: 'SENT' }
  | { to: 'DELIVERED' }
  | { to: 'FAILED'; reason: string }
  | { to: 'IGNORE' };

/**
 * Twilio MessageStatus (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values)
 * onto the contract's states. queued/accepted/scheduled/sending/sent all mean "handed to the
 * provider" (SENT); delivered (and read) is DELIVERED; undelivered, failed and canceled are
 * FAILED with the error code's meaning. Unknown statuses are ignored, never guessed.
 */
export function mapTwilioStatus(status: string | undefined, errorCode: string | undefined): DeliveryTransition {
  switch ((status ?? '').toLowerCase()) {
    case 'queued':
    case 'accepted':
    case 'scheduled':
    case 'sending':
    case 'sent':
      return { to: 'SENT' };
    case 'delivered':
    case 'read':
      return { to: 'DELIVERED' };
    case 'undelivered':
    case 'failed': {
      const s = status?.toLowerCase();
      return {
        to: 'FAILED',
        reason: errorCode ? `twilio ${s} (error ${errorCode}): ${twilioErrorMeaning(errorCode)}` : `twilio ${s}`,
      };
    }
    case 'canceled':
      return { to: 'FAILED', reason: 'twilio canceled the message' };
    default:
      return { to: 'IGNORE' };
  }
}

/**
 * Twilio signs the URL exactly as it called it; behind proxies the explicit default port may be
 * added or dropped, so Twilio's own helpers accept both forms. So do we.
 */
export function urlVariants(url: string): string[] {
  const variants = [url];
  try {
    const u = new URL(url);
    const defaultPort = u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '';
    if (!defaultPort) return variants;
    // WHATWG URL drops a default port, so look at the text itself.
    const explicit = new RegExp(`^${u.protocol}//[^/]*:${defaultPort}(?=[/?#]|$)`).test(url);
    if (explicit) variants.push(url.replace(`:${defaultPort}`, ''));
    else if (!u.port) variants.push(`${u.protocol}//${u.host}:${defaultPort}${u.pathname}${u.search}`);
  } catch {
    // not a URL: only the literal form
  }
  return variants;
}

/** A JSON callback body as Twilio's form parameters (string values; numbers as text); null when it is not an object. */
export function twilioJsonParams(raw: Buffer): Record<string, string> | null {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>))
    if (typeof v === 'string' || typeof v === 'number') params[k] = String(v);
  return params;
}
