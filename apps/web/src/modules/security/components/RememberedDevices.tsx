import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { TrustedDeviceFieldsFragment } from '../../../gql/graphql';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { formatDateTime } from '../../../i18n/dates';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import {
  ForgetAllTrustedDevicesDocument,
  ForgetTrustedDeviceDocument,
  TrustedDevicesDocument,
} from '../graphql/trusted-devices.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { DeviceCard } from './DeviceCard';

/**
 * "Remembered devices": where a correct password skips the second step (a login that ticked
 * "Remember this device for 30 days"), each with where it was remembered, its last use and until
 * when; Forget one (forgetTrustedDevice) or all (forgetAllTrustedDevices). Both answer the list
 * that remains, which replaces the cached one.
 */
export function RememberedDevices({ onMessage }: { onMessage: (m: string) => void }) {
  const t = useT();
  const toUiError = useToUiError();
  const withReauth = useWithReauth();
  const [error, setError] = useState<UiError | null>(null);
  const { data, loading, error: loadError, client } = useQuery(TrustedDevicesDocument);
  const [forget, forgetting] = useMutation(ForgetTrustedDeviceDocument);
  const [forgetAll, forgettingAll] = useMutation(ForgetAllTrustedDevicesDocument);

  if (loading && !data) return <p className="muted">{t('devices.loading')}</p>;
  if (loadError && !data) return <p className="muted">{t('devices.unavailable')}</p>;
  const devices = data?.trustedDevices ?? [];

  const run = async (action: () => Promise<TrustedDeviceFieldsFragment[] | undefined>, done: string) => {
    setError(null);
    try {
      const remaining = await withReauth(action);
      if (remaining) client.writeQuery({ query: TrustedDevicesDocument, data: { trustedDevices: remaining } });
      onMessage(done);
    } catch (err) {
      if (!(err instanceof ReauthCancelled)) setError(toUiError(err));
    }
  };

  const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

  return (
    <div className="remembered-devices">
      <p>{t('devices.intro')}</p>
      {devices.length === 0 ? (
        <p className="muted">{t('devices.none')}</p>
      ) : (
        <>
          <ul className="devices" aria-label={t('devices.listLabel')}>
            {devices.map((device) => (
              <DeviceCard
                key={device.id}
                userAgent={device.userAgent}
                details={
                  <>
                    {device.ipAddress ? t('sessions.ip', { ip: device.ipAddress }) : t('sessions.noIp')}
                    {' · '}
                    {t('devices.remembered', { date: formatDateTime(t.intl, device.createdAt) })}
                    {' · '}
                    {device.lastUsedAt
                      ? t('methods.lastUsed', { date: formatDateTime(t.intl, device.lastUsedAt) })
                      : t('methods.neverUsed')}
                    {' · '}
                    {t('devices.expires', { date: formatDateTime(t.intl, device.expiresAt) })}
                  </>
                }
              >
                {(name) => (
                  <div className="actions actions--compact">
                    <button
                      type="button"
                      className="button button--secondary button--danger-text"
                      disabled={forgetting.loading}
                      onClick={() =>
                        run(
                          async () => (await forget({ variables: { id: device.id } })).data?.forgetTrustedDevice,
                          t('devices.forgotten', { device: name }),
                        )
                      }
                    >
                      {t.rich('devices.forget', { device: name, hidden })}
                    </button>
                  </div>
                )}
              </DeviceCard>
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={forgettingAll.loading}
              onClick={() =>
                run(async () => (await forgetAll()).data?.forgetAllTrustedDevices, t('devices.allForgotten'))
              }
            >
              {t('devices.forgetAll')}
            </button>
          </div>
        </>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
