import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { SmsMethodFieldsFragment } from '../../../gql/graphql';
import { toUiError, type UiError } from '../../../errors/error-messages';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import {
  RemoveSmsMethodDocument,
  SetDefaultTwoFactorMethodDocument,
  UpdateSmsMethodDocument,
} from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { useRefreshSecurity } from './use-refresh-security';
import { formatDateTime } from './format';

interface SmsMethodListProps {
  methods: readonly SmsMethodFieldsFragment[];
  onMessage: (message: string) => void;
}

/** The account's numbers: masked number, description, Default badge, last used, and the actions. */
export function SmsMethodList({ methods, onMessage }: SmsMethodListProps) {
  return (
    <ul className="methods">
      {methods.map((method) => (
        <SmsMethodItem key={method.id} method={method} onMessage={onMessage} isLast={methods.length === 1} />
      ))}
    </ul>
  );
}

function SmsMethodItem({
  method,
  onMessage,
  isLast,
}: {
  method: SmsMethodFieldsFragment;
  onMessage: (m: string) => void;
  isLast: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [description, setDescription] = useState(method.description ?? '');
  const [error, setError] = useState<UiError | null>(null);
  const withReauth = useWithReauth();
  const refresh = useRefreshSecurity();
  const [update, updating] = useMutation(UpdateSmsMethodDocument);
  const [remove, removing] = useMutation(RemoveSmsMethodDocument);
  const [makeDefault, makingDefault] = useMutation(SetDefaultTwoFactorMethodDocument);
  const who = method.description ? `${method.maskedPhoneNumber} (${method.description})` : method.maskedPhoneNumber;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await withReauth(action);
      await refresh();
      onMessage(done);
      return true;
    } catch (err) {
      if (!(err instanceof ReauthCancelled)) setError(toUiError(err));
      return false;
    }
  };

  const saveDescription = async (event: FormEvent) => {
    event.preventDefault();
    if (description.length > 100) return;
    const ok = await run(
      () => update({ variables: { input: { methodId: method.id, description: description.trim() || null } } }),
      `Description of ${method.maskedPhoneNumber} saved.`,
    );
    if (ok) setEditing(false);
  };

  return (
    <li className="method">
      <div className="method__summary">
        <span className="method__number">{method.maskedPhoneNumber}</span>
        {method.isDefault ? <span className="badge badge--default">Default</span> : null}
        {method.status === 'PENDING_VERIFICATION' ? (
          <span className="badge badge--pending">Waiting for confirmation</span>
        ) : null}
        <span className="method__description">
          {method.description || <span className="muted">No description</span>}
        </span>
        <span className="method__used muted">
          {method.lastUsedAt ? `Last used ${formatDateTime(method.lastUsedAt)}` : 'Not used to log in yet'}
        </span>
      </div>

      {editing ? (
        <form className="method__edit" onSubmit={saveDescription} noValidate>
          <Field
            id={`description-${method.id}`}
            label="Description"
            optional
            error={description.length > 100 ? 'Use at most 100 characters.' : null}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                value={description}
                autoFocus
                onChange={(e) => setDescription(e.target.value)}
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={updating.loading}>
              Save
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setEditing(false);
                setDescription(method.description ?? '');
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : confirmingRemove ? (
        <div className="method__confirm" role="group" aria-label={`Remove ${who}`}>
          <p>
            Remove {who}?{' '}
            {isLast
              ? 'It is your last number: two-factor authentication will turn off and your emergency codes will be deleted.'
              : ''}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              autoFocus
              disabled={removing.loading}
              onClick={async () => {
                const ok = await run(
                  () => remove({ variables: { methodId: method.id } }),
                  isLast ? 'Number removed. Two-factor authentication is off.' : `${method.maskedPhoneNumber} removed.`,
                );
                if (!ok) setConfirmingRemove(false);
              }}
            >
              Remove number
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmingRemove(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="actions actions--compact">
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            Edit description<span className="visually-hidden"> of {who}</span>
          </button>
          {!method.isDefault && method.status === 'ENABLED' ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={makingDefault.loading}
              onClick={() =>
                run(
                  () => makeDefault({ variables: { methodId: method.id } }),
                  `${method.maskedPhoneNumber} is now your default number.`,
                )
              }
            >
              Make default<span className="visually-hidden"> {who}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="button button--secondary button--danger-text"
            onClick={() => setConfirmingRemove(true)}
          >
            Remove<span className="visually-hidden"> {who}</span>
          </button>
        </div>
      )}
      <ErrorAlert error={error} />
    </li>
  );
}
