import type { SmsMethodFieldsFragment, TotpMethodFieldsFragment } from '../../../gql/graphql';
import type { Translator } from '../../../i18n/translator';

/** A security key as the Security page lists it (the fields of `SecurityKey` in contract v2). */
export interface SecurityKeyLike {
  id: string;
  description?: string | null;
  isDefault: boolean;
  isPasskey: boolean;
  authenticatorName?: string | null;
  createdAt: string;
  lastUsedAt?: string | null;
}

export type ListedKind = 'SMS' | 'TOTP' | 'SECURITY_KEY';

/** Any method of the account, in the one shape the methods list shows. */
export interface ListedMethod {
  id: string;
  kind: ListedKind;
  description: string | null;
  isDefault: boolean;
  /** An SMS number still waiting for its confirmation code: it can only be removed. */
  pending: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  /** The masked number of an SMS method. */
  maskedPhoneNumber?: string;
  /** An SMS method's recent code deliveries (from the providers' receipts). */
  delivery?: { lastDeliveredAt?: string | null; consecutiveFailures: number; lastFailedAt?: string | null };
  /** A security key that is a passkey (discoverable credential). */
  isPasskey?: boolean;
  /** The authenticator's model when known, e.g. "YubiKey 5 Series". */
  authenticatorName?: string | null;
}

export interface MethodSources {
  smsMethods: readonly SmsMethodFieldsFragment[];
  totpMethods: readonly TotpMethodFieldsFragment[];
  securityKeys?: readonly SecurityKeyLike[];
}

/** Every method of every kind, oldest first. */
export function listedMethods({ smsMethods, totpMethods, securityKeys = [] }: MethodSources): ListedMethod[] {
  return [
    ...smsMethods.map(
      (m): ListedMethod => ({
        id: m.id,
        kind: 'SMS',
        description: m.description ?? null,
        isDefault: m.isDefault,
        pending: m.status !== 'ENABLED',
        createdAt: m.createdAt,
        lastUsedAt: m.lastUsedAt ?? null,
        maskedPhoneNumber: m.maskedPhoneNumber,
        delivery: m.delivery,
      }),
    ),
    ...totpMethods.map(
      (m): ListedMethod => ({
        id: m.id,
        kind: 'TOTP',
        description: m.description ?? null,
        isDefault: m.isDefault,
        pending: false,
        createdAt: m.createdAt,
        lastUsedAt: m.lastUsedAt ?? null,
      }),
    ),
    ...securityKeys.map(
      (m): ListedMethod => ({
        id: m.id,
        kind: 'SECURITY_KEY',
        description: m.description ?? null,
        isDefault: m.isDefault,
        pending: false,
        createdAt: m.createdAt,
        lastUsedAt: m.lastUsedAt ?? null,
        isPasskey: m.isPasskey,
        authenticatorName: m.authenticatorName ?? null,
      }),
    ),
  ].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** "SMS", "Authenticator app", "Security key" or "Passkey": the kind, as the list's first word. */
export function kindLabel(method: Pick<ListedMethod, 'kind' | 'isPasskey'>, t: Translator): string {
  if (method.kind === 'SMS') return t('methods.kind.sms');
  if (method.kind === 'TOTP') return t('secondFactor.app');
  return method.isPasskey ? t('methods.kind.passkey') : t('methods.kind.securityKey');
}

/**
 * How a sentence names the method: "+44 •••• ••3456 (Work phone)", "Authenticator app (Phone app)",
 * "Security key (Blue YubiKey)", "Passkey".
 */
export function methodWho(method: ListedMethod, t: Translator): string {
  if (method.kind === 'SMS') {
    const number = method.maskedPhoneNumber ?? '';
    return method.description ? `${number} (${method.description})` : number;
  }
  const kind = kindLabel(method, t);
  return method.description ? t('methods.named', { kind, name: method.description }) : kind;
}
