import { useEffect, useRef } from 'react';
import { Link } from '../../../app/router';
import { formatDateTime } from '../../../i18n/dates';
import type { Locale } from '../../../i18n/locales';
import { createAppIntl, useT } from '../../../i18n/translator';
import { secondsUntil } from '../../../ui/countdown';
import { useNow } from '../../../ui/use-now';
import { formatRecoveryWait } from '../utils/recovery-time';

/** How long after readyAt (by this browser's clock) the page asks the API again, so a clock ahead of the server's does not spin. */
const MARGIN_MS = 1500;

/**
 * A confirmed recovery's waiting period: "Two-factor authentication will be removed on <date>" (the
 * date in the account's language), the time left, and honestly what cancels it: a login with any
 * second step, or "This wasn't me" in the notice e-mail (a remembered device does not). At readyAt,
 * and whenever the tab comes back into view, the page reads the recovery again (`onCheck`).
 */
export function RecoveryCountdown({
  readyAt,
  locale,
  onCheck,
  focusOnMount = false,
}: {
  readyAt: string;
  locale: Locale;
  onCheck: () => void;
  /** Just started by the customer's click: focus moves here from the button that went away. */
  focusOnMount?: boolean;
}) {
  const t = useT();
  const card = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusOnMount) card.current?.focus();
  }, [focusOnMount]);
  const now = useNow(1000);
  const left = secondsUntil(readyAt, now);

  useEffect(() => {
    const ms = Date.parse(readyAt) - Date.now();
    // setTimeout holds at most 2^31 - 1 ms (24.8 days); a longer wait is re-read when the tab is shown again.
    if (Number.isNaN(ms) || ms > 2 ** 31 - 1 - MARGIN_MS) return undefined;
    const timer = window.setTimeout(onCheck, Math.max(0, ms) + MARGIN_MS);
    return () => window.clearTimeout(timer);
  }, [readyAt, onCheck]);

  useEffect(() => {
    const visible = () => {
      if (document.visibilityState === 'visible') onCheck();
    };
    document.addEventListener('visibilitychange', visible);
    return () => document.removeEventListener('visibilitychange', visible);
  }, [onCheck]);

  return (
    <>
      <div ref={card} tabIndex={-1} className="card recovery-countdown">
        <p>
          {t.rich('recovery.waiting.when', {
            date: formatDateTime(createAppIntl(locale), readyAt),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        <p className="muted">{t('recovery.waiting.left', { wait: formatRecoveryWait(left, t) })}</p>
        <p>{t('recovery.waiting.comeBack')}</p>
      </div>
      <section className="section" aria-labelledby="recovery-cancel-title">
        <h2 id="recovery-cancel-title">{t('recovery.cancel.title')}</h2>
        <p>{t.rich('recovery.cancel.secondFactor', { link: (chunks) => <Link to="/login">{chunks}</Link> })}</p>
        <p>{t('recovery.cancel.wasntMe')}</p>
        <p className="muted">{t('recovery.cancel.notDevice')}</p>
      </section>
    </>
  );
}
