export const SMS_CODE_LENGTH = 6;
/** Alphabet of emergency codes (contract: no 0, 1, I, O). */
const BACKUP_ALPHABET = /[^23456789ABCDEFGHJKLMNPQRSTUVWXYZ]/g;

/** Keeps the digits of what was typed or pasted ("123 456", "#123456"), at most six. */
export function sanitizeSmsCode(value: string): string {
  return value.replace(/\D/g, '').slice(0, SMS_CODE_LENGTH);
}

export function isCompleteSmsCode(value: string): boolean {
  return /^\d{6}$/.test(value);
}

/** Upper-cases and groups an emergency code as XXXX-XXXX-XXXX-XXXX while it is typed. */
export function formatBackupCode(value: string): string {
  const chars = value.toUpperCase().replace(BACKUP_ALPHABET, '').slice(0, 16);
  return chars.replace(/(.{4})(?=.)/g, '$1-');
}

export function isCompleteBackupCode(value: string): boolean {
  return value.replace(/-/g, '').length === 16;
}
