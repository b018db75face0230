import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { BackupCodesStatusFieldsFragment } from '../../../gql/graphql';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { formatDateTime } from '../../../i18n/dates';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { RemainingBadge } from '../../../ui/RemainingBadge';
import { DeleteBackupCodesDocument, RegenerateBackupCodesDocument } from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { EmergencyCodes } from './EmergencyCodes';
import { useRefreshSecurity } from './use-refresh-security';

/** Emergency codes: remaining count, Regenerate (shown once) and Delete. */
export function BackupCodesPanel({
  status,
  onMessage,
}: {
  status: BackupCodesStatusFieldsFragment;
  onMessage: (m: string) => void;
}) {
  const t = useT();
  const toUiError = useToUiError();
  const [fresh, setFresh] = useState<readonly string[] | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const withReauth = useWithReauth();
  const refresh = useRefreshSecurity();
  const [regenerate, regenerating] = useMutation(RegenerateBackupCodesDocument);
  const [remove, removing] = useMutation(DeleteBackupCodesDocument);

  const onRegenerate = async () => {
    setError(null);
    try {
      const result = await withReauth(() => regenerate());
      const codes = result.data?.regenerateBackupCodes.codes;
      if (codes) setFresh(codes);
      await refresh();
    } catch (err) {
      if (!(err instanceof ReauthCancelled)) setError(toUiError(err));
    }
  };

  const onDelete = async () => {
    setError(null);
    try {
      await withReauth(() => remove());
      setConfirmingDelete(false);
      await refresh();
      onMessage(t('backup.deleted'));
    } catch (err) {
      setConfirmingDelete(false);
      if (!(err instanceof ReauthCancelled)) setError(toUiError(err));
    }
  };

  if (fresh) {
    return (
      <div className="card">
        <EmergencyCodes
          codes={fresh}
          headingLevel="h3"
          onSaved={() => {
            setFresh(null);
            onMessage(t('backup.regenerated'));
          }}
        />
      </div>
    );
  }

  return (
    <div className="card backup-codes">
      {status.active ? (
        <>
          <p className="backup-codes__status">
            <RemainingBadge remaining={status.remaining} total={status.total} />
            {status.generatedAt ? (
              <span className="muted">
                {' '}
                {t('backup.created', { date: formatDateTime(t.intl, status.generatedAt) })}
              </span>
            ) : null}
          </p>
          <p>{t('backup.intro')}</p>
        </>
      ) : (
        <p>{t('backup.none')}</p>
      )}
      {confirmingDelete ? (
        <div role="group" aria-label={t('backup.deleteGroup')}>
          <p>{t('backup.deleteConfirm')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              autoFocus
              onClick={onDelete}
              disabled={removing.loading}
            >
              {t('backup.deleteCodes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmingDelete(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={onRegenerate}
            disabled={regenerating.loading}
          >
            {status.active ? t('backup.regenerate') : t('backup.create')}
          </button>
          {status.active ? (
            <button
              type="button"
              className="button button--secondary button--danger-text"
              onClick={() => setConfirmingDelete(true)}
            >
              {t('common.delete')}
            </button>
          ) : null}
        </div>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
