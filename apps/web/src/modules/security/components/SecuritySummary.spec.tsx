import { screen } from '@testing-library/react';
import { render } from '../../../test/render';
import { SecuritySummary } from './SecuritySummary';

const number = (id: string, status: 'ENABLED' | 'PENDING_VERIFICATION') => ({
  __typename: 'SmsMethod' as const,
  id,
  phoneNumber: '+447911123456',
  maskedPhoneNumber: '+44 •••• ••3456',
  countryCode: 'GB',
  description: null,
  status,
  isDefault: id === 'm1',
  createdAt: '2026-11-28T12:00:00Z',
  verifiedAt: null,
  lastUsedAt: null,
  delivery: { __typename: 'SmsDeliveryHealth' as const, lastDeliveredAt: null as string | null, consecutiveFailures: 0, lastFailedAt: null as string | null },
});

const app = (id: string) => ({
  __typename: 'TotpMethod' as const,
  id,
  description: 'Phone app',
  isDefault: false,
  createdAt: '2026-11-28T12:00:00Z',
  lastUsedAt: null,
});

const key = (id: string) => ({
  __typename: 'SecurityKey' as const,
  id,
  description: null,
  isDefault: false,
  isPasskey: true,
  authenticatorName: null,
  createdAt: '2026-11-28T12:00:00Z',
  lastUsedAt: null,
});

const status = (
  enabled: boolean,
  remaining: number,
  numbers = [number('m1', 'ENABLED'), number('m2', 'ENABLED')],
  apps: ReturnType<typeof app>[] = [],
  keys: ReturnType<typeof key>[] = [],
) => ({
  __typename: 'TwoFactorStatus' as const,
  enabled,
  defaultMethodId: enabled ? 'm1' : null,
  smsMethods: enabled ? numbers : [],
  totpMethods: enabled ? apps : [],
  securityKeys: enabled ? keys : [],
  backupCodes: {
    __typename: 'BackupCodesStatus' as const,
    active: enabled,
    remaining,
    total: 10,
    generatedAt: null,
  },
  limits: { __typename: 'TwoFactorLimits' as const, smsMethodsPerAccount: 5, descriptionMaxLength: 100 },
});

const summary = () => screen.getByTestId('security-summary').textContent;

describe('SecuritySummary', () => {
  it('counts security keys and passkeys, and leaves out numbers when there are none', () => {
    const { rerender } = render(<SecuritySummary twoFactor={status(true, 10, [], [], [key('k1'), key('k2')])} />);
    expect(summary()).toBe('Two-factor authentication on · 2 security keys or passkeys · 10 emergency codes left');
    rerender(<SecuritySummary twoFactor={status(true, 10, [number('m1', 'ENABLED')], [app('a1')], [key('k1')])} />);
    expect(summary()).toBe(
      'Two-factor authentication on · 1 number · 1 authenticator app · 1 security key or passkey · 10 emergency codes left',
    );
  });

  it('says the state at a glance', () => {
    const { rerender } = render(<SecuritySummary twoFactor={status(true, 9)} />);
    expect(summary()).toBe('Two-factor authentication on · 2 numbers · 9 emergency codes left');
    rerender(
      <SecuritySummary twoFactor={status(true, 1, [number('m1', 'ENABLED'), number('m2', 'PENDING_VERIFICATION')])} />,
    );
    expect(summary()).toBe('Two-factor authentication on · 1 number · 1 emergency code left');
    rerender(<SecuritySummary twoFactor={status(false, 0)} />);
    expect(summary()).toBe('Two-factor authentication off');
  });

  it('counts authenticator apps, and leaves out "no numbers" when apps are all there is', () => {
    const { rerender } = render(
      <SecuritySummary twoFactor={status(true, 10, [number('m1', 'ENABLED')], [app('a1')])} />,
    );
    expect(summary()).toBe('Two-factor authentication on · 1 number · 1 authenticator app · 10 emergency codes left');
    rerender(<SecuritySummary twoFactor={status(true, 10, [], [app('a1'), app('a2')])} />);
    expect(summary()).toBe('Two-factor authentication on · 2 authenticator apps · 10 emergency codes left');
  });

  it('in French, with French plurals', () => {
    render(<SecuritySummary twoFactor={status(true, 0)} />, { locale: 'fr' });
    expect(summary()).toBe('Double authentification activée · 2 numéros · 0 code de secours restant');
  });
});
