import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../i18n/locales';

interface LocaleSelectProps {
  id: string;
  value: Locale;
  onChange: (locale: Locale) => void;
  disabled?: boolean;
  describedBy?: string;
}

/** Each language by its own name (and `lang`), so a reader who does not understand the page still finds theirs. */
export function LocaleSelect({ id, value, onChange, disabled, describedBy }: LocaleSelectProps) {
  return (
    <select
      id={id}
      aria-describedby={describedBy}
      value={value}
      disabled={disabled}
      onChange={(event) => {
        if (isLocale(event.target.value)) onChange(event.target.value);
      }}
    >
      {LOCALES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LOCALE_NAMES[code]}
        </option>
      ))}
    </select>
  );
}
