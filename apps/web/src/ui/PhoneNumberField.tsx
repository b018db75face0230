import { useMemo } from 'react';
import type { MessageId } from '../i18n/messages/en';
import { useT } from '../i18n/translator';
import { Field } from './Field';
import {
  allCountries,
  callingCode,
  countryOf,
  exampleNumber,
  nextPhoneValue,
  type CountryCode,
  type PhoneProblem,
} from './phone-number';

export const PHONE_PROBLEM_MESSAGES: Record<PhoneProblem, MessageId> = {
  empty: 'phone.error.empty',
  characters: 'phone.error.characters',
  length: 'phone.error.length',
  notMobile: 'phone.error.notMobile',
  country: 'error.COUNTRY_NOT_ALLOWED',
};

interface PhoneNumberFieldProps {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  country: CountryCode;
  onCountryChange: (country: CountryCode) => void;
  /** The countries numbers may come from; all of them when the API restricts none. */
  countries?: readonly CountryCode[];
  onBlur?: () => void;
  /** A problem found before sending (worded here), or a sentence from the API. */
  error?: PhoneProblem | string | null;
  autoFocus?: boolean;
}

function isProblem(value: string): value is PhoneProblem {
  return value in PHONE_PROBLEM_MESSAGES;
}

/**
 * A country picker in front of "Mobile number": the number is typed as dialled in that country, or
 * with + and a country code (which then picks the country). Formatted as typed (AsYouType).
 */
export function PhoneNumberField({
  id = 'mobile-number',
  value,
  onChange,
  country,
  onCountryChange,
  countries,
  onBlur,
  error,
  autoFocus,
}: PhoneNumberFieldProps) {
  const t = useT();
  const list = countries ?? allCountries();
  const options = useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([t.locale], { type: 'region' });
    } catch {
      names = null;
    }
    return list
      .map((code) => ({ code, name: names?.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, t.locale));
  }, [list, t.locale]);
  const message = error ? (isProblem(error) ? t(PHONE_PROBLEM_MESSAGES[error]) : error) : null;

  return (
    <Field id={id} label={t('phone.label')} hint={t('phone.hint')} error={message}>
      {(aria) => (
        <div className="phone">
          <select
            id={`${id}-country`}
            className="phone__country"
            aria-label={t('phone.country')}
            autoComplete="tel-country-code"
            value={country}
            onChange={(event) => onCountryChange(event.target.value as CountryCode)}
          >
            {options.map((option) => (
              <option key={option.code} value={option.code}>
                {t('phone.countryOption', { name: option.name, code: callingCode(option.code) })}
              </option>
            ))}
          </select>
          <input
            {...aria}
            className="phone__number"
            type="tel"
            name="phone"
            autoComplete="tel"
            inputMode="tel"
            placeholder={exampleNumber(country) ?? ''}
            autoFocus={autoFocus}
            value={value}
            onChange={(event) => {
              const next = nextPhoneValue(value, event.target.value, country);
              onChange(next);
              const detected = countryOf(next);
              if (detected && detected !== country && list.includes(detected)) onCountryChange(detected);
            }}
            onBlur={onBlur}
          />
        </div>
      )}
    </Field>
  );
}
