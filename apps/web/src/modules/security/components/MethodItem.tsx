import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { formatDateTime } from '../../../i18n/dates';
import type { MessageId } from '../../../i18n/messages/en';
import { useT } from '../../../i18n/translator';
import { ConfirmPanel } from '../../../ui/ConfirmPanel';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import {
  RemoveTwoFactorMethodDocument,
  SetDefaultTwoFactorMethodDocument,
  UpdateTwoFactorMethodDocument,
} from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { kindLabel, methodWho, type ListedKind, type ListedMethod } from '../utils/listed-methods';
import { useRefreshSecurity } from './use-refresh-security';

const ITEM_CLASS: Record<ListedKind, string> = {
  SMS: 'method method--sms',
  TOTP: 'method method--app',
  SECURITY_KEY: 'method method--key',
};
const REMOVE_BUTTON: Record<ListedKind, MessageId> = {
  SMS: 'methods.removeNumber',
  TOTP: 'methods.removeApp',
  SECURITY_KEY: 'methods.removeKey',
};

/**
 * One method of any kind in the methods list (`TwoFactorMethodList`): its kind, the number or the
 * key's model, Default, description, added and last used, and the actions: edit the description
 * (updateTwoFactorMethod), make default (setDefaultTwoFactorMethod), remove (removeTwoFactorMethod),
 * each through the sudo prompt when the API asks for it. A pending number can only be removed.
 */
export function MethodItem({
  method,
  onMessage,
  isLast,
  descriptionMaxLength,
}: {
  method: ListedMethod;
  onMessage: (m: string) => void;
  /** Removing it turns 2FA off (no other confirmed method left). */
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
  const [update, updating] = useMutation(UpdateTwoFactorMethodDocument);
  const [remove, removing] = useMutation(RemoveTwoFactorMethodDocument);
  const [makeDefault, makingDefault] = useMutation(SetDefaultTwoFactorMethodDocument);
  const who = methodWho(method, t);
  const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

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
      t('methods.descriptionSaved', { who: methodWho({ ...method, description: description.trim() || null }, t) }),
    );
    if (ok) setEditing(false);
  };

  const onRemove = async () => {
    const ok = await run(
      () => remove({ variables: { methodId: method.id } }),
      isLast ? t('methods.removedLast', { who }) : t('methods.removed', { who }),
    );
    if (!ok) setConfirmingRemove(false);
  };

  return (
    <li className={ITEM_CLASS[method.kind]}>
      <div className="method__summary">
        <span className="method__kind">{kindLabel(method, t)}</span>
        {method.maskedPhoneNumber ? <span className="method__number">{method.maskedPhoneNumber}</span> : null}
        {method.authenticatorName ? <span className="method__model">{method.authenticatorName}</span> : null}
        {method.isDefault ? <span className="badge badge--default">{t('methods.default')}</span> : null}
        {method.pending ? <span className="badge badge--pending">{t('methods.pending')}</span> : null}
        <span className="method__description">
          {method.description || <span className="muted">{t('methods.noDescription')}</span>}
        </span>
        <span className="method__used muted">
          {t('methods.added', { date: formatDateTime(t.intl, method.createdAt) })}
          {' · '}
          {method.lastUsedAt
            ? t('methods.lastUsed', { date: formatDateTime(t.intl, method.lastUsedAt) })
            : t('methods.neverUsed')}
          {method.delivery?.lastDeliveredAt ? (
            <>
              {' · '}
              {t('methods.lastDelivered', { date: formatDateTime(t.intl, method.delivery.lastDeliveredAt) })}
            </>
          ) : null}
        </span>
        {method.delivery && method.delivery.consecutiveFailures > 0 ? (
          <span className="method__warning" role="note">
            {t('methods.deliveryFailing', {
              count: method.delivery.consecutiveFailures,
              date: method.delivery.lastFailedAt ? formatDateTime(t.intl, method.delivery.lastFailedAt) : '',
            })}
          </span>
        ) : null}
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
        <ConfirmPanel
          label={t('methods.removeGroup', { who })}
          confirmLabel={t(REMOVE_BUTTON[method.kind])}
          onConfirm={onRemove}
          onCancel={() => setConfirmingRemove(false)}
          busy={removing.loading}
        >
          <p>
            {t('methods.removeConfirm', { who })} {isLast ? t('methods.removeLast') : ''}
          </p>
        </ConfirmPanel>
      ) : (
        <div className="actions actions--compact">
          {!method.pending ? (
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t.rich('methods.editDescription', { who, hidden })}
            </button>
          ) : null}
          {!method.isDefault && !method.pending ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={makingDefault.loading}
              onClick={() =>
                run(
                  () => makeDefault({ variables: { methodId: method.id } }),
                  t('methods.nowDefaultMethod', { method: who }),
                )
              }
            >
              {t.rich('methods.makeDefault', { who, hidden })}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--secondary button--danger-text"
            onClick={() => setConfirmingRemove(true)}
          >
            {t.rich('methods.remove', { who, hidden })}
          </button>
        </div>
      )}
      <ErrorAlert error={error} />
    </li>
  );
}
