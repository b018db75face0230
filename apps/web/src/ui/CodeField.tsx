import { useEffect, useRef } from 'react';
import { Field } from './Field';
import { formatBackupCode, sanitizeSmsCode, SMS_CODE_LENGTH } from './code-input';

interface CodeFieldProps {
  id?: string;
  label: string;
  /** sms: 6 digits from an SMS (WebOTP too); totp: 6 digits an authenticator app shows; backup: emergency code. */
  kind?: 'sms' | 'totp' | 'backup';
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  autoFocus?: boolean;
}

/**
 * A one-time code field. SMS and authenticator app: digits only, numeric keypad,
 * `autocomplete="one-time-code"` so phones, browsers and password managers can offer the code (the
 * SMS one is also read by WebOTP where the browser has it). Emergency code: letters and digits
 * grouped by four.
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
  useWebOtp(kind === 'sms', onChange);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(aria) =>
        kind !== 'backup' ? (
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

/**
 * Chrome on Android can read the code from the SMS itself (WebOTP): the API ends every message with
 * the origin-bound line "@<host> #123456". Elsewhere `autocomplete="one-time-code"` does the job.
 */
function useWebOtp(enabled: boolean, onCode: (code: string) => void) {
  const latest = useRef(onCode);
  latest.current = onCode;
  useEffect(() => {
    if (!enabled || typeof window === 'undefined' || !('OTPCredential' in window)) return undefined;
    const abort = new AbortController();
    const request = { otp: { transport: ['sms'] }, signal: abort.signal } as CredentialRequestOptions;
    navigator.credentials
      .get(request)
      .then((credential) => {
        const code = (credential as (Credential & { code?: string }) | null)?.code;
        if (code) latest.current(sanitizeSmsCode(code));
      })
      .catch(() => undefined); // aborted, denied or timed out: the customer types the code
    return () => abort.abort();
  }, [enabled]);
}
