import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { SessionInfoFieldsFragment } from '../../../gql/graphql';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { formatDateTime, formatRelative } from '../../../i18n/dates';
import { useT } from '../../../i18n/translator';
import { ConfirmPanel } from '../../../ui/ConfirmPanel';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useNow } from '../../../ui/use-now';
import { RevokeOtherSessionsDocument, RevokeSessionDocument, SessionsDocument } from '../graphql/sessions.graphql';
import { DeviceCard } from './DeviceCard';

/**
 * "Sessions": every live session of the account, this device first, with the device and browser
 * of its user agent, its IP, when it was last active and when it signed in; "End session" on the
 * others (revokeSession) and "End all other sessions" (revokeOtherSessions) after a confirmation.
 * Both answer the list that remains, which replaces the cached one.
 */
export function SessionsSection({ onMessage }: { onMessage: (m: string) => void }) {
  const t = useT();
  const now = useNow();
  const toUiError = useToUiError();
  const [error, setError] = useState<UiError | null>(null);
  const [confirmingOthers, setConfirmingOthers] = useState(false);
  const { data, loading, error: loadError, client } = useQuery(SessionsDocument);
  const [revoke, revoking] = useMutation(RevokeSessionDocument);
  const [revokeOthers, revokingOthers] = useMutation(RevokeOtherSessionsDocument);

  if (loading && !data) return <p className="muted">{t('sessions.loading')}</p>;
  if (loadError && !data) return <p className="muted">{t('sessions.unavailable')}</p>;
  const sessions = [...(data?.sessions ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  const others = sessions.filter((session) => !session.current);

  const keep = (remaining: SessionInfoFieldsFragment[]) =>
    client.writeQuery({ query: SessionsDocument, data: { sessions: remaining } });

  const endOne = async (session: SessionInfoFieldsFragment, device: string) => {
    setError(null);
    try {
      const remaining = (await revoke({ variables: { id: session.id } })).data?.revokeSession;
      if (remaining) keep(remaining);
      onMessage(t('sessions.ended', { device }));
    } catch (err) {
      setError(toUiError(err));
    }
  };

  const endOthers = async () => {
    setError(null);
    try {
      const remaining = (await revokeOthers()).data?.revokeOtherSessions;
      if (remaining) keep(remaining);
      setConfirmingOthers(false);
      onMessage(t('sessions.othersEnded', { count: others.length }));
    } catch (err) {
      setConfirmingOthers(false);
      setError(toUiError(err));
    }
  };

  const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

  return (
    <div className="sessions">
      <p>{t('sessions.intro')}</p>
      <ul className="devices" aria-label={t('sessions.listLabel')}>
        {sessions.map((session) => (
          <DeviceCard
            key={session.id}
            userAgent={session.userAgent}
            current={session.current}
            badge={session.current ? t('sessions.thisDevice') : undefined}
            details={
              <>
                {session.ipAddress ? t('sessions.ip', { ip: session.ipAddress }) : t('sessions.noIp')}
                {' · '}
                <time dateTime={session.lastSeenAt} title={formatDateTime(t.intl, session.lastSeenAt)}>
                  {t('sessions.lastSeen', { time: formatRelative(t.intl, session.lastSeenAt, now) })}
                </time>
                {' · '}
                {t('sessions.signedIn', { date: formatDateTime(t.intl, session.createdAt) })}
              </>
            }
          >
            {(device) =>
              session.current ? null : (
                <div className="actions actions--compact">
                  <button
                    type="button"
                    className="button button--secondary button--danger-text"
                    disabled={revoking.loading}
                    onClick={() => endOne(session, device)}
                  >
                    {t.rich('sessions.end', { device, hidden })}
                  </button>
                </div>
              )
            }
          </DeviceCard>
        ))}
      </ul>
      {others.length === 0 ? (
        <p className="muted">{t('sessions.onlyThis')}</p>
      ) : confirmingOthers ? (
        <ConfirmPanel
          label={t('sessions.endOthers')}
          confirmLabel={t('sessions.endOthers')}
          onConfirm={endOthers}
          onCancel={() => setConfirmingOthers(false)}
          busy={revokingOthers.loading}
        >
          <p>{t('sessions.endOthersConfirm', { count: others.length })}</p>
        </ConfirmPanel>
      ) : (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => setConfirmingOthers(true)}>
            {t('sessions.endOthers')}
          </button>
        </div>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
