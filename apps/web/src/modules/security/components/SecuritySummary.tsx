import type { TwoFactorStatusFieldsFragment } from '../../../gql/graphql';
import { useT } from '../../../i18n/translator';

/**
 * "Two-factor authentication on · 2 numbers · 1 authenticator app · 1 security key · 9 emergency codes
 * left", the page's state at a glance (confirmed methods only; apps and keys only when there are some,
 * numbers unless apps or keys are all there is).
 */
export function SecuritySummary({ twoFactor }: { twoFactor: TwoFactorStatusFieldsFragment }) {
  const t = useT();
  const numbers = twoFactor.smsMethods.filter((method) => method.status === 'ENABLED').length;
  const apps = twoFactor.totpMethods.length;
  const keys = twoFactor.securityKeys.length;
  const items = [
    {
      key: 'state',
      text: t('summary.twoFactor', { state: twoFactor.enabled ? 'on' : 'off' }),
      tone: twoFactor.enabled ? 'on' : 'off',
    },
    ...(twoFactor.enabled
      ? [
          ...(numbers > 0 || apps + keys === 0
            ? [{ key: 'numbers', text: t('summary.numbers', { count: numbers }), tone: null }]
            : []),
          ...(apps > 0 ? [{ key: 'apps', text: t('summary.apps', { count: apps }), tone: null }] : []),
          ...(keys > 0 ? [{ key: 'keys', text: t('summary.keys', { count: keys }), tone: null }] : []),
          {
            key: 'codes',
            text: twoFactor.backupCodes.active
              ? t('summary.codesLeft', { count: twoFactor.backupCodes.remaining })
              : t('summary.noCodes'),
            tone: twoFactor.backupCodes.active && twoFactor.backupCodes.remaining > 3 ? null : 'warn',
          },
        ]
      : []),
  ];
  return (
    <p className="summary" data-testid="security-summary">
      {items.map((item, index) => (
        <span key={item.key}>
          {index > 0 ? <span className="summary__separator"> · </span> : null}
          <span className={item.tone ? `summary__item summary__item--${item.tone}` : 'summary__item'}>{item.text}</span>
        </span>
      ))}
    </p>
  );
}
