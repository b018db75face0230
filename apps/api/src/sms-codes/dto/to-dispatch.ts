import type { SmsMessageEntity } from '@twofold/persistence';
import { maskPhoneNumber } from '@twofold/two-factor-domain';
import { SmsCodeDispatchModel, SmsDeliveryStatus } from './sms-code-dispatch.type';

export function toDispatchModel(m: SmsMessageEntity, resendAvailableAt: Date): SmsCodeDispatchModel {
  return {
    id: m.id,
    maskedPhoneNumber: maskPhoneNumber(m.phoneNumber),
    status: m.status as SmsDeliveryStatus,
    expiresAt: m.codeExpiresAt ?? m.createdAt,
    resendAvailableAt,
    failureReason: m.failureReason,
  };
}
