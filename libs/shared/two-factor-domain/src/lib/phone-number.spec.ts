import { maskPhoneNumber, parseCountryList, parseMobileNumber, regionOfNumber } from './phone-number';

describe('phone numbers', () => {
  it('normalises international input to E.164 with its region', () => {
    for (const input of ['+44 7700 900123', '+44.7700.900-123', ' +447700900123 ', '+44 (7700) 900123']) {
      expect(parseMobileNumber(input)).toEqual({ ok: true, value: { e164: '+447700900123', countryCode: 'GB' } });
    }
    expect(parseMobileNumber('+33 6 12 34 56 78')).toEqual({ ok: true, value: { e164: '+33612345678', countryCode: 'FR' } });
  });

  it('accepts the GB drama range used as the contract example, unless told not to', () => {
    expect(parseMobileNumber('+44 7700 900999')).toMatchObject({ ok: true });
    expect(parseMobileNumber('+447700900123', [], { allowFictional: false })).toMatchObject({ ok: false, problem: 'PHONE_NUMBER_INVALID' });
    expect(parseMobileNumber('+447400123456', [], { allowFictional: false })).toMatchObject({ ok: true, value: { countryCode: 'GB' } });
  });

  it('accepts fixed-line-or-mobile numbers (US)', () => {
    expect(parseMobileNumber('+1 201 555 0123')).toMatchObject({ ok: true, value: { countryCode: 'US' } });
  });

  it.each([
    ['national format', '07700 900123'],
    ['letters', '+44 7700 9OO123'],
    ['Unicode digits', '+44 ７７００ ９００１２３'],
    ['20 digits', '+12345678901234567890'],
    ['empty', ''],
    ['fixed line', '+44 20 7946 0123'],
    ['premium rate', '+44 909 879 0000'],
    ['toll free', '+44 800 123 4567'],
    ['not a number', '+999 1234567'],
  ])('refuses %s', (_label, input) => {
    expect(parseMobileNumber(input)).toMatchObject({ ok: false, problem: 'PHONE_NUMBER_INVALID' });
  });

  it('gives the region of an E.164 number as parseMobileNumber does, null when none', () => {
    expect(regionOfNumber('+33612345678')).toBe('FR');
    expect(regionOfNumber('+447700900123')).toBe('GB');
    expect(regionOfNumber('+447400123456')).toBe('GB');
    expect(regionOfNumber('+12015550123')).toBe('US');
    expect(regionOfNumber('+14165550123')).toBe('CA');
    expect(regionOfNumber('+9991234567')).toBeNull();
    expect(regionOfNumber('not a number')).toBeNull();
  });

  it('refuses regions outside the allow-list', () => {
    expect(parseMobileNumber('+33612345678', ['GB'])).toMatchObject({ ok: false, problem: 'COUNTRY_NOT_ALLOWED' });
    expect(parseMobileNumber('+447700900123', ['GB', 'FR'])).toMatchObject({ ok: true });
  });

  it('masks all but the country code and the last four digits', () => {
    expect(maskPhoneNumber('+447700900123')).toBe('+44 •••• ••0123');
    expect(maskPhoneNumber('+33612345678')).toBe('+33 • •• •• 56 78');
  });

  it('reads the allow-list', () => {
    expect(parseCountryList(' gb, FR ,,')).toEqual(['GB', 'FR']);
    expect(parseCountryList('')).toEqual([]);
    expect(parseCountryList(undefined)).toEqual([]);
  });
});
