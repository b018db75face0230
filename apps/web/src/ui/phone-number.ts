import { AsYouType, parsePhoneNumberFromString } from 'libphonenumber-js/mobile';

/**
 * Phone number helpers on libphonenumber's "mobile" metadata: a number is valid here only when
 * it can be a mobile (mobile, or fixed-line-or-mobile), which is what the API accepts.
 */
export function formatPhoneAsYouType(value: string): string {
  const cleaned = value.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  if (!cleaned.startsWith('+')) return value;
  return new AsYouType().input(cleaned);
}

/** The next value for the field: formats while the customer types, leaves deletions alone. */
export function nextPhoneValue(previous: string, typed: string): string {
  const digits = (s: string) => s.replace(/\D/g, '');
  const deleting = typed.length < previous.length;
  if (deleting) return typed;
  // Turn a leading "00" into "+", as people often type it.
  const normalised = typed.replace(/^\s*00/, '+');
  if (digits(normalised) === '' && !normalised.includes('+')) return normalised;
  return formatPhoneAsYouType(normalised);
}

/**
 * Ofcom's drama range (+44 7700 900000–900999): libphonenumber calls it invalid, but the API accepts
 * it unless SMS_ALLOW_FICTIONAL_NUMBERS=false (then its own reason is shown), and the contract's
 * examples use it.
 */
const GB_DRAMA_MOBILE = /^\+447700900\d{3}$/;

/** null when the number may be sent to the API; otherwise the reason, in plain words. */
export function validatePhoneNumber(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter your mobile number.';
  if (!trimmed.startsWith('+')) return 'Start with + and the country code, for example +44 7700 900123.';
  if (/[^\d\s+().-]/.test(trimmed)) return 'Use only digits, spaces and a leading +.';
  if (GB_DRAMA_MOBILE.test(trimmed.replace(/[\s().-]/g, ''))) return null;
  const parsed = parsePhoneNumberFromString(trimmed);
  if (!parsed || !parsed.isPossible()) return 'This number is too short or too long. Check the digits.';
  if (!parsed.isValid()) return "This doesn't look like a mobile number that can receive SMS. Check the digits.";
  return null;
}

/** E.164 form of a valid number, e.g. +447911123456. */
export function toE164(value: string): string {
  const parsed = parsePhoneNumberFromString(value.trim());
  return parsed ? parsed.number : value.replace(/[^\d+]/g, '');
}
