import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';

export type PhoneNumberProblem = 'PHONE_NUMBER_INVALID' | 'COUNTRY_NOT_ALLOWED';

export interface ParsedPhoneNumber {
  /** E.164, e.g. +447700900123 */
  e164: string;
  /** ISO 3166-1 alpha-2 region, e.g. GB */
  countryCode: string;
}

export type PhoneNumberResult = { ok: true; value: ParsedPhoneNumber } | { ok: false; problem: PhoneNumberProblem; message: string };

/** Number types that reach a handset able to receive SMS. */
const SMS_CAPABLE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * Ofcom reserves +44 7700 900000–900999 for drama; libphonenumber calls them invalid, yet the
 * contract uses +44 7700 900123 as its example. They are accepted as GB mobiles unless the
 * caller opts out (production deployments may set SMS_ALLOW_FICTIONAL_NUMBERS=false).
 */
const GB_DRAMA_MOBILE = /^\+447700900[0-9]{3}$/;

export interface ParseMobileOptions {
  allowFictional?: boolean;
}

/**
 * Parses international input ("+44 7700 900123", "+44.7700.900-123") into E.164 with the
 * full libphonenumber metadata, and accepts only numbers whose type can receive SMS.
 * `allowedCountries` empty means every region.
 */
export function parseMobileNumber(
  input: string,
  allowedCountries: readonly string[] = [],
  options: ParseMobileOptions = { allowFictional: true },
): PhoneNumberResult {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  if (!/^\+[0-9]{6,15}$/.test(compact)) {
    return { ok: false, problem: 'PHONE_NUMBER_INVALID', message: 'Enter the number in international format, e.g. +44 7700 900123.' };
  }
  if (options.allowFictional && GB_DRAMA_MOBILE.test(compact)) return checkRegion({ e164: compact, countryCode: 'GB' }, allowedCountries);
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(compact);
  } catch {
    return { ok: false, problem: 'PHONE_NUMBER_INVALID', message: 'This is not a valid phone number.' };
  }
  if (!parsed.isValid() || !parsed.country) {
    return { ok: false, problem: 'PHONE_NUMBER_INVALID', message: 'This is not a valid phone number.' };
  }
  const type = parsed.getType();
  if (!type || !SMS_CAPABLE_TYPES.has(type)) {
    return { ok: false, problem: 'PHONE_NUMBER_INVALID', message: 'This number cannot receive SMS: use a mobile number.' };
  }
  return checkRegion({ e164: parsed.number, countryCode: parsed.country }, allowedCountries);
}

function checkRegion(value: ParsedPhoneNumber, allowedCountries: readonly string[]): PhoneNumberResult {
  if (allowedCountries.length > 0 && !allowedCountries.includes(value.countryCode)) {
    return { ok: false, problem: 'COUNTRY_NOT_ALLOWED', message: `Numbers from ${value.countryCode} are not accepted.` };
  }
  return { ok: true, value };
}

/**
 * The ISO 3166 region of an E.164 number as parseMobileNumber gives it (the GB drama range is GB),
 * or null when libphonenumber cannot place it. The worker's routes and allow-list read it per send.
 */
export function regionOfNumber(e164: string): string | null {
  if (GB_DRAMA_MOBILE.test(e164)) return 'GB';
  try {
    return parsePhoneNumberWithError(e164).country ?? null;
  } catch {
    return null;
  }
}

/** "+447700900123" → "+44 •••• ••0123": the country code and the last 4 digits stay readable. */
export function maskPhoneNumber(e164: string): string {
  let international = e164;
  try {
    international = parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    // keep the raw E.164 form
  }
  const [countryPart, ...rest] = international.split(' ');
  const national = rest.length > 0 ? rest.join(' ') : international.slice(countryPart.length);
  const digitCount = national.replace(/\D/g, '').length;
  let seen = 0;
  const masked = national.replace(/\d/g, (d) => (++seen > digitCount - 4 ? d : '•'));
  return `${countryPart} ${masked}`.trim();
}

/** The region list of SMS_ALLOWED_COUNTRIES, upper-cased; empty means all. */
export function parseCountryList(value: string | undefined): CountryCode[] {
  return (value ?? '')
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean) as CountryCode[];
}
