import { BACKUP_CODE_METHOD_ID, TwoFactorMethodKind, type LoginMethodModel } from './dto/two-factor-challenge.type';

/** One method as a plug-in describes it for the challenge, with whether it is the account's default. */
export interface DescribedMethod extends LoginMethodModel {
  isDefault: boolean;
}

/** "SMS to +44 •••• ••0123 (Work phone)". */
export function smsLabel(maskedPhoneNumber: string, description: string | null): string {
  return `SMS to ${maskedPhoneNumber}${description ? ` (${description})` : ''}`;
}

export const SECURITY_KEY_LABEL = 'Security key';

/** "Security key (Office key)", else the model's name from its AAGUID ("Security key (YubiKey 5 Series)"), else "Security key". */
export function securityKeyLabel(description: string | null, authenticatorName: string | null): string {
  const what = description || authenticatorName;
  return what ? `${SECURITY_KEY_LABEL} (${what})` : SECURITY_KEY_LABEL;
}

export const BACKUP_CODE_LABEL = 'Emergency code';

/** The emergency codes as a login method (a fixed id; shown while codes remain). */
export function backupCodeMethod(): DescribedMethod {
  return { id: BACKUP_CODE_METHOD_ID, kind: TwoFactorMethodKind.BACKUP_CODE, label: BACKUP_CODE_LABEL, maskedPhoneNumber: null, description: null, isDefault: false };
}

/**
 * The challenge's methods ("Try another method"): the default first, then every other method in
 * the order the plug-ins gave them (oldest first within a kind), emergency codes last.
 */
export function orderChallengeMethods(methods: DescribedMethod[]): LoginMethodModel[] {
  const isBackup = (m: DescribedMethod) => m.kind === TwoFactorMethodKind.BACKUP_CODE;
  const rest = methods.filter((m) => !isBackup(m));
  const ordered = [...rest.filter((m) => m.isDefault), ...rest.filter((m) => !m.isDefault), ...methods.filter(isBackup)];
  return ordered.map(({ isDefault: _isDefault, ...m }) => m);
}
