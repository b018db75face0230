import { generateSecret, generateSync, verifySync } from 'otplib';

/** RFC 6238 as the contract fixes it: SHA-1, 6 digits, 30-second steps, one step either side. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const SECRET_BYTES = 20; // 160 bits

/** A fresh 160-bit secret from the CSPRNG, Base32 (what apps accept for manual entry). */
export function newTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/** `otpauth://totp/Twofold:<email>?secret=…&issuer=Twofold` for the QR code. */
export function totpUri(secret: string, email: string): string {
  // '@' is a valid path character (RFC 3986): the label reads as the contract shows it. The defaults
  // (SHA1, 6 digits, 30 s) are what every app assumes, so they are left out, as Google's format allows.
  const label = encodeURIComponent(email).replace(/%40/g, '@');
  return `otpauth://totp/Twofold:${label}?secret=${secret}&issuer=Twofold`;
}

/**
 * The time step a 6-digit `code` belongs to for this secret, within one step either side of
 * `now`, or null. The caller refuses a step it has accepted before (replay).
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOTP_PERIOD_SECONDS, period: TOTP_PERIOD_SECONDS, digits: TOTP_DIGITS, algorithm: 'sha1' });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}

/** The code an app shows at `at` (tests and the dev tools only). */
export function totpCodeAt(secret: string, at: Date): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000), period: TOTP_PERIOD_SECONDS, digits: TOTP_DIGITS, algorithm: 'sha1' });
}
