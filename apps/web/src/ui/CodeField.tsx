import { useEffect, useRef } from 'react';
import { Field } from './Field';
import { formatBackupCode, sanitizeSmsCode, SMS_CODE_LENGTH } from './code-input';

interface CodeFieldProps {
  id?: string;
  label: string;
  kind?: 'sms' | 'backup';
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  autoFocus?: boolean;
}

/**
 * A one-time code field. SMS: digits only, numeric keypad, `autocomplete="one-time-code"` so phones
 * and browsers can offer the code from the SMS. Emergency code: letters and digits grouped by four.
 */
export function CodeField({
  id = 'code',
  label,
  kind = 'sms',
  value,
  onChange,
  error,
  hint,
  autoFocus,
}: CodeFieldProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(aria) =>
        kind === 'sms' ? (
          <input
            {...aria}
            ref={ref}
            className="code-input"
            type="text"
            name="one-time-code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={SMS_CODE_LENGTH + 4}
            spellCheck={false}
            value={value}
            onChange={(event) => onChange(sanitizeSmsCode(event.target.value))}
          />
        ) : (
          <input
            {...aria}
            ref={ref}
            className="code-input code-input--backup"
            type="text"
            name="emergency-code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={24}
            value={value}
            onChange={(event) => onChange(formatBackupCode(event.target.value))}
          />
        )
      }
    </Field>
  );
}
