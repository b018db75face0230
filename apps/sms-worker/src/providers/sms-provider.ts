/**
 * One interface for every SMS vendor. Adapters throw typed errors so the worker can decide:
 * PermanentSmsError fails the message at once, TransientSmsError is retried with backoff
 * (and, with kind 'auth', makes a provider chain switch to the next provider immediately).
 * Error messages must never contain the number or the body: they end up in logs and in
 * BullMQ's failed-job records.
 */
export interface OutboundSms {
  /** sms_message.id, also the BullMQ job id. */
  messageId: string;
  /** E.164 number. */
  to: string;
  body: string;
}

export interface SmsSendResult {
  providerMessageId: string;
}

export interface SmsProvider {
  /** Stored in sms_message.provider; lower case, e.g. 'twilio'. */
  readonly name: string;
  /**
   * True when the provider reports delivery back (a receipt endpoint in apps/api/src/webhooks):
   * only then does a missing "delivered" receipt within SMS_DELIVERY_TIMEOUT_SECONDS trigger a
   * fallback to the next provider. Absent: false.
   */
  readonly sendsReceipts?: boolean;
  send(sms: OutboundSms): Promise<SmsSendResult>;
}

export class PermanentSmsError extends Error {
  override readonly name = 'PermanentSmsError';
  constructor(
    readonly provider: string,
    message: string,
    readonly vendorCode?: string,
  ) {
    super(message);
  }
}

export type TransientKind = 'rate-limited' | 'server' | 'timeout' | 'network' | 'auth' | 'unavailable';

export class TransientSmsError extends Error {
  override readonly name = 'TransientSmsError';
  constructor(
    readonly provider: string,
    readonly kind: TransientKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export function isPermanent(err: unknown): err is PermanentSmsError {
  return err instanceof PermanentSmsError;
}
