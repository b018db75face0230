import type { DeliveryTransition } from './twilio-status.util';

/** A failure reason from a provider as stored: printable, one line, at most 200 characters. */
export function cleanReason(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const clean = text.replace(/[^\x20-\x7e]+/g, ' ').trim().slice(0, 200);
  return clean || undefined;
}

export interface WebhookReceipt {
  /** The provider message id: the `id` the gateway answered the send with (else our message id). */
  id: string;
  transition: DeliveryTransition;
}

const PROVIDER_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * The `webhook` provider's receipt body: JSON `{"id": "...", "status": "sent" | "delivered" |
 * "failed" | "undelivered", "reason"?: "..."}`. Anything else (not JSON, no id, another status)
 * is null: 400, never a guess.
 */
export function parseWebhookReceipt(raw: Buffer): WebhookReceipt | null {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { id, status, reason } = body as Record<string, unknown>;
  if (typeof id !== 'string' || !PROVIDER_ID.test(id) || typeof status !== 'string') return null;
  if (reason !== undefined && typeof reason !== 'string') return null;
  switch (status) {
    case 'sent':
      return { id, transition: { to: 'SENT' } };
    case 'delivered':
      return { id, transition: { to: 'DELIVERED' } };
    case 'failed':
    case 'undelivered': {
      const why = cleanReason(reason);
      return { id, transition: { to: 'FAILED', reason: `webhook ${status}${why ? `: ${why}` : ''}` } };
    }
    default:
      return null;
  }
}

/**
 * OVHcloud's delivery-report `dlr` values (SMS API callBack): 1 delivered, 2 not delivered,
 * 4 waiting (buffered), 8 handed to the operator (SMSC), 16 refused by the operator (SMSC).
 * Unknown values are ignored, never guessed.
 */
export function mapOvhDlr(dlr: string | undefined, description: string | undefined): DeliveryTransition {
  switch (dlr) {
    case '1':
      return { to: 'DELIVERED' };
    case '4':
    case '8':
      return { to: 'SENT' };
    case '2':
    case '16': {
      const why = cleanReason(description);
      return { to: 'FAILED', reason: `ovh not delivered (dlr ${dlr})${why ? `: ${why}` : ''}` };
    }
    default:
      return { to: 'IGNORE' };
  }
}
