import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const DESCRIPTION_MAX_LENGTH = 100;
export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;

const commonPasswords = new Set<string>((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** Emails are trimmed and compared case-insensitively. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailProblem(email: string): string | null {
  const e = email.trim();
  if (e.length === 0) return 'Enter your email address.';
  if (e.length > EMAIL_MAX_LENGTH) return `At most ${EMAIL_MAX_LENGTH} characters.`;
  if (!isCleanText(e)) return 'Enter a valid email address.';
  if (!/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(e)) return 'Enter a valid email address.';
  return null;
}

/** Length in code points (what a person counts), 10 to 256, and not on the common-passwords list. */
export function passwordProblem(password: string): string | null {
  if (LONE_SURROGATE.test(password)) return 'This password contains an invalid character.';
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (commonPasswords.has(password.toLowerCase())) return 'This password is too common: choose another.';
  return null;
}

const CONTROL_CHARS = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** A lone UTF-16 surrogate: no UTF-8 encoding exists, so PostgreSQL would refuse (or alter) it. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * No control or format characters and no lone surrogate: text that PostgreSQL stores as typed.
 * Checked before any SQL sees an email (a NUL byte is refused by the server, mid-transaction).
 */
export function isCleanText(input: string): boolean {
  return !CONTROL_CHARS.test(input) && !LONE_SURROGATE.test(input);
}

/** Trimmed text of at most `max` characters with no control characters; empty becomes null. */
export function cleanText(input: string | null | undefined, max: number): { ok: true; value: string | null } | { ok: false; message: string } {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (!isCleanText(input)) return { ok: false, message: 'Control characters are not allowed.' };
  const value = input.trim();
  if ([...value].length > max) return { ok: false, message: `At most ${max} characters.` };
  return { ok: true, value: value.length > 0 ? value : null };
}

/** "Ada Lovelace" → "AL", "cher" → "C"; falls back to "?" for a name with no letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter((w) => /\p{L}|\p{N}/u.test(w));
  if (words.length === 0) return '?';
  const first = [...words[0]][0];
  const last = words.length > 1 ? [...words[words.length - 1]][0] : '';
  return (first + last).toLocaleUpperCase();
}
