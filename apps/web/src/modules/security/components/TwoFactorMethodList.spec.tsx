import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import {
  RemoveTwoFactorMethodDocument,
  SetDefaultTwoFactorMethodDocument,
  UpdateTwoFactorMethodDocument,
} from '../graphql/security.graphql';
import { TwoFactorMethodList } from './TwoFactorMethodList';

const number = {
  __typename: 'SmsMethod' as const,
  id: 'm1',
  phoneNumber: '+447911123456',
  maskedPhoneNumber: '+44 •••• ••3456',
  countryCode: 'GB',
  description: 'Work phone',
  status: 'ENABLED' as 'ENABLED' | 'PENDING_VERIFICATION',
  isDefault: true,
  createdAt: '2026-11-28T12:00:00Z',
  verifiedAt: '2026-11-28T12:01:00Z',
  lastUsedAt: null,
  delivery: { __typename: 'SmsDeliveryHealth' as const, lastDeliveredAt: null as string | null, consecutiveFailures: 0, lastFailedAt: null as string | null },
};

const app = {
  __typename: 'TotpMethod' as const,
  id: 'app-1',
  description: 'Phone app' as string | null,
  isDefault: false,
  createdAt: '2026-11-28T12:05:00Z',
  lastUsedAt: '2026-11-29T08:30:00Z' as string | null,
};

const key = {
  __typename: 'SecurityKey' as const,
  id: 'key-1',
  description: 'Blue key' as string | null,
  isDefault: false,
  isPasskey: false,
  authenticatorName: 'YubiKey 5 Series' as string | null,
  createdAt: '2026-11-30T10:00:00Z',
  lastUsedAt: null as string | null,
};

const status = (apps = [app], numbers = [number]) => ({
  __typename: 'TwoFactorStatus' as const,
  enabled: true,
  defaultMethodId: 'm1',
  smsMethods: numbers,
  totpMethods: apps,
  backupCodes: {
    __typename: 'BackupCodesStatus' as const,
    active: true,
    remaining: 10,
    total: 10,
    generatedAt: '2026-11-28T12:01:00Z',
  },
  limits: { __typename: 'TwoFactorLimits' as const, smsMethodsPerAccount: 5, descriptionMaxLength: 100 },
});

