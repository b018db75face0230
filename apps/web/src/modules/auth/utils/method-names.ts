import type { LoginMethodFieldsFragment } from '../../../gql/graphql';
import type { Translator } from '../../../i18n/translator';

/**
 * "SMS to +44 •••• ••0123 (Personal phone)", "Authenticator app (Phone app)" or "Emergency code", in
 * the reader's language (the API's `label` is English; it is the fallback for a kind this app does
 * not know yet).
 */
export function methodName(method: LoginMethodFieldsFragment, t: Translator): string {
  if (method.kind === 'BACKUP_CODE') return t('secondFactor.emergencyCode');
  if (method.kind === 'SMS' && method.maskedPhoneNumber) return t('secondFactor.smsTo', { target: smsTarget(method) });
  if (method.kind === 'TOTP') return appName(method.description, t);
  if (method.kind === 'SECURITY_KEY') return keyName(method.description, t);
  return method.label;
}

/** "Security key or passkey (Blue key)", or "Security key or passkey" when it has no description. */
export function keyName(description: string | null | undefined, t: Translator): string {
  return description ? t('secondFactor.key.named', { name: description }) : t('secondFactor.key');
}

/**
 * "Try another method": the default method first (of any kind), then the others in the API's order
 * (every number, app and key, then the emergency codes).
 */
export function defaultFirst(
  methods: readonly LoginMethodFieldsFragment[],
  defaultMethod: LoginMethodFieldsFragment,
): LoginMethodFieldsFragment[] {
  const rest = methods.filter((method) => method.id !== defaultMethod.id);
  return methods.length === rest.length ? [...methods] : [defaultMethod, ...rest];
}

/** "Authenticator app (Phone app)", or "Authenticator app" when it has no description. */
export function appName(description: string | null | undefined, t: Translator): string {
  return description ? t('secondFactor.app.named', { name: description }) : t('secondFactor.app');
}

/** "+44 •••• ••0123 (Work phone)", falling back to the API's label. */
export function smsTarget(method: LoginMethodFieldsFragment): string {
  if (!method.maskedPhoneNumber) return method.label;
  return method.description ? `${method.maskedPhoneNumber} (${method.description})` : method.maskedPhoneNumber;
}
