import { useQuery } from '@apollo/client/react';
import type { SecurityEventType } from '../../../gql/graphql';
import { SecurityEventsDocument } from '../graphql/security.graphql';
import { formatDateTime } from './format';

// Every type of the schema must have words (a new one fails typecheck after codegen); extra keys
// are allowed so the app can learn a type before the API's schema commits it.
const EVENT_NAMES: Record<SecurityEventType, string> & Record<string, string> = {
  ACCOUNT_CREATED: 'Account created',
  LOGIN_SUCCEEDED: 'Logged in',
  LOGIN_FAILED: 'Failed login attempt',
  SECOND_FACTOR_FAILED: 'Wrong two-factor code',
  SESSION_REVOKED: 'Logged out',
  REAUTHENTICATED: 'Password confirmed',
  SMS_METHOD_ADDED: 'Number added, waiting for confirmation',
  SMS_METHOD_CONFIRMED: 'Number confirmed',
  SMS_METHOD_UPDATED: 'Number description changed',
  SMS_METHOD_REMOVED: 'Number removed',
  DEFAULT_METHOD_CHANGED: 'Default number changed',
  TWO_FACTOR_ENABLED: 'Two-factor authentication turned on',
  TWO_FACTOR_DISABLED: 'Two-factor authentication turned off',
  BACKUP_CODES_GENERATED: 'Emergency codes created',
  BACKUP_CODES_DELETED: 'Emergency codes deleted',
  BACKUP_CODE_USED: 'Emergency code used to log in',
  SMS_SEND_BLOCKED: 'SMS not sent: sending limit reached',
};

export function eventName(type: string): string {
  return EVENT_NAMES[type] ?? type.toLowerCase().replace(/_/g, ' ');
}

/** "Recent security activity" from securityEvents, newest first. */
export function SecurityActivity() {
  const { data, loading, error } = useQuery(SecurityEventsDocument, { variables: { first: 20 } });
  const events = data?.securityEvents.nodes ?? [];
  if (loading && !data) return <p className="muted">Loading activity…</p>;
  if (error && !data) return <p className="muted">Activity can&apos;t be shown right now.</p>;
  if (events.length === 0) return <p className="muted">No activity yet.</p>;
  return (
    <ol className="activity">
      {events.map((event) => (
        <li key={event.id}>
          <span className="activity__what">{eventName(event.type)}</span>
          {event.detail ? <span className="activity__detail"> · {event.detail}</span> : null}
          <span className="activity__when muted">
            <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
            {event.ipAddress ? ` · ${event.ipAddress}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
