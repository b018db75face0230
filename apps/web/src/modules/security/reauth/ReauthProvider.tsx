import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import type { TwoFactorChallengeFieldsFragment } from '../../../gql/graphql';
import { sessionStore } from '../../../apollo/session-store';
import { hasCode, useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { SecondFactorForm } from '../../auth/components/SecondFactorForm';
import { ReauthenticateDocument } from '../../auth/graphql/auth.graphql';

/** Thrown by withReauth when the customer closes the password prompt. */
export class ReauthCancelled extends Error {
  constructor() {
    super('Re-authentication cancelled');
  }
}

type WithReauth = <T>(action: () => Promise<T>) => Promise<T>;

const ReauthContext = createContext<WithReauth>((action) => action());

/**
 * Sensitive changes answer REAUTH_REQUIRED when the last full login is too old: `withReauth(action)`
 * then asks for the password (and the second factor when 2FA is on) and retries the action once.
 */
export function useWithReauth(): WithReauth {
  return useContext(ReauthContext);
}

export function ReauthProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<((ok: boolean) => void) | null>(null);

  const ask = useCallback(() => new Promise<boolean>((resolve) => setPending(() => resolve)), []);

  const withReauth = useCallback<WithReauth>(
    async (action) => {
      try {
        return await action();
      } catch (err) {
        if (!hasCode(err, ErrorCode.REAUTH_REQUIRED)) throw err;
        const ok = await ask();
        if (!ok) throw new ReauthCancelled();
        return action();
      }
    },
    [ask],
  );

  const finish = (ok: boolean) => {
    pending?.(ok);
    setPending(null);
  };

  return (
    <ReauthContext.Provider value={withReauth}>
      {children}
      {pending ? <ReauthDialog onDone={finish} /> : null}
    </ReauthContext.Provider>
  );
}

function ReauthDialog({ onDone }: { onDone: (ok: boolean) => void }) {
  const t = useT();
  const toUiError = useToUiError();
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(document.activeElement);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<UiError | string | null>(null);
  const [challenge, setChallenge] = useState<TwoFactorChallengeFieldsFragment | null>(null);
  const [reauthenticate, { loading }] = useMutation(ReauthenticateDocument);

  useEffect(() => {
    const element = dialog.current;
    if (element && typeof element.showModal === 'function' && !element.open) element.showModal();
    else element?.setAttribute('open', '');
    element?.querySelector<HTMLInputElement>('input')?.focus();
    const previous = returnFocus.current;
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  const close = (ok: boolean) => {
    dialog.current?.close?.();
    onDone(ok);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!password) {
      setError(t('reauth.enterPassword'));
      return;
    }
    try {
      const result = (await reauthenticate({ variables: { input: { password } } })).data?.reauthenticate;
      if (!result) return;
      if (result.__typename === 'Session') {
        sessionStore.setToken(result.token);
        close(true);
      } else {
        setPassword('');
        setChallenge(result);
      }
    } catch (err) {
      const ui = toUiError(err);
      setError(ui.code === ErrorCode.INVALID_CREDENTIALS ? t('reauth.wrongPassword') : ui);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="reauth-title"
      onCancel={(event) => {
        event.preventDefault();
        close(false);
      }}
    >
      <h2 id="reauth-title">{t('reauth.title')}</h2>
      {challenge ? (
        <SecondFactorForm
          challenge={challenge}
          headingLevel="h3"
          onSuccess={(session) => {
            sessionStore.setToken(session.token);
            close(true);
          }}
          onRestart={(message) => {
            setChallenge(null);
            setError(message);
          }}
        />
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('reauth.intro')}</p>
          <Field id="reauth-password" label={t('field.password')}>
            {(aria) => (
              <input
                {...aria}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <ErrorAlert error={error} />
          <div className="actions">
            <button type="submit" className="button" disabled={loading}>
              {loading ? t('common.checking') : t('common.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => close(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {challenge ? (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => close(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
