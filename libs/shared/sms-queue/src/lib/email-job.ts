import { open, seal } from './sealed-box';

/**
 * The e-mail side of the contract between the API (producer) and apps/sms-worker (consumer):
 * its own queue, so a backlog of mail never sits in front of an SMS code (and the reverse).
 * Never rename the queue or job names: jobs already waiting in Redis would be orphaned.
 */
export const EMAIL_QUEUE_NAME = 'email';
export const SEND_EMAIL_JOB = 'email.send';

export const EMAIL_DELIVERY_STATUSES = ['QUEUED', 'SENDING', 'SENT', 'FAILED'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];

/** What an e-mail says; each has an en and a fr template, plain text and HTML (the worker renders them). */
export const EMAIL_TEMPLATES = ['VERIFY_EMAIL', 'PASSWORD_RESET', 'SECURITY_NOTICE', 'ACCOUNT_RECOVERY'] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

/**
 * What a template needs. The token of a link travels only sealed (in the row and in the job):
 * the worker builds `${WEB_ORIGIN}/verify-email?token=…` (or `/reset-password?token=…`) itself, so no link sits anywhere in clear.
 */
export interface EmailTemplateData {
  name: string;
  token?: string;
  /** ISO time after which the link stops working. */
  expiresAt?: string;
  /** SECURITY_NOTICE: what changed, when, from where (never a secret; the token above is its "This wasn't me" link). */
  notice?: SecurityNoticeData;
}

/** The facts of a security notice e-mail: `kind` is a NoticeKind of @twofold/two-factor-domain. */
export interface SecurityNoticeData {
  kind: string;
  /** ISO time of the change. */
  at: string;
  /** The client address of the request that made the change, when known. */
  ip: string | null;
  /** Its user agent (at most 256 characters), when known; the worker names the browser and system from it. */
  userAgent: string | null;
}

/** What travels through Redis: the id in clear, everything about the message sealed. */
export interface SendEmailJobData {
  v: 1;
  messageId: string;
  sealed: string;
}

/** The sealed part of an e-mail job. */
export interface EmailJobSecret {
  messageId: string;
  to: string;
  template: EmailTemplate;
  locale: string;
  data: EmailTemplateData;
}

export const EMAIL_JOB_DEFAULTS = {
  removeOnComplete: true,
  removeOnFail: { age: 24 * 3600, count: 10000 },
} as const;

/** Retry policy of every e-mail job: SMTP servers answer 4xx for minutes at a time. */
export const EMAIL_JOB_ATTEMPTS = 8;
export const EMAIL_JOB_BACKOFF = { type: 'exponential', delay: 2000, jitter: 0.5 } as const;

/** Producer side: sealed with the `email-payload` key and bound to the message id. */
export function sealEmailJob(payloadKey: Buffer, secret: EmailJobSecret): SendEmailJobData {
  return { v: 1, messageId: secret.messageId, sealed: seal(payloadKey, JSON.stringify(secret), secret.messageId) };
}

/** Consumer side: throws when the data was tampered with or moved to another id. */
export function openEmailJob(payloadKey: Buffer, data: SendEmailJobData): EmailJobSecret {
  if (data?.v !== 1 || typeof data.messageId !== 'string') throw new Error('email job: unknown payload version');
  const secret = JSON.parse(open(payloadKey, data.sealed, data.messageId)) as EmailJobSecret;
  if (secret.messageId !== data.messageId) throw new Error('email job: message id mismatch');
  return secret;
}
