import type { SmsAttemptEntity, SmsMessageEntity } from '@twofold/persistence';
import { maskPhoneNumber } from '@twofold/two-factor-domain';
import { CodeDeliveryChannel, SmsCodeDispatchModel, SmsDeliveryStatus } from './sms-code-dispatch.type';
import type { SmsDeliveryAttemptModel, SmsFallbackCause } from './sms-delivery-attempt.type';

export function toAttemptModel(a: SmsAttemptEntity): SmsDeliveryAttemptModel {
  return {
    provider: a.provider,
    status: a.status as SmsDeliveryStatus,
    fallbackCause: a.fallbackCause as SmsFallbackCause | null,
    sentAt: a.sentAt,
    deliveredAt: a.deliveredAt,
    failedAt: a.failedAt,
    failureReason: a.failureReason,
  };
}

/** `attempts`: the message's sms_attempt rows in order (none yet when the message was just written). */
export function toDispatchModel(m: SmsMessageEntity, resendAvailableAt: Date, attempts: SmsAttemptEntity[] = []): SmsCodeDispatchModel {
  return {
    id: m.id,
    maskedPhoneNumber: maskPhoneNumber(m.phoneNumber),
    channel: m.channel === 'VOICE' ? CodeDeliveryChannel.VOICE : CodeDeliveryChannel.SMS,
    status: m.status as SmsDeliveryStatus,
    expiresAt: m.codeExpiresAt ?? m.createdAt,
    resendAvailableAt,
    failureReason: m.failureReason,
    attempts: attempts.map(toAttemptModel),
  };
}
