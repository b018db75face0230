import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import { useDescribeRecoveryError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { StartAccountRecoveryDocument } from '../graphql/account-recovery.graphql';

/**
 * "I lost access to my phone and my codes", under the second step of login (issue 13 part 5): a
 * disclosure that says what a recovery is (a link to the confirmed address, a waiting period every
 * method hears of, cancelled by any second step), then e-mails the link for this login's ticket.
 * The API answers the same when a recovery already waits (nothing sent), and the page says so.
 */
export function LostAccess({ ticket, onRestart }: { ticket: string; onRestart: (message: string) => void }) {
  const t = useT();
  const describe = useDescribeRecoveryError();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [start, { loading }] = useMutation(StartAccountRecoveryDocument);
  const sentNotice = useRef<HTMLParagraphElement>(null);

  // The button goes once the link is sent: focus moves to what replaced it, not to the page's start.
  useEffect(() => {
    if (sent) sentNotice.current?.focus();
  }, [sent]);

  const send = async () => {
    setError(null);
    try {
      await start({ variables: { input: { ticket } } });
      setSent(true);
    } catch (err) {
      const ui = describe(err, 'start');
      // The password step is spent (expired, or too many wrong codes): back to the password.
      if (ui.code === ErrorCode.TICKET_EXPIRED || ui.code === ErrorCode.TOO_MANY_ATTEMPTS) onRestart(ui.message);
      else setError(ui);
    }
  };

  return (
    <div className="lost-access">
      <button
        type="button"
        className="button button--link"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        {t('recovery.lost.toggle')}
      </button>
      <div id={id} hidden={!open}>
        <p>{t('recovery.lost.intro')}</p>
        {sent ? null : (
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => void send()} disabled={loading}>
              {loading ? t('common.sending') : t('recovery.lost.send')}
            </button>
          </div>
        )}
        <p ref={sentNotice} tabIndex={-1} className="notice notice--success" role="status" aria-live="polite">
          {sent ? t('recovery.lost.sent') : ''}
        </p>
        <ErrorAlert error={error} />
      </div>
    </div>
  );
}
