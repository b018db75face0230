import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PhoneNumberField } from './PhoneNumberField';
import { nextPhoneValue, toE164, validatePhoneNumber } from './phone-number';

function Harness() {
  const [value, setValue] = useState('');
  return <PhoneNumberField value={value} onChange={setValue} error={value ? validatePhoneNumber(value) : null} />;
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
    await userEvent.type(input, '07911123456');
    expect(screen.getByRole('alert').textContent).toMatch(/Start with \+ and the country code/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('validatePhoneNumber', () => {
  it.each([
    ['', 'Enter your mobile number.'],
    ['7911 123456', /Start with \+/],
    ['+44 79', /too short or too long/],
    ['+44 20 7946 0000', /mobile number that can receive SMS/], // London landline
    ['+44 7911 12345a', /Use only digits/],
  ])('refuses %p', (value, message) => {
    expect(validatePhoneNumber(value)).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });

  it.each(['+44 7700 900123', '+44 7911 123456', '+33 6 12 34 56 78', '+1 415 555 2671', '+49 1512 3456789'])(
    'accepts %p',
    (value) => {
      expect(validatePhoneNumber(value)).toBeNull();
    },
  );

  it('sends E.164 to the API', () => {
    expect(toE164('+44 7911 123456')).toBe('+447911123456');
  });
});
