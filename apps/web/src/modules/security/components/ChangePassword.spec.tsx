import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { ReauthenticateDocument } from '../../auth/graphql/auth.graphql';
import { ChangePasswordDocument } from '../graphql/password.graphql';
import { ReauthProvider } from '../reauth/ReauthProvider';
import { ChangePassword } from './ChangePassword';

const CURRENT = 'correct horse battery';
const NEW = 'a brand new passphrase';
const change = (result: object, newPassword = NEW) => ({ request: { query: ChangePasswordDocument, variables: { input: { currentPassword: CURRENT, newPassword } } }, result });
const fail = (code: string, extensions: object = {}) => ({ errors: [new GraphQLError('x', { extensions: { code, ...extensions } })] });

async function fill(newPassword = NEW) {
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
  await userEvent.type(screen.getByLabelText('Current password'), CURRENT);
  await userEvent.type(screen.getByLabelText('New password'), newPassword);
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('ChangePassword', () => {
  it('changes the password and says the other sessions were signed out', async () => {
    const onMessage = jest.fn();
    render(
      <MockedProvider mocks={[change({ data: { changePassword: true } })]}>
        <ChangePassword onMessage={onMessage} />
      </MockedProvider>,
    );
    await fill();
    await waitFor(() => expect(onMessage).toHaveBeenCalledWith('Your password is changed. Your other sessions were signed out.'));
    expect(screen.queryByLabelText('Current password')).toBeNull();
  });

  it('outside sudo mode asks for the password first (REAUTH_REQUIRED), then changes it', async () => {
    const onMessage = jest.fn();
    const session = {
      __typename: 'Session',
      token: 't',
      expiresAt: '2099-01-01T00:00:00Z',
      trustedDeviceToken: null,
      account: { __typename: 'Account', id: 'a1', name: 'Ada', email: 'ada@example.com', initials: 'A', locale: 'en' },
    };
    render(
      <MockedProvider
        mocks={[
          change(fail('REAUTH_REQUIRED')),
          { request: { query: ReauthenticateDocument, variables: { input: { password: CURRENT } } }, result: { data: { reauthenticate: session } } },
          change({ data: { changePassword: true } }),
        ]}
      >
        <ReauthProvider>
          <ChangePassword onMessage={onMessage} />
        </ReauthProvider>
      </MockedProvider>,
    );
    await fill();
    const password = await screen.findByLabelText('Password');
    await userEvent.type(password, CURRENT);
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(onMessage).toHaveBeenCalledWith('Your password is changed. Your other sessions were signed out.'));
  });

  it('a wrong current password and a weak new one are said plainly, in French too', async () => {
    render(
      <MockedProvider mocks={[change(fail('INVALID_CREDENTIALS')), change(fail('BAD_USER_INPUT', { fields: { newPassword: 'Use at least 10 characters.' } }), 'short')]}>
        <ChangePassword onMessage={jest.fn()} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    await userEvent.type(screen.getByLabelText('Mot de passe actuel'), CURRENT);
    await userEvent.type(screen.getByLabelText(/^Nouveau mot de passe/), NEW);
    await userEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    expect(await screen.findByText('L’e-mail ou le mot de passe est incorrect.')).toBeTruthy();
    await userEvent.clear(screen.getByLabelText(/^Nouveau mot de passe/));
    await userEvent.type(screen.getByLabelText(/^Nouveau mot de passe/), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    expect(await screen.findByText(/Choisissez un autre nouveau mot de passe/)).toBeTruthy();
  });

  it('Cancel closes the form without a request', async () => {
    render(
      <MockedProvider mocks={[]}>
        <ChangePassword onMessage={jest.fn()} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Current password')).toBeNull();
  });
});
