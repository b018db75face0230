import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { DisableTwoFactorDocument } from '../graphql/security.graphql';
import { DisableTwoFactor } from './DisableTwoFactor';

const off = {
  __typename: 'TwoFactorStatus' as const,
  enabled: false,
  defaultMethodId: null,
  smsMethods: [],
  totpMethods: [],
  backupCodes: { __typename: 'BackupCodesStatus' as const, active: false, remaining: 0, total: 0, generatedAt: null },
  limits: { __typename: 'TwoFactorLimits' as const, smsMethodsPerAccount: 5, descriptionMaxLength: 100 },
};

const mocks = [{ request: { query: DisableTwoFactorDocument }, result: { data: { disableTwoFactor: off } } }];

describe('DisableTwoFactor', () => {
  it('says what goes before turning 2FA off, with the confirm button focused', async () => {
    const onMessage = jest.fn();
    render(
      <MockedProvider mocks={mocks}>
        <DisableTwoFactor methodCount={3} onMessage={onMessage} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Turn off two-factor authentication' }));
    const group = screen.getByRole('group', { name: 'Turn off two-factor authentication' });
    expect(
      within(group)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'all 3 sign-in methods (numbers, authenticator apps, security keys)',
      'your emergency codes',
      'every remembered device',
    ]);
    const confirm = within(group).getByRole('button', { name: 'Turn off two-factor authentication' });
    expect(document.activeElement).toBe(confirm);
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(onMessage).toHaveBeenCalledWith(
        'Two-factor authentication is off. Your sign-in methods, emergency codes and remembered devices were deleted.',
      ),
    );
  });

  it('Cancel keeps everything', async () => {
    const onMessage = jest.fn();
    render(
      <MockedProvider mocks={[]}>
        <DisableTwoFactor methodCount={1} onMessage={onMessage} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Turn off two-factor authentication' }));
    expect(screen.getByText(/your sign-in method \(/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(onMessage).not.toHaveBeenCalled();
  });

  it('shows an API error in the alert region', async () => {
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: DisableTwoFactorDocument },
            result: {
              errors: [{ message: 'rate limited', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }],
            },
          },
        ]}
      >
        <DisableTwoFactor methodCount={1} onMessage={jest.fn()} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Turn off two-factor authentication' }));
    await userEvent.click(within(screen.getByRole('group')).getByRole('button', { name: /^Turn off/ }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Too many attempts. Try again in 30 seconds.'),
    );
  });

  it('in French', async () => {
    render(
      <MockedProvider mocks={[]}>
        <DisableTwoFactor methodCount={2} onMessage={jest.fn()} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Désactiver la double authentification' }));
    expect(screen.getByRole('group').textContent).toContain('vos 2 méthodes de connexion');
  });
});
