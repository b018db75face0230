import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { SmsMethodFieldsFragment } from '../../../gql/graphql';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { formatDateTime } from '../../../i18n/dates';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import {
  RemoveSmsMethodDocument,
  SetDefaultTwoFactorMethodDocument,
  UpdateSmsMethodDocument,
} from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { useRefreshSecurity } from './use-refresh-security';

/**
 * One number of the methods list (`TwoFactorMethodList`): its kind, masked number, description,
 * Default badge, last used, and the actions (edit the description, make default, remove).
 */
export function SmsMethodItem({
  method,
  onMessage,
  isLast,
  descriptionMaxLength,
}: {
  method: SmsMethodFieldsFragment;
  onMessage: (m: string) => void;
  /** Removing it turns 2FA off (no other method left). */
  isLast: boolean;
  descriptionMaxLength: number;
}) {
  const t = useT();
  const toUiError = useToUiError();
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

  const tooLong = description.length > descriptionMaxLength;

  const saveDescription = async (event: FormEvent) => {
    event.preventDefault();
    if (tooLong) return;
    const ok = await run(
      () => update({ variables: { input: { methodId: method.id, description: description.trim() || null } } }),
      t('methods.descriptionSaved', { number: method.maskedPhoneNumber }),
    );
    if (ok) setEditing(false);
  };

  return (
    <li className="method">
      <div className="method__summary">
        <span className="method__kind">{t('methods.kind.sms')}</span>
        <span className="method__number">{method.maskedPhoneNumber}</span>
        {method.isDefault ? <span className="badge badge--default">{t('methods.default')}</span> : null}
        {method.status === 'PENDING_VERIFICATION' ? (
          <span className="badge badge--pending">{t('methods.pending')}</span>
        ) : null}
        <span className="method__description">
          {method.description || <span className="muted">{t('methods.noDescription')}</span>}
        </span>
        <span className="method__used muted">
          {method.lastUsedAt
            ? t('methods.lastUsed', { date: formatDateTime(t.intl, method.lastUsedAt) })
            : t('methods.neverUsed')}
        </span>
      </div>

      {editing ? (
        <form className="method__edit" onSubmit={saveDescription} noValidate>
          <Field
            id={`description-${method.id}`}
            label={t('methods.description')}
            optional
            error={tooLong ? t('methods.descriptionTooLong', { max: descriptionMaxLength }) : null}
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
              {t('common.save')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setEditing(false);
                setDescription(method.description ?? '');
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : confirmingRemove ? (
        <div className="method__confirm" role="group" aria-label={t('methods.removeGroup', { who })}>
          <p>
            {t('methods.removeConfirm', { who })} {isLast ? t('methods.removeLast') : ''}
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
                  isLast ? t('methods.removedLast') : t('methods.removed', { number: method.maskedPhoneNumber }),
                );
                if (!ok) setConfirmingRemove(false);
              }}
            >
              {t('methods.removeNumber')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmingRemove(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions actions--compact">
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            {t.rich('methods.editDescription', {
              who,
              hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
            })}
          </button>
          {!method.isDefault && method.status === 'ENABLED' ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={makingDefault.loading}
              onClick={() =>
                run(
                  () => makeDefault({ variables: { methodId: method.id } }),
                  t('methods.nowDefault', { number: method.maskedPhoneNumber }),
                )
              }
            >
              {t.rich('methods.makeDefault', {
                who,
                hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
              })}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--secondary button--danger-text"
            onClick={() => setConfirmingRemove(true)}
          >
            {t.rich('methods.remove', { who, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> })}
          </button>
        </div>
      )}
      <ErrorAlert error={error} />
    </li>
  );
}
