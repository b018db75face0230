import { Field } from './Field';
import { nextPhoneValue } from './phone-number';

interface PhoneNumberFieldProps {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | null;
  autoFocus?: boolean;
}

/** "Mobile number" in international format, formatted as typed (libphonenumber-js AsYouType). */
export function PhoneNumberField({
  id = 'mobile-number',
  value,
  onChange,
  onBlur,
  error,
  autoFocus,
}: PhoneNumberFieldProps) {
  return (
    <Field
      id={id}
      label="Mobile number"
      hint="International format, starting with + and the country code, e.g. +44 7700 900123."
      error={error}
    >
      {(aria) => (
        <input
          {...aria}
          type="tel"
          name="phone"
          autoComplete="tel"
          inputMode="tel"
          placeholder="+44 7700 900123"
          autoFocus={autoFocus}
          value={value}
          onChange={(event) => onChange(nextPhoneValue(value, event.target.value))}
          onBlur={onBlur}
        />
      )}
    </Field>
  );
}
