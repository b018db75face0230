import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { ChangePasswordDocument } from '../graphql/password.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';

/**
 * "Change password" (changePassword, under sudo like every sensitive change): the current password
 * and a new one; every other session is signed out, this one stays.
 */
export function ChangePassword({ onMessage }: { onMessage: (m: string) => void }) {
  const t = useT();
  const toUiError = useToUiError();
  const withReauth = useWithReauth();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [change, { loading }] = useMutation(ChangePasswordDocument);

  const close = () => {
    setOpen(false);
    setCurrent('');
    setNext('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await withReauth(() => change({ variables: { input: { currentPassword: current, newPassword: next } } }));
      close();
      onMessage(t('password.changed'));
    } catch (err) {
      if (!(err instanceof ReauthCancelled)) setError(toUiError(err));
    }
  };

  if (!open) {
    return (
      <div className="card">
        <p>{t('password.intro')}</p>
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            {t('password.change')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('password.change')}>
      <Field id="password-current" label={t('password.current')} error={error?.fields?.['currentPassword']}>
        {(aria) => (
          <input
            {...aria}
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="password-new"
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
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        )}
      </Field>
      <p className="muted">{t('password.othersSignedOut')}</p>
      <ErrorAlert error={error?.fields ? null : error} />
      <div className="actions">
        <button type="submit" className="button" disabled={loading}>
          {loading ? t('common.checking') : t('password.change')}
        </button>
        <button type="button" className="button button--secondary" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
