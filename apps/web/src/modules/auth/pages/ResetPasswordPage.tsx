import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { ResetPasswordDocument } from '../graphql/password-reset.graphql';
import { resetPasswordToken } from '../utils/reset-password-link';

type State = 'ready' | 'done' | 'invalid' | 'missing';

/**
 * Where the e-mailed reset link lands: a new password, then every session of the account is ended
 * (this browser's too) and the customer logs in again, with the second factor when 2FA is on.
 */
export function ResetPasswordPage({ onReset }: { onReset: () => void }) {
  const t = useT();
  const toUiError = useToUiError();
  const [reset, { loading }] = useMutation(ResetPasswordDocument);
  const token = useRef<string | null | undefined>(undefined);
  if (token.current === undefined) token.current = resetPasswordToken();
  const [state, setState] = useState<State>(token.current ? 'ready' : 'missing');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<UiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token.current) return;
    setError(null);
    try {
      await reset({ variables: { input: { token: token.current, newPassword: password } } });
      setPassword('');
      setState('done');
      onReset();
    } catch (err) {
      const ui = toUiError(err);
      if (ui.code === ErrorCode.INVALID_TOKEN) setState('invalid');
      else setError(ui);
    }
  };

  return (
    <Page title={t('reset.title')} narrow>
      {state === 'ready' ? (
        <form className="card" onSubmit={submit} noValidate>
          <Field
            id="reset-password"
            label={t('password.new')}
            hint={t('password.rules')}
            error={error?.fields?.['newPassword']}
          >
            {(aria) => (
              <input
                {...aria}
                type="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <ErrorAlert error={error?.fields ? null : error} />
          <div className="actions">
            <button type="submit" className="button" disabled={loading}>
              {loading ? t('common.checking') : t('reset.submit')}
            </button>
          </div>
        </form>
      ) : null}
      <div role="status" aria-live="polite">
        {state === 'done' ? <p>{t('reset.done')}</p> : null}
        {state === 'invalid' ? <p>{t('error.INVALID_TOKEN')}</p> : null}
        {state === 'missing' ? <p>{t('reset.missing')}</p> : null}
      </div>
      {state === 'done' ? (
        <p>
          <Link to="/login">{t('reset.login')}</Link>
        </p>
      ) : null}
      {state === 'invalid' || state === 'missing' ? (
        <p>
          <Link to="/forgot-password">{t('reset.again')}</Link>
        </p>
      ) : null}
    </Page>
  );
}
