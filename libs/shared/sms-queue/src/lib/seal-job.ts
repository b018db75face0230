import { open, seal } from './sealed-box';
import { SendSmsJobData, SmsJobSecret } from './sms-job';

/** Producer side: the job data for one message, sealed with the `sms-payload` key and bound to its id. */
export function sealSmsJob(payloadKey: Buffer, secret: SmsJobSecret): SendSmsJobData {
  return { v: 1, messageId: secret.messageId, sealed: seal(payloadKey, JSON.stringify(secret), secret.messageId) };
}

/** Consumer side: opens the job; throws when the data was tampered with or moved to another id. */
export function openSmsJob(payloadKey: Buffer, data: SendSmsJobData): SmsJobSecret {
  if (data?.v !== 1 || typeof data.messageId !== 'string') throw new Error('sms job: unknown payload version');
  const secret = JSON.parse(open(payloadKey, data.sealed, data.messageId)) as SmsJobSecret;
  if (secret.messageId !== data.messageId) throw new Error('sms job: message id mismatch');
  return secret;
}
