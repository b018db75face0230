import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { BackupCodesStatusFieldsFragment } from '../../../gql/graphql';
import { toUiError, type UiError } from '../../../errors/error-messages';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { RemainingBadge } from '../../../ui/RemainingBadge';
import { DeleteBackupCodesDocument, RegenerateBackupCodesDocument } from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { EmergencyCodes } from './EmergencyCodes';
import { formatDateTime } from './format';
import { useRefreshSecurity } from './use-refresh-security';

/** Emergency codes: remaining count, Regenerate (shown once) and Delete. */
export function BackupCodesPanel({
  status,
  onMessage,
}: {
  status: BackupCodesStatusFieldsFragment;
  onMessage: (m: string) => void;
}) {
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
      onMessage('Emergency codes deleted.');
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
            onMessage('New emergency codes saved. The old ones no longer work.');
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
            {status.generatedAt ? <span className="muted"> Created {formatDateTime(status.generatedAt)}</span> : null}
          </p>
          <p>Use an emergency code to log in when you can&apos;t receive SMS. Each code works once.</p>
        </>
      ) : (
        <p>You have no emergency codes. Create some so you can still log in if you lose your phone.</p>
      )}
      {confirmingDelete ? (
        <div role="group" aria-label="Delete emergency codes">
          <p>Delete your emergency codes? You won&apos;t be able to log in with them any more.</p>
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              autoFocus
              onClick={onDelete}
              disabled={removing.loading}
            >
              Delete codes
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmingDelete(false)}>
              Cancel
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
            {status.active ? 'Regenerate' : 'Create codes'}
          </button>
          {status.active ? (
            <button
              type="button"
              className="button button--secondary button--danger-text"
              onClick={() => setConfirmingDelete(true)}
            >
              Delete
            </button>
          ) : null}
        </div>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
