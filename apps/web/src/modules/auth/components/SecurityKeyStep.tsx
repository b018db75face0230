import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { ErrorCode } from '@twofold/error-codes';
import type { LoginMethodFieldsFragment, SessionFieldsFragment } from '../../../gql/graphql';
import { useToUiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { CompleteLoginWithSecurityKeyDocument, StartSecurityKeyLoginDocument } from '../graphql/auth.graphql';
import { webAuthnFailure } from '../utils/webauthn';

/**
 * The security key step of login (and of re-authentication): one focused button, so Enter starts
 * it; startSecurityKeyLogin → the browser's prompt (startAuthentication) → completeLoginWithSecurityKey.
 * A cancelled prompt, a browser without WebAuthn and a refused key are said in the alert region;
 * a dead ticket goes to `onFatal` (the form's own handling of TICKET_EXPIRED and TOO_MANY_ATTEMPTS).
 */
export function SecurityKeyStep({
  ticket,
  method,
  rememberDevice,
  onSuccess,
  onFatal,
}: {
  ticket: string;
  method: LoginMethodFieldsFragment;
  /** Login only: the "Remember this device" box. Left out in re-authentication. */
  rememberDevice?: boolean;
  onSuccess: (session: SessionFieldsFragment) => void;
  /** An API error this step cannot recover from (the ticket is gone or spent). */
  onFatal: (error: unknown) => boolean;
}) {
  const t = useT();
  const toUiError = useToUiError();
  const button = useRef<HTMLButtonElement>(null);
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const supported = browserSupportsWebAuthn();
  const [startLogin] = useMutation(StartSecurityKeyLoginDocument);
  const [complete] = useMutation(CompleteLoginWithSecurityKeyDocument);

  useEffect(() => {
    button.current?.focus();
  }, [method.id]);

  const start = async () => {
    setError(null);
    setWaiting(true);
    try {
      const assertion = (await startLogin({ variables: { input: { ticket } } })).data?.startSecurityKeyLogin;
      if (!assertion) return;
      const credential = await startAuthentication({ optionsJSON: JSON.parse(assertion.options) });
      const session = (
        await complete({
          variables: {
            input: {
              ticket,
              credential: JSON.stringify(credential),
              ...(rememberDevice === undefined ? {} : { rememberDevice }),
            },
          },
        })
      ).data?.completeLoginWithSecurityKey;
      if (session) onSuccess(session);
    } catch (err) {
      const failure = webAuthnFailure(err);
      if (failure === 'cancelled') setError(t('secondFactor.keyCancelled'));
      else if (failure === 'unsupported') setError(t('secondFactor.keyUnsupported'));
      else if (failure) setError(t('secondFactor.keyRejected'));
      else if (!onFatal(err)) {
        const ui = toUiError(err);
        setError(ui.code === ErrorCode.INVALID_CODE ? t('secondFactor.keyRejected') : ui.message);
      }
      button.current?.focus();
    } finally {
      setWaiting(false);
    }
  };

  return (
    <>
      <p>
        {method.description
          ? t.rich('secondFactor.keyIntro.named', {
              name: method.description,
              strong: (chunks) => <strong>{chunks}</strong>,
            })
          : t('secondFactor.keyIntro')}
      </p>
      {supported ? (
        <div className="actions">
          <button ref={button} type="button" className="button" onClick={start} disabled={waiting}>
            {t('secondFactor.useKey')}
          </button>
        </div>
      ) : null}
      <p className="muted" role="status">
        {waiting ? t('secondFactor.keyWaiting') : ''}
      </p>
      <ErrorAlert error={supported ? error : t('secondFactor.keyUnsupported')} />
    </>
  );
}
