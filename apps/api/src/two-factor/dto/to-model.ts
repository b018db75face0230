import type { SmsMethodEntity, TotpMethodEntity } from '@twofold/persistence';
import { maskPhoneNumber } from '@twofold/two-factor-domain';
import type { TwoFactorState } from '../two-factor.service';
import { SmsMethodModel, SmsMethodStatus, TotpMethodModel, TwoFactorStatusModel } from './two-factor-status.type';

export function toSmsMethodModel(m: SmsMethodEntity): SmsMethodModel {
  return {
    id: m.id,
    phoneNumber: m.phoneNumber,
    maskedPhoneNumber: maskPhoneNumber(m.phoneNumber),
    countryCode: m.countryCode,
    description: m.description,
    status: m.status as SmsMethodStatus,
    isDefault: m.isDefault,
    createdAt: m.createdAt,
    verifiedAt: m.verifiedAt,
    lastUsedAt: m.lastUsedAt,
  };
}

export function toTotpMethodModel(m: TotpMethodEntity): TotpMethodModel {
  return { id: m.id, description: m.description, isDefault: m.isDefault, createdAt: m.createdAt, lastUsedAt: m.lastUsedAt };
}

export function toTwoFactorStatusModel(s: TwoFactorState): TwoFactorStatusModel {
  return {
    enabled: s.enabled,
    defaultMethodId: s.defaultMethodId,
    smsMethods: s.smsMethods.map(toSmsMethodModel),
    totpMethods: s.totpMethods.map(toTotpMethodModel),
    backupCodes: s.backupCodes,
    limits: s.limits,
  };
}
