import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { SetDefaultTwoFactorMethodDocument } from '../graphql/security.graphql';
import { TwoFactorMethodList } from './TwoFactorMethodList';

const number = {
  __typename: 'SmsMethod' as const,
  id: 'm1',
  phoneNumber: '+447911123456',
  maskedPhoneNumber: '+44 •••• ••3456',
  countryCode: 'GB',
  description: 'Work phone',
  status: 'ENABLED' as const,
  isDefault: true,
  createdAt: '2026-11-28T12:00:00Z',
  verifiedAt: '2026-11-28T12:01:00Z',
  lastUsedAt: null,
};

const app = {
  __typename: 'TotpMethod' as const,
  id: 'app-1',
  description: 'Phone app' as string | null,
  isDefault: false,
  createdAt: '2026-11-28T12:05:00Z',
  lastUsedAt: '2026-11-29T08:30:00Z' as string | null,
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
  it('lists numbers and apps together, oldest first, each with its kind, default badge and last use', () => {
    const older = { ...app, id: 'app-0', description: null, createdAt: '2026-11-27T09:00:00Z', lastUsedAt: null };
    render(
      <MockedProvider mocks={[]}>
        <TwoFactorMethodList twoFactor={status([app, older])} onMessage={jest.fn()} />
      </MockedProvider>,
    );
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0].textContent).toMatch(/^Authenticator appNo descriptionAdded .* · Not used to log in yet/);
    expect(items[1].textContent).toMatch(/^SMS\+44 •••• ••3456DefaultWork phone/);
    expect(items[2].textContent).toMatch(/^Authenticator appPhone appAdded .* · Last used .*2026/);
    expect(within(items[2]).queryByText('Default')).toBeNull();
    // The API has no rename or remove for apps yet: only "Make default".
    expect(
      within(items[2])
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Make default Authenticator app (Phone app)']);
    // Removing the number would leave the apps: it is not the last method.
    expect(within(items[1]).getByRole('button', { name: /^Remove/ })).toBeTruthy();
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

  it('in French', () => {
    render(
      <MockedProvider mocks={[]}>
        <TwoFactorMethodList twoFactor={status([{ ...app, isDefault: true }], [])} onMessage={jest.fn()} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    const item = screen.getByRole('listitem');
    expect(item.textContent).toMatch(/^Application d’authentificationPar défautPhone appAjoutée le /);
  });
});
