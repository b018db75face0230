import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { ResetPasswordDocument } from '../graphql/password-reset.graphql';
import { takeResetPasswordLink } from '../utils/reset-password-link';
import { ResetPasswordPage } from './ResetPasswordPage';

const TOKEN = 'C'.repeat(43);
const NEW = 'a brand new passphrase';

function openLink(token: string | null) {
  const replaceState = jest.fn();
  takeResetPasswordLink({ pathname: '/reset-password', search: token ? `?token=${token}` : '' } as Location, { replaceState } as unknown as History);
  return replaceState;
}
const reset = (newPassword: string, result: object) => ({ request: { query: ResetPasswordDocument, variables: { input: { token: TOKEN, newPassword } } }, result });
const fail = (code: string, extensions: object = {}) => ({ errors: [new GraphQLError('x', { extensions: { code, ...extensions } })] });

describe('ResetPasswordPage', () => {
  it('takes the token out of the address bar, sets the new password, forgets this browser’s session and says 2FA is still asked', async () => {
    const replaceState = openLink(TOKEN);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/#/reset-password');
    const onReset = jest.fn();
    render(
      <MockedProvider mocks={[reset(NEW, { data: { resetPassword: true } })]}>
        <ResetPasswordPage onReset={onReset} />
      </MockedProvider>,
    );
    await userEvent.type(screen.getByLabelText('New password'), NEW);
    await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(await screen.findByText(/every session was signed out/)).toBeTruthy();
    expect(screen.getByText(/it will still ask for your second step/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('#/login');
    expect(onReset).toHaveBeenCalledTimes(1);
  });

  it('a weak password is shown beside the field and the link stays usable', async () => {
    openLink(TOKEN);
    const onReset = jest.fn();
    render(
      <MockedProvider mocks={[reset('short', fail('BAD_USER_INPUT', { fields: { newPassword: 'Use at least 10 characters.' } })), reset(NEW, { data: { resetPassword: true } })]}>
        <ResetPasswordPage onReset={onReset} />
      </MockedProvider>,
    );
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(await screen.findByText('Use at least 10 characters.')).toBeTruthy();
    await userEvent.clear(screen.getByLabelText('New password'));
    await userEvent.type(screen.getByLabelText('New password'), NEW);
    await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    await waitFor(() => expect(onReset).toHaveBeenCalledTimes(1));
  });

  it('a used, expired or unknown link (INVALID_TOKEN) says so and offers a new one, in French too', async () => {
    openLink(TOKEN);
    const onReset = jest.fn();
    render(
      <MockedProvider mocks={[reset(NEW, fail('INVALID_TOKEN'))]}>
        <ResetPasswordPage onReset={onReset} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    await userEvent.type(screen.getByLabelText('Nouveau mot de passe'), NEW);
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }));
    expect(await screen.findByText(/Ce lien n’est pas valide, a expiré ou a déjà servi/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Demander un nouveau lien' }).getAttribute('href')).toBe('#/forgot-password');
    expect(onReset).not.toHaveBeenCalled();
  });

  it('without a token says where to find the link; other paths are left alone', () => {
    render(
      <MockedProvider mocks={[]}>
        <ResetPasswordPage onReset={() => undefined} />
      </MockedProvider>,
    );
    expect(screen.getByText(/Open the link from the e-mail/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    const replaceState = jest.fn();
    takeResetPasswordLink({ pathname: '/verify-email', search: '?token=x' } as Location, { replaceState } as unknown as History);
    expect(replaceState).not.toHaveBeenCalled();
  });
});
