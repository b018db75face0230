import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { TotpMethodFieldsFragment, TwoFactorStatusFieldsFragment } from '../../../gql/graphql';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { formatDateTime } from '../../../i18n/dates';
import { useT } from '../../../i18n/translator';
import { appName } from '../../auth/components/SecondFactorForm';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { SetDefaultTwoFactorMethodDocument } from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { SmsMethodItem } from './SmsMethodItem';
import { useRefreshSecurity } from './use-refresh-security';

interface TwoFactorMethodListProps {
  twoFactor: TwoFactorStatusFieldsFragment;
  onMessage: (message: string) => void;
}

type Entry =
  | { kind: 'SMS'; method: TwoFactorStatusFieldsFragment['smsMethods'][number] }
  | { kind: 'TOTP'; method: TotpMethodFieldsFragment };

/**
 * Every method of the account in one list, oldest first, each with its kind: numbers (SMS) and
 * authenticator apps. Apps can be made the default; the API has no rename or remove for them yet.
 */
export function TwoFactorMethodList({ twoFactor, onMessage }: TwoFactorMethodListProps) {
  const entries: Entry[] = [
    ...twoFactor.smsMethods.map((method) => ({ kind: 'SMS' as const, method })),
    ...twoFactor.totpMethods.map((method) => ({ kind: 'TOTP' as const, method })),
  ].sort((a, b) => Date.parse(a.method.createdAt) - Date.parse(b.method.createdAt));
  const confirmed =
    twoFactor.smsMethods.filter((method) => method.status === 'ENABLED').length + twoFactor.totpMethods.length;

  return (
    <ul className="methods">
      {entries.map((entry) =>
        entry.kind === 'SMS' ? (
          <SmsMethodItem
            key={entry.method.id}
            method={entry.method}
            onMessage={onMessage}
            isLast={entry.method.status === 'ENABLED' && confirmed === 1}
            descriptionMaxLength={twoFactor.limits.descriptionMaxLength}
          />
        ) : (
          <TotpMethodItem key={entry.method.id} method={entry.method} onMessage={onMessage} />
        ),
      )}
    </ul>
  );
}

/** An authenticator app: its kind, description, Default badge, when added and last used, Make default. */
export function TotpMethodItem({
  method,
  onMessage,
}: {
  method: TotpMethodFieldsFragment;
  onMessage: (message: string) => void;
}) {
  const t = useT();
  const toUiError = useToUiError();
  const [error, setError] = useState<UiError | null>(null);
  const withReauth = useWithReauth();
  const refresh = useRefreshSecurity();
  const [makeDefault, makingDefault] = useMutation(SetDefaultTwoFactorMethodDocument);
  const who = appName(method.description, t);

  const onMakeDefault = async () => {
    setError(null);
    try {
      await withReauth(() => makeDefault({ variables: { methodId: method.id } }));
      await refresh();
      onMessage(t('methods.nowDefaultMethod', { method: who }));
    } catch (err) {
      if (!(err instanceof ReauthCancelled)) setError(toUiError(err));
    }
  };

  return (
    <li className="method method--app">
      <div className="method__summary">
        <span className="method__number">{t('secondFactor.app')}</span>
        {method.isDefault ? <span className="badge badge--default">{t('methods.default')}</span> : null}
        <span className="method__description">
          {method.description || <span className="muted">{t('methods.noDescription')}</span>}
        </span>
        <span className="method__used muted">
          {t('methods.added', { date: formatDateTime(t.intl, method.createdAt) })}
          {' · '}
          {method.lastUsedAt
            ? t('methods.lastUsed', { date: formatDateTime(t.intl, method.lastUsedAt) })
            : t('methods.neverUsed')}
        </span>
      </div>
      {!method.isDefault ? (
        <div className="actions actions--compact">
          <button
            type="button"
            className="button button--secondary"
            disabled={makingDefault.loading}
            onClick={onMakeDefault}
          >
            {t.rich('methods.makeDefaultApp', {
              who,
              hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
            })}
          </button>
        </div>
      ) : null}
      <ErrorAlert error={error} />
    </li>
  );
}
