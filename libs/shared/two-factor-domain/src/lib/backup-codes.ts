import { randomInt } from 'node:crypto';

/** Crockford-like alphabet without 0, 1, I and O: nothing to misread on paper. */
export const BACKUP_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const BACKUP_CODE_LENGTH = 16; // 16 × 5 bits = 80 bits
export const BACKUP_CODE_COUNT = 10;

/** One emergency code, shown as XXXX-XXXX-XXXX-XXXX. */
export function generateBackupCode(): string {
  let raw = '';
  for (let i = 0; i < BACKUP_CODE_LENGTH; i++) raw += BACKUP_CODE_ALPHABET[randomInt(BACKUP_CODE_ALPHABET.length)];
  return formatBackupCode(raw);
}

export function generateBackupCodeSet(count = BACKUP_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateBackupCode());
  return [...codes];
}

export function formatBackupCode(raw: string): string {
  return raw.match(/.{1,4}/g)?.join('-') ?? raw;
}

/**
 * Case-, dash- and space-insensitive form used for hashing and checking; null when the
 * input cannot be an emergency code (wrong length or a character outside the alphabet).
 */
export function normalizeBackupCode(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (compact.length !== BACKUP_CODE_LENGTH) return null;
  for (const ch of compact) if (!BACKUP_CODE_ALPHABET.includes(ch)) return null;
  return compact;
}
