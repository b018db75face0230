import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ResendVerificationEmailDocument, VerifyEmailDocument } from '../graphql/auth.graphql';
import { verificationToken } from '../utils/verify-email-link';

type State = 'checking' | 'verified' | 'expired' | 'invalid' | 'missing' | 'error';

/** Where the e-mailed link lands: spends its token once (signed in or not), then says how it went. */
export function VerifyEmailPage({ signedIn }: { signedIn: boolean }) {
  const t = useT();
  const toUiError = useToUiError();
  const [verify] = useMutation(VerifyEmailDocument);
  const [resend, { loading: resending }] = useMutation(ResendVerificationEmailDocument);
  const [state, setState] = useState<State>('checking');
  const [error, setError] = useState<UiError | null>(null);
  const [resent, setResent] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = verificationToken();
    if (!token) return setState('missing');
    verify({ variables: { token } }).then(
      () => setState('verified'),
      (err: unknown) => {
        const ui = toUiError(err);
        if (ui.code === ErrorCode.CODE_EXPIRED) setState('expired');
        else if (ui.code === ErrorCode.BAD_USER_INPUT) setState('invalid');
        else {
          setError(ui);
          setState('error');
        }
      },
    );
  }, [verify, toUiError]);

  const sendAgain = async () => {
    setError(null);
    try {
      await resend();
      setResent(true);
    } catch (err) {
      setError(toUiError(err));
    }
  };

  const failed = state === 'expired' || state === 'invalid';
  return (
    <Page title={t('verifyEmail.title')} narrow>
      <p role="status" aria-live="polite">
        {state === 'checking' && t('verifyEmail.checking')}
        {state === 'verified' && t('verifyEmail.verified')}
        {state === 'expired' && t('verifyEmail.expired')}
        {state === 'invalid' && t('verifyEmail.invalid')}
        {state === 'missing' && t('verifyEmail.missing')}
        {resent && ` ${t('verifyEmail.resent')}`}
      </p>
      <ErrorAlert error={error} />
      {failed && signedIn && !resent && (
        <p>
          <button type="button" className="button" onClick={() => void sendAgain()} disabled={resending}>
            {t('verifyEmail.resend')}
          </button>
        </p>
      )}
      {failed && !signedIn && <p>{t('verifyEmail.resendSignIn')}</p>}
      {state !== 'checking' && (
        <p>
          <Link to="/">{t('verifyEmail.continue')}</Link>
        </p>
      )}
    </Page>
  );
}
