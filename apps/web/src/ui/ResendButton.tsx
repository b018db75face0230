import { useEffect, useState } from 'react';
import { useT } from '../i18n/translator';
import { formatCountdown, secondsUntil } from './countdown';

interface ResendButtonProps {
  /** Earliest moment a new code may be requested (SmsCodeDispatch.resendAvailableAt). */
  availableAt: string | null | undefined;
  onResend: () => void;
  busy?: boolean;
  label?: string;
  now?: () => number;
}

/** "Resend code", disabled and counting down until `availableAt`. */
export function ResendButton({ availableAt, onResend, busy, label, now = Date.now }: ResendButtonProps) {
  const t = useT();
  const [remaining, setRemaining] = useState(() => secondsUntil(availableAt, now()));
  const text = label ?? t('resend.label');

  useEffect(() => {
    setRemaining(secondsUntil(availableAt, now()));
    const timer = window.setInterval(() => {
      const left = secondsUntil(availableAt, now());
      setRemaining(left);
      if (left === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [availableAt, now]);

  const waiting = remaining > 0;
  return (
    <button
      type="button"
      className="button button--secondary button--countdown"
      onClick={onResend}
      disabled={waiting || busy}
    >
      {waiting
        ? t.rich('resend.in', {
            label: text,
            time: formatCountdown(remaining),
            countdown: (chunks) => <span className="countdown">{chunks}</span>,
          })
        : busy
          ? t('common.sending')
          : text}
    </button>
  );
}
