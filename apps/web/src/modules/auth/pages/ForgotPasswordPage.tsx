import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { RequestPasswordResetDocument } from '../graphql/password-reset.graphql';

/**
 * "Forgot password?": the API answers the same for any address (no enumeration), so the page
 * always says the same thing once sent: if an account has this address, a link is on its way.
 */
export function ForgotPasswordPage() {
  const t = useT();
  const toUiError = useToUiError();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [request, { loading }] = useMutation(RequestPasswordResetDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await request({ variables: { input: { email } } });
      setSent(true);
    } catch (err) {
      setError(toUiError(err));
    }
  };

  return (
    <Page title={t('forgot.title')} narrow>
      <div role="status" aria-live="polite">
        {sent ? <p>{t('forgot.sent')}</p> : null}
      </div>
      {sent ? null : (
        <form className="card" onSubmit={submit} noValidate>
          <p>{t('forgot.intro')}</p>
          <Field id="forgot-email" label={t('field.email')} error={error?.fields?.['email']}>
            {(aria) => (
              <input
                {...aria}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <ErrorAlert error={error?.fields ? null : error} />
          <div className="actions">
            <button type="submit" className="button" disabled={loading}>
              {loading ? t('common.sending') : t('forgot.submit')}
            </button>
          </div>
        </form>
      )}
      <p className="aside">
        <Link to="/login">{t('forgot.backToLogin')}</Link>
      </p>
    </Page>
  );
}
