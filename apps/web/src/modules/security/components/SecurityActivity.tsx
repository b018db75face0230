import { useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import type { SecurityEventType } from '../../../gql/graphql';
import { formatDateTime, formatRelative } from '../../../i18n/dates';
import type { MessageId } from '../../../i18n/messages/en';
import { useT, type Translator } from '../../../i18n/translator';
import { useNow } from '../../../ui/use-now';
import { SecurityEventsDocument } from '../graphql/security.graphql';
import { eventDetail } from '../utils/event-detail.util';
import { parseUserAgent, type DeviceKind } from '../utils/user-agent.util';

export const ACTIVITY_PAGE_SIZE = 10;

// Every type of the schema must have words (a new one fails typecheck after codegen); extra keys
// are allowed so the app can learn a type before the API's schema commits it.
const EVENT_NAMES: Record<SecurityEventType, MessageId> & Record<string, MessageId> = {
  ACCOUNT_CREATED: 'event.ACCOUNT_CREATED',
  LOGIN_SUCCEEDED: 'event.LOGIN_SUCCEEDED',
  LOGIN_FAILED: 'event.LOGIN_FAILED',
  SECOND_FACTOR_FAILED: 'event.SECOND_FACTOR_FAILED',
  SESSION_REVOKED: 'event.SESSION_REVOKED',
  REAUTHENTICATED: 'event.REAUTHENTICATED',
  SMS_METHOD_ADDED: 'event.SMS_METHOD_ADDED',
  SMS_METHOD_CONFIRMED: 'event.SMS_METHOD_CONFIRMED',
  SMS_METHOD_UPDATED: 'event.SMS_METHOD_UPDATED',
  SMS_METHOD_REMOVED: 'event.SMS_METHOD_REMOVED',
  DEFAULT_METHOD_CHANGED: 'event.DEFAULT_METHOD_CHANGED',
  TWO_FACTOR_ENABLED: 'event.TWO_FACTOR_ENABLED',
  TWO_FACTOR_DISABLED: 'event.TWO_FACTOR_DISABLED',
  BACKUP_CODES_GENERATED: 'event.BACKUP_CODES_GENERATED',
  BACKUP_CODES_DELETED: 'event.BACKUP_CODES_DELETED',
  BACKUP_CODE_USED: 'event.BACKUP_CODE_USED',
  SMS_SEND_BLOCKED: 'event.SMS_SEND_BLOCKED',
  // Issue 13: notices by e-mail and their "This wasn't me" link.
  EMAIL_SEND_BLOCKED: 'event.EMAIL_SEND_BLOCKED',
  ACTIVITY_REPORTED: 'event.ACTIVITY_REPORTED',
  // Issue 13: lost-phone recovery.
  RECOVERY_REQUESTED: 'event.RECOVERY_REQUESTED',
  RECOVERY_STARTED: 'event.RECOVERY_STARTED',
  RECOVERY_CANCELLED: 'event.RECOVERY_CANCELLED',
  RECOVERY_COMPLETED: 'event.RECOVERY_COMPLETED',
  // Contract v2 (authenticator apps), worded ahead of the schema.
  TOTP_METHOD_ADDED: 'event.TOTP_METHOD_ADDED',
  TWO_FACTOR_METHOD_UPDATED: 'event.TWO_FACTOR_METHOD_UPDATED',
  TWO_FACTOR_METHOD_REMOVED: 'event.TWO_FACTOR_METHOD_REMOVED',
  SECURITY_KEY_ADDED: 'event.SECURITY_KEY_ADDED',
  TRUSTED_DEVICE_ADDED: 'event.TRUSTED_DEVICE_ADDED',
  TRUSTED_DEVICE_REMOVED: 'event.TRUSTED_DEVICE_REMOVED',
  // Issue 13: the operator CLI's support reset (`twofold account reset-2fa`).
  TWO_FACTOR_RESET_BY_SUPPORT: 'event.TWO_FACTOR_RESET_BY_SUPPORT',
  // Issue 13: password change and reset.
  PASSWORD_CHANGED: 'event.PASSWORD_CHANGED',
  PASSWORD_RESET_REQUESTED: 'event.PASSWORD_RESET_REQUESTED',
  PASSWORD_RESET: 'event.PASSWORD_RESET',
};

/** Events that record something refused or failed: marked in words and colour. */
const FAILURES: readonly string[] = ['LOGIN_FAILED', 'SECOND_FACTOR_FAILED', 'SMS_SEND_BLOCKED', 'EMAIL_SEND_BLOCKED'];

export function isFailure(type: string): boolean {
  return FAILURES.includes(type);
}

export function eventName(type: string, t: Translator): string {
  const id = EVENT_NAMES[type];
  return id ? t(id) : type.toLowerCase().replace(/_/g, ' ');
}

const DEVICE_KINDS: Record<DeviceKind, MessageId> = {
  desktop: 'device.desktop',
  mobile: 'device.mobile',
  tablet: 'device.tablet',
  tv: 'device.tv',
};

/** ["Chrome 131 on macOS", "Computer"]: browser and system first, then the kind or model of device. */
export function describeDevice(userAgent: string | null | undefined, t: Translator): [string, string | null] {
  const ua = parseUserAgent(userAgent);
  const main =
    ua.browser && ua.os
      ? t('device.browserOn', { browser: ua.browser, os: ua.os })
      : (ua.browser ?? ua.os ?? t('device.unknown'));
  const kind = ua.model ?? (ua.kind ? t(DEVICE_KINDS[ua.kind]) : null);
  return [main, kind];
}

/**
 * "Recent security activity" as a table, newest first: the event (failures marked), the device and
 * browser from the user agent, the IP address and when (relative, the exact time below it).
 * "Show more" asks for the page after the connection's end cursor.
 */
export function SecurityActivity() {
  const t = useT();
  const now = useNow();
  const titleId = useId();
  const table = useRef<HTMLTableSectionElement>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(SecurityEventsDocument, {
    variables: { first: ACTIVITY_PAGE_SIZE },
  });
  const events = data?.securityEvents.nodes ?? [];
  const pageInfo = data?.securityEvents.pageInfo;
  // After "Show more" the first new row takes focus: the button may be gone, and reading goes on there.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    const index = focusRow.current;
    const row = index === null ? undefined : table.current?.querySelectorAll<HTMLElement>('tr')[index];
    if (row) {
      row.focus();
      focusRow.current = null;
    }
  }, [events.length]);
  if (loading && !data) return <p className="muted">{t('activity.loading')}</p>;
  if (error && !data) return <p className="muted">{t('activity.unavailable')}</p>;
  if (events.length === 0) return <p className="muted">{t('activity.empty')}</p>;

  const showMore = async () => {
    if (!pageInfo?.endCursor) return;
    const before = events.length;
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      focusRow.current = before;
      await fetchMore({ variables: { after: pageInfo.endCursor } });
    } catch {
      focusRow.current = null;
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="activity">
      <table className="activity__table" aria-labelledby={titleId}>
        <caption id={titleId} className="visually-hidden">
          {t('activity.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('activity.column.event')}</th>
            <th scope="col">{t('activity.column.device')}</th>
            <th scope="col">{t('activity.column.ip')}</th>
            <th scope="col">{t('activity.column.when')}</th>
          </tr>
        </thead>
        <tbody ref={table}>
          {events.map((event) => {
            const failed = isFailure(event.type);
            const [device, kind] = describeDevice(event.userAgent, t);
            return (
              <tr
                key={event.id}
                tabIndex={-1}
                className={failed ? 'activity__row activity__row--failed' : 'activity__row'}
              >
                <td data-label={t('activity.column.event')}>
                  <span className="activity__what">
                    {failed ? (
                      <span className="badge badge--failed">
                        <span aria-hidden="true">✕ </span>
                        {t('activity.failed')}
                      </span>
                    ) : null}{' '}
                    {eventName(event.type, t)}
                  </span>
                  {event.detail ? <span className="activity__detail muted">{eventDetail(event.detail, t)}</span> : null}
                </td>
                <td data-label={t('activity.column.device')}>
                  <span className="activity__device">{device}</span>
                  {kind ? <span className="activity__kind muted">{kind}</span> : null}
                </td>
                <td data-label={t('activity.column.ip')} className="activity__ip">
                  {event.ipAddress ?? <span className="muted">{t('activity.noIp')}</span>}
                </td>
                <td data-label={t('activity.column.when')}>
                  <time dateTime={event.createdAt} title={formatDateTime(t.intl, event.createdAt)}>
                    {formatRelative(t.intl, event.createdAt, now)}
                  </time>
                  <span className="activity__exact muted">{formatDateTime(t.intl, event.createdAt)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pageInfo?.hasNextPage ? (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={showMore} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('activity.showMore')}
          </button>
        </div>
      ) : null}
      {moreFailed ? (
        <p className="field__error" role="alert">
          {t('activity.moreFailed')}
        </p>
      ) : null}
    </div>
  );
}
