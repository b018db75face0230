/**
 * The contract between the API (producer) and apps/sms-worker (consumer).
 * Never rename the queue or job names: jobs already waiting in Redis would be orphaned.
 */
export const SMS_QUEUE_NAME = 'sms';
export const SEND_SMS_JOB = 'sms.send';

export const SMS_DELIVERY_STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED'] as const;
export type SmsDeliveryStatus = (typeof SMS_DELIVERY_STATUSES)[number];

/** Why an SMS is sent; codes count towards sending limits, notices do not. */
export const SMS_PURPOSES = ['METHOD_CONFIRMATION', 'LOGIN', 'NOTICE'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];

/**
 * How a code reaches the phone: an SMS, or a call that reads it out ("Call me instead", Twilio's
 * Calls API). Both are rows of sms_message (the same outbox, ledger and limits), told apart by
 * its `channel` column; a VOICE row's sealed body is the code's digits alone.
 */
export const SMS_CHANNELS = ['SMS', 'VOICE'] as const;
export type SmsChannel = (typeof SMS_CHANNELS)[number];

/**
 * What travels through Redis: ids in clear (operators need them), everything about the
 * message sealed with AES-256-GCM so that no code reaches Redis in clear.
 */
export interface SendSmsJobData {
  v: 1;
  messageId: string;
  /** SealedBox of SmsJobSecret, see sealed-box.ts. */
  sealed: string;
}

/** The sealed part of a job. */
export interface SmsJobSecret {
  messageId: string;
  to: string;
  body: string;
  /** ISO time after which the code in the body is useless; the worker then does not send. */
  expiresAt: string | null;
  /** VOICE: a call reads `body` (the digits) out in `locale`, through the worker's voice provider. Absent: SMS. */
  channel?: SmsChannel;
  /** The account's locale (en, fr), for a call's spoken language. */
  locale?: string;
}

export type SmsJob = { name: typeof SEND_SMS_JOB; data: SendSmsJobData };

/** BullMQ options every producer uses, so a re-enqueue of the same message is a no-op. */
export const SMS_JOB_DEFAULTS = {
  removeOnComplete: true,
  // Failed jobs keep only ids and the reason (job data is sealed anyway); a day is enough to inspect.
  removeOnFail: { age: 24 * 3600, count: 10000 },
} as const;

/**
 * BullMQ takes jobs without a priority (codes) before any prioritized job, so security notices
 * carry one: however many notices wait, a login or confirmation code is the next job taken. Same
 * queue, same durability (the outbox row, the relay, the retries).
 */
export function smsJobPriority(purpose: SmsPurpose): number | undefined {
  return purpose === 'NOTICE' ? NOTICE_JOB_PRIORITY : undefined;
}
export const NOTICE_JOB_PRIORITY = 100;

/** Retry policy set on every job at enqueue: exponential backoff with jitter, from 1 s. */
export const SMS_JOB_ATTEMPTS = 8;
export const SMS_JOB_BACKOFF = { type: 'exponential', delay: 1000, jitter: 0.5 } as const;
