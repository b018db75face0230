import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const SMS_CODE_LENGTH = 6;

/** A uniformly random 6-digit code from the OS CSPRNG (leading zeros kept). */
export function generateSmsCode(): string {
  return randomInt(0, 10 ** SMS_CODE_LENGTH)
    .toString()
    .padStart(SMS_CODE_LENGTH, '0');
}

/**
 * What the customer typed, reduced to the code: spaces and dashes are ignored,
 * anything but exactly 6 ASCII digits is not a code (null). Unicode digits are refused
 * on purpose: they would compare unequal anyway and only confuse.
 */
export function normalizeSmsCode(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '');
  return /^[0-9]{6}$/.test(compact) ? compact : null;
}

/**
 * HMAC-SHA256 of a code bound to where it may be used (`scope`: purpose, method, ticket).
 * Only this digest is stored, so a database dump does not reveal codes, and a code
 * issued for one scope never matches in another.
 */
export function hmacCode(key: Buffer, scope: string, code: string): Buffer {
  return createHmac('sha256', key).update(scope).update('\0').update(code).digest();
}

/** Constant-time comparison of two digests (false on length mismatch). */
export function digestsEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
