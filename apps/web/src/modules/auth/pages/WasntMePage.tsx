import { useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ReportUnrecognizedActivityDocument } from '../graphql/wasnt-me.graphql';
import { wasntMeToken } from '../utils/wasnt-me-link';

type State = 'ready' | 'done' | 'invalid' | 'missing';

/**
 * Where the "This wasn't me" link of a security-notice e-mail lands: nothing happens until the
 * customer confirms (a mail scanner opening the link ends nothing); then every session and
 * remembered device of the account is ended, and the page asks to log in and change the password.
 */
export function WasntMePage({ onReported }: { onReported: () => void }) {
  const t = useT();
  const toUiError = useToUiError();
  const [report, { loading }] = useMutation(ReportUnrecognizedActivityDocument);
  const token = useRef<string | null | undefined>(undefined);
  if (token.current === undefined) token.current = wasntMeToken();
  const [state, setState] = useState<State>(token.current ? 'ready' : 'missing');
  const [ended, setEnded] = useState({ sessions: 0, devices: 0 });
  const [error, setError] = useState<UiError | null>(null);

  const confirm = async () => {
    if (!token.current) return;
    setError(null);
    try {
      const res = await report({ variables: { input: { token: token.current } } });
      const r = res.data?.reportUnrecognizedActivity;
      setEnded({ sessions: r?.sessionsEnded ?? 0, devices: r?.devicesForgotten ?? 0 });
      setState('done');
      // This browser's own session, if any, was one of them.
      onReported();
    } catch (err) {
      const ui = toUiError(err);
      if (ui.code === ErrorCode.BAD_USER_INPUT) setState('invalid');
      else setError(ui);
    }
  };

  return (
    <Page title={t('wasntMe.title')} narrow>
      {state === 'ready' && (
        <>
          <p>{t('wasntMe.intro')}</p>
          <ErrorAlert error={error} />
          <p>
            <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={loading}>
              {loading ? t('common.checking') : t('wasntMe.confirm')}
            </button>
          </p>
        </>
      )}
      <div role="status" aria-live="polite">
        {state === 'done' && (
          <>
            <p>{t('wasntMe.done', { sessions: ended.sessions, devices: ended.devices })}</p>
            <p>
              <strong>{t('wasntMe.changePassword')}</strong>
            </p>
          </>
        )}
        {state === 'invalid' && <p>{t('wasntMe.invalid')}</p>}
        {state === 'missing' && <p>{t('wasntMe.missing')}</p>}
      </div>
      {state !== 'ready' && (
        <p>
          <Link to="/login">{t('wasntMe.login')}</Link>
        </p>
      )}
    </Page>
  );
}
