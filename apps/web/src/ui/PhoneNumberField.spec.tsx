import { useState } from 'react';
import { screen } from '@testing-library/react';
import { render } from '../test/render';
import userEvent from '@testing-library/user-event';
import { PhoneNumberField } from './PhoneNumberField';
import {
  countryOf,
  defaultCountry,
  nextPhoneValue,
  toE164,
  validatePhoneNumber,
  type CountryCode,
} from './phone-number';

function Harness({ initial = 'GB', countries }: { initial?: CountryCode; countries?: readonly CountryCode[] }) {
  const [value, setValue] = useState('');
  const [country, setCountry] = useState<CountryCode>(initial);
  return (
    <PhoneNumberField
      value={value}
      onChange={setValue}
      country={country}
      onCountryChange={setCountry}
      countries={countries}
      error={value ? validatePhoneNumber(value, country, countries) : null}
    />
  );
}

describe('PhoneNumberField', () => {
  it('is labelled "Mobile number" and formats in international format as the customer types', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('Mobile number');
    expect(input).toHaveProperty('type', 'tel');
    await userEvent.type(input, '+447911123456');
    expect(input).toHaveProperty('value', '+44 7911 123456');
    await userEvent.clear(input);
    await userEvent.type(input, '+33612345678');
    expect(input).toHaveProperty('value', '+33 6 12 34 56 78');
  });

  it('lets the customer delete a formatting space without it coming back', () => {
    expect(nextPhoneValue('+44 7911 ', '+44 7911')).toBe('+44 7911');
    expect(nextPhoneValue('', '0044 7911')).toBe('+44 7911');
  });

  it('shows why a number is refused before anything is sent', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('Mobile number');
    await userEvent.type(input, '0712');
    expect(screen.getByRole('alert').textContent).toMatch(/too short or too long/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('puts a country picker in front: national numbers are formatted for it, + numbers pick it', async () => {
    render(<Harness />);
    const country = screen.getByLabelText('Country') as HTMLSelectElement;
    const input = screen.getByLabelText('Mobile number');
    expect(country.value).toBe('GB');
    expect(screen.getByRole('option', { name: 'United Kingdom (+44)' })).toBeTruthy();
    await userEvent.type(input, '07911123456');
    expect(input).toHaveProperty('value', '07911 123456');
    expect(screen.getByRole('alert').textContent).toBe('');

    await userEvent.clear(input);
    await userEvent.selectOptions(country, 'FR');
    expect(input.getAttribute('placeholder')).toMatch(/^06/);
    await userEvent.type(input, '0612345678');
    expect(input).toHaveProperty('value', '06 12 34 56 78');

    await userEvent.clear(input);
    await userEvent.type(input, '+49 1512 3456789');
    expect(country.value).toBe('DE');
  });

  it('offers only the allowed countries, with their names in the page language', () => {
    render(<Harness initial="FR" countries={['FR', 'BE']} />, { locale: 'fr' });
    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['Belgique (+32)', 'France (+33)']);
    expect(screen.getByLabelText('Numéro de mobile')).toBeTruthy();
  });
});

describe('validatePhoneNumber', () => {
  it.each([
    ['', 'empty'],
    ['+44 79', 'length'],
    ['0712', 'length'],
    ['+44 20 7946 0000', 'notMobile'], // London landline
    ['020 7946 0000', 'notMobile'],
    ['+44 7911 12345a', 'characters'],
    ['07911 1+23456', 'characters'],
  ])('refuses %p', (value, problem) => {
    expect(validatePhoneNumber(value, 'GB')).toBe(problem);
  });

  it.each([
    '+44 7700 900123',
    '07700 900123',
    '+44 7911 123456',
    '07911 123456',
    '+33 6 12 34 56 78',
    '+1 415 555 2671',
    '+49 1512 3456789',
  ])('accepts %p', (value) => {
    expect(validatePhoneNumber(value, 'GB')).toBeNull();
  });

  it('refuses a country that is not allowed', () => {
    expect(validatePhoneNumber('+44 7911 123456', 'FR', ['FR'])).toBe('country');
    expect(validatePhoneNumber('+44 7700 900123', 'FR', ['FR'])).toBe('country');
    expect(validatePhoneNumber('06 12 34 56 78', 'FR', ['FR'])).toBeNull();
  });

  it('sends E.164 to the API', () => {
    expect(toE164('+44 7911 123456')).toBe('+447911123456');
    expect(toE164('07911 123456', 'GB')).toBe('+447911123456');
    expect(toE164('07700 900123', 'GB')).toBe('+447700900123');
    expect(toE164('06 12 34 56 78', 'FR')).toBe('+33612345678');
  });

  it('finds the country of an international number, and a first country from the languages', () => {
    expect(countryOf('+33 6 12')).toBe('FR');
    expect(countryOf('07911')).toBeUndefined();
    const all: CountryCode[] = ['GB', 'FR', 'US', 'BE'];
    expect(defaultCountry(['fr-BE', 'fr'], all)).toBe('BE');
    expect(defaultCountry(['fr'], all)).toBe('FR');
    expect(defaultCountry(['en-US'], all)).toBe('US');
    expect(defaultCountry(['de'], ['FR'])).toBe('FR');
  });
});
