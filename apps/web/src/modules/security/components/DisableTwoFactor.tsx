import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ConfirmPanel } from '../../../ui/ConfirmPanel';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { DisableTwoFactorDocument } from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { useRefreshSecurity } from './use-refresh-security';

/**
 * "Turn off two-factor authentication" (disableTwoFactor, under sudo), after a confirmation that
 * says what goes: every method, the emergency codes and the remembered devices.
 */
export function DisableTwoFactor({ methodCount, onMessage }: { methodCount: number; onMessage: (m: string) => void }) {
  const t = useT();
  const toUiError = useToUiError();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const withReauth = useWithReauth();
  const refresh = useRefreshSecurity();
  const [disable, disabling] = useMutation(DisableTwoFactorDocument);

  const onConfirm = async () => {
    setError(null);
    try {
      await withReauth(() => disable());
      await refresh();
      onMessage(t('disable.done'));
    } catch (err) {
      setConfirming(false);
      if (!(err instanceof ReauthCancelled)) setError(toUiError(err));
    }
  };

  return (
    <div className="card disable-two-factor">
      {confirming ? (
        <ConfirmPanel
          label={t('disable.button')}
          confirmLabel={t('disable.button')}
          onConfirm={onConfirm}
          onCancel={() => setConfirming(false)}
          busy={disabling.loading}
        >
          <p>{t('disable.confirm')}</p>
          <ul>
            <li>{t('disable.what.methods', { count: methodCount })}</li>
            <li>{t('disable.what.codes')}</li>
            <li>{t('disable.what.devices')}</li>
          </ul>
          <p className="muted">{t('disable.notice')}</p>
        </ConfirmPanel>
      ) : (
        <>
          <p>{t('disable.intro')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary button--danger-text"
              onClick={() => setConfirming(true)}
            >
              {t('disable.button')}
            </button>
          </div>
        </>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
