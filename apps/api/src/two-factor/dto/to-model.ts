import type { SecurityKeyEntity, SmsMethodEntity, TotpMethodEntity } from '@twofold/persistence';
import { maskPhoneNumber } from '@twofold/two-factor-domain';
import { authenticatorName } from '../../webauthn/authenticator-names.util';
import type { TwoFactorState } from '../two-factor.service';
import { SecurityKeyModel, SmsMethodModel, SmsMethodStatus, TotpMethodModel, TwoFactorStatusModel } from './two-factor-status.type';

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

export function toSecurityKeyModel(k: SecurityKeyEntity): SecurityKeyModel {
  return { id: k.id, description: k.description, isDefault: k.isDefault, isPasskey: k.isPasskey, authenticatorName: authenticatorName(k.aaguid), createdAt: k.createdAt, lastUsedAt: k.lastUsedAt };
}

export function toTwoFactorStatusModel(s: TwoFactorState): TwoFactorStatusModel {
  return {
    enabled: s.enabled,
    defaultMethodId: s.defaultMethodId,
    smsMethods: s.smsMethods.map(toSmsMethodModel),
    totpMethods: s.totpMethods.map(toTotpMethodModel),
    securityKeys: s.securityKeys.map(toSecurityKeyModel),
    backupCodes: s.backupCodes,
    limits: s.limits,
  };
}
