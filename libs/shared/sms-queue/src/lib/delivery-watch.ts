/**
 * The delivery watch (issue 14, item 2): one job per code SMS on its own queue, which follows the
 * message's attempts and, when a provider that sends receipts reports it failed or has not reported
 * it delivered within SMS_DELIVERY_TIMEOUT_SECONDS, sends the SAME text (code and expiry) through the
 * next provider of the route, at most once per provider. Its own queue, so its steps do not count
 * against the SMS rate limiter; job id = message id, so every producer adds it at most once.
 */
export const SMS_WATCH_QUEUE_NAME = 'sms-watch';
export const SMS_WATCH_JOB = 'sms.watch';

/** The same sealed payload as the message's `sms.send` job (sealSmsJob): no code in clear in Redis. */
export interface SmsWatchJobData {
  v: 1;
  messageId: string;
  sealed: string;
}

/** One provider's turn at a message (sms_attempt.status). */
export const SMS_ATTEMPT_STATUSES = ['SENDING', 'SENT', 'DELIVERED', 'FAILED'] as const;
export type SmsAttemptStatus = (typeof SMS_ATTEMPT_STATUSES)[number];

/**
 * Why a fallback attempt was made: the previous provider reported the message failed, never
 * reported it delivered in time, or refused it when we sent it.
 */
export const SMS_FALLBACK_CAUSES = ['FAILED_RECEIPT', 'NO_RECEIPT', 'SEND_FAILED'] as const;
export type SmsFallbackCause = (typeof SMS_FALLBACK_CAUSES)[number];

/** Retries of one watch job when a fallback send fails transiently (BullMQ backoff in between). */
export const SMS_WATCH_ATTEMPTS = 5;
