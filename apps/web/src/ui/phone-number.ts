import {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/mobile';
import examples from 'libphonenumber-js/mobile/examples';

/**
 * Phone number helpers on libphonenumber's "mobile" metadata: a number is valid here only when
 * it can be a mobile (mobile, or fixed-line-or-mobile), which is what the API accepts. A number is
 * typed either as dialled at home in the chosen country ("07911 123456") or internationally
 * ("+44 7911 123456", which then picks the country).
 */
export type { CountryCode };

/** Why a number is refused before it is sent; the field words it in the reader's language. */
export type PhoneProblem = 'empty' | 'characters' | 'length' | 'notMobile' | 'country';

let every: readonly CountryCode[] | null = null;

/** Every region libphonenumber knows, for when the API restricts none (one array, kept). */
export function allCountries(): readonly CountryCode[] {
  every ??= getCountries();
  return every;
}

export function callingCode(country: CountryCode): string {
  return getCountryCallingCode(country);
}

/** A mobile number of `country` as dialled there, for the placeholder: "07400 123456". */
export function exampleNumber(country: CountryCode): string | undefined {
  return getExampleNumber(country, examples)?.formatNational();
}

export function isCountryCode(value: string): value is CountryCode {
  return (allCountries() as readonly string[]).includes(value);
}

/**
 * The country to offer first: the region of the browser's languages ("en-GB" → GB), else the usual
 * country of the first language we know ("fr" → FR), else the first allowed one.
 */
const LANGUAGE_COUNTRY: Record<string, CountryCode> = { en: 'GB', fr: 'FR' };
export function defaultCountry(languages: readonly string[], allowed: readonly CountryCode[]): CountryCode {
  const ok = (c: string | undefined): c is CountryCode => !!c && (allowed as readonly string[]).includes(c);
  for (const tag of languages) {
    const region = tag.split('-')[1]?.toUpperCase();
    if (ok(region)) return region;
  }
  for (const tag of languages) {
    const fallback = LANGUAGE_COUNTRY[tag.split('-')[0].toLowerCase()];
    if (ok(fallback)) return fallback;
  }
  return allowed[0] ?? 'GB';
}

function cleanDigits(value: string): string {
  return value.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
}

export function formatPhoneAsYouType(value: string, country?: CountryCode): string {
  const cleaned = cleanDigits(value);
  if (cleaned.startsWith('+')) return new AsYouType().input(cleaned);
  if (!country || cleaned === '') return value;
  return new AsYouType(country).input(cleaned);
}

/** The next value for the field: formats while the customer types, leaves deletions alone. */
export function nextPhoneValue(previous: string, typed: string, country?: CountryCode): string {
  const digits = (s: string) => s.replace(/\D/g, '');
  const deleting = typed.length < previous.length;
  if (deleting) return typed;
  // Turn a leading "00" into "+", as people often type it.
  const normalised = typed.replace(/^\s*00/, '+');
  if (digits(normalised) === '' && !normalised.includes('+')) return normalised;
  return formatPhoneAsYouType(normalised, country);
}

/** The country of an international number as typed so far ("+33 6 12…" → FR), if it is clear. */
export function countryOf(value: string): CountryCode | undefined {
  const cleaned = cleanDigits(value);
  if (!cleaned.startsWith('+')) return undefined;
  const typer = new AsYouType();
  typer.input(cleaned);
  return typer.getCountry();
}

/**
 * Ofcom's drama range (+44 7700 900000–900999): libphonenumber calls it invalid, but the API accepts
 * it unless SMS_ALLOW_FICTIONAL_NUMBERS=false (then its own reason is shown), and the contract's
 * examples use it.
 */
const GB_DRAMA_MOBILE = /^\+447700900\d{3}$/;

/** E.164 form of a number, e.g. +447911123456 (national numbers read in `country`). */
export function toE164(value: string, country?: CountryCode): string {
  const trimmed = value.trim();
  const parsed = parsePhoneNumberFromString(trimmed, trimmed.startsWith('+') ? undefined : country);
  if (parsed) return parsed.number;
  const digits = cleanDigits(trimmed);
  if (digits.startsWith('+') || !country) return digits;
  return `+${getCountryCallingCode(country)}${digits.replace(/^0/, '')}`;
}

/** null when the number may be sent to the API; otherwise why not. */
export function validatePhoneNumber(
  value: string,
  country?: CountryCode,
  allowed?: readonly CountryCode[],
): PhoneProblem | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'empty';
  if (/[^\d\s+().-]/.test(trimmed) || /(?!^)\+/.test(trimmed)) return 'characters';
  const international = trimmed.startsWith('+');
  if (!international && !country) return 'length';
  if (GB_DRAMA_MOBILE.test(toE164(trimmed, country))) {
    return allowed && !allowed.includes('GB') ? 'country' : null;
  }
  const parsed = parsePhoneNumberFromString(trimmed, international ? undefined : country);
  if (!parsed || !parsed.isPossible()) return 'length';
  if (!parsed.isValid()) return 'notMobile';
  if (allowed && parsed.country && !allowed.includes(parsed.country)) return 'country';
  return null;
}