describe('TwoFactorMethodList', () => {
  const buttons = (item: HTMLElement) =>
    within(item)
      .getAllByRole('button')
      .map((b) => b.textContent);

  it('lists numbers, apps and security keys together, oldest first, each with its kind, default badge and last use', () => {
    const older = { ...app, id: 'app-0', description: null, createdAt: '2026-11-27T09:00:00Z', lastUsedAt: null };
    const passkey = {
      ...key,
      id: 'key-2',
      description: null,
      isPasskey: true,
      authenticatorName: null,
      createdAt: '2026-12-01T10:00:00Z',
    };
    render(
      <MockedProvider mocks={[]}>
        <TwoFactorMethodList
          twoFactor={{ ...status([app, older]), securityKeys: [passkey, key] }}
          onMessage={jest.fn()}
        />
      </MockedProvider>,
    );
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(items[0].textContent).toMatch(/^Authenticator appNo descriptionAdded .* · Not used to log in yet/);
    expect(items[1].textContent).toMatch(/^SMS\+44 •••• ••3456DefaultWork phoneAdded /);
    expect(items[2].textContent).toMatch(/^Authenticator appPhone appAdded .* · Last used .*2026/);
    expect(items[3].textContent).toMatch(/^Security keyYubiKey 5 SeriesBlue keyAdded .* · Not used to log in yet/);
    expect(items[4].textContent).toMatch(/^PasskeyNo descriptionAdded /);
    expect(within(items[2]).queryByText('Default')).toBeNull();
    // Every kind is renamed, made default and removed the same way; the default has no Make default.
    expect(buttons(items[2])).toEqual([
      'Edit description of Authenticator app (Phone app)',
      'Make default Authenticator app (Phone app)',
      'Remove Authenticator app (Phone app)',
    ]);
    expect(buttons(items[1])).toEqual([
      'Edit description of +44 •••• ••3456 (Work phone)',
      'Remove +44 •••• ••3456 (Work phone)',
    ]);
    expect(buttons(items[3])[2]).toBe('Remove Security key (Blue key)');
  });

  it('offers only Remove for a number waiting for its code, and it does not count as a method', () => {
    const pending = { ...number, id: 'm2', status: 'PENDING_VERIFICATION' as const, isDefault: false };
    render(
      <MockedProvider mocks={[]}>
        <TwoFactorMethodList twoFactor={status([], [number, pending])} onMessage={jest.fn()} />
      </MockedProvider>,
    );
    const items = screen.getAllByRole('listitem');
    expect(items[1].textContent).toContain('Waiting for confirmation');
    expect(buttons(items[1])).toEqual(['Remove +44 •••• ••3456 (Work phone)']);
    // The enabled number is the only confirmed method: removing it turns 2FA off.
    return userEvent.click(within(items[0]).getByRole('button', { name: /^Remove/ })).then(() => {
      expect(within(items[0]).getByRole('group').textContent).toContain('It is your last sign-in method');
    });
  });

  it('shows when a number last got a code, and warns when its last code SMS were not delivered', () => {
    const failing = {
      ...number,
      id: 'm3',
      isDefault: false,
      delivery: { __typename: 'SmsDeliveryHealth' as const, lastDeliveredAt: '2026-11-30T09:00:00Z', consecutiveFailures: 2, lastFailedAt: '2026-12-01T10:00:00Z' },
    };
    render(
      <MockedProvider mocks={[]}>
        <TwoFactorMethodList twoFactor={status([], [number, failing])} onMessage={jest.fn()} />
      </MockedProvider>,
    );
    const items = screen.getAllByRole('listitem');
    expect(items[0].textContent).not.toContain('Last code delivered');
    expect(within(items[0]).queryByRole('note')).toBeNull();
    expect(items[1].textContent).toMatch(/Last code delivered Nov 30, 2026/);
    expect(within(items[1]).getByRole('note').textContent).toMatch(/^The last 2 code SMS to this number were not delivered \(last Dec 1, 2026/);
  });

  it('makes an app the default method', async () => {
    const onMessage = jest.fn();
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: SetDefaultTwoFactorMethodDocument, variables: { methodId: 'app-1' } },
            result: {
              data: {
                setDefaultTwoFactorMethod: {
                  ...status([{ ...app, isDefault: true }], [{ ...number, isDefault: false }]),
                  defaultMethodId: 'app-1',
                },
              },
            },
          },
        ]}
      >
        <TwoFactorMethodList twoFactor={status()} onMessage={onMessage} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Make default Authenticator app (Phone app)' }));
    await waitFor(() =>
      expect(onMessage).toHaveBeenCalledWith('Authenticator app (Phone app) is now your default method.'),
    );
  });

  it('renames an app with updateTwoFactorMethod', async () => {
    const onMessage = jest.fn();
    render(
      <MockedProvider
        mocks={[
          {
            request: {
              query: UpdateTwoFactorMethodDocument,
              variables: { input: { methodId: 'app-1', description: 'Tablet app' } },
            },
            result: { data: { updateTwoFactorMethod: status([{ ...app, description: 'Tablet app' }]) } },
          },
        ]}
      >
        <TwoFactorMethodList twoFactor={status()} onMessage={onMessage} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Edit description of Authenticator app (Phone app)' }));
    const field = screen.getByLabelText(/Description/);
    expect(document.activeElement).toBe(field);
    await userEvent.clear(field);
    await userEvent.type(field, '  Tablet app {Enter}');
    await waitFor(() => expect(onMessage).toHaveBeenCalledWith('Description of Authenticator app (Tablet app) saved.'));
  });

  it('removes a security key after a confirmation with removeTwoFactorMethod', async () => {
    const onMessage = jest.fn();
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: RemoveTwoFactorMethodDocument, variables: { methodId: 'key-1' } },
            result: { data: { removeTwoFactorMethod: status() } },
          },
        ]}
      >
        <TwoFactorMethodList twoFactor={{ ...status(), securityKeys: [key] }} onMessage={onMessage} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove Security key (Blue key)' }));
    const group = screen.getByRole('group', { name: 'Remove Security key (Blue key)' });
    expect(group.textContent).toMatch(/^Remove Security key \(Blue key\)\?/);
    expect(document.activeElement).toBe(within(group).getByRole('button', { name: 'Remove key' }));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(onMessage).toHaveBeenCalledWith('Security key (Blue key) removed.'));
  });

  it('in French', () => {
    render(
      <MockedProvider mocks={[]}>
        <TwoFactorMethodList
          twoFactor={{ ...status([{ ...app, isDefault: true }], []), securityKeys: [{ ...key, isPasskey: true }] }}
          onMessage={jest.fn()}
        />
      </MockedProvider>,
      { locale: 'fr' },
    );
    const items = screen.getAllByRole('listitem');
    expect(items[0].textContent).toMatch(/^Application d’authentificationPar défautPhone appAjoutée le /);
    expect(items[1].textContent).toMatch(/^Clé d’accèsYubiKey 5 SeriesBlue keyAjoutée le /);
    expect(within(items[1]).getByRole('button', { name: /^Retirer/ }).textContent).toBe(
      'Retirer\u00a0: Clé d’accès (Blue key)',
    );
  });
});
