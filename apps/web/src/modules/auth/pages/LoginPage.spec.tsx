import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { trustedDeviceStore } from '../../../storage/trusted-device-store';
import { render } from '../../../test/render';
import { CompleteLoginWithTotpDocument, LoginDocument } from '../graphql/auth.graphql';
import { LoginPage } from './LoginPage';

const account = {
  __typename: 'Account' as const,
  id: 'a1',
  name: 'Ada',
  email: 'ada@example.com',
  initials: 'A',
  locale: 'en',
};
const session = (trustedDeviceToken: string | null) => ({
  __typename: 'Session' as const,
  token: 'tok',
  expiresAt: '2099-01-01T00:00:00Z',
  trustedDeviceToken,
  account,
});
const app = {
  __typename: 'LoginMethod' as const,
  id: 'app-1',
  kind: 'TOTP' as const,
  label: 'Authenticator app',
  maskedPhoneNumber: null,
  description: null,
};
const challenge = {
  __typename: 'TwoFactorChallenge' as const,
  ticket: 't-1',
  expiresAt: '2099-01-01T00:00:00Z',
  defaultMethod: app,
  methods: [app],
};
const login = (trustedDeviceToken: string | null, result: object) => ({
  request: {
    query: LoginDocument,
    variables: { input: { email: 'Ada@Example.com', password: 'correct horse battery', trustedDeviceToken } },
  },
  result: { data: { login: result } },
});

async function logIn() {
  await userEvent.type(screen.getByLabelText('Email'), 'Ada@Example.com');
  await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
  await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginPage and remembered devices', () => {
  beforeEach(() => window.localStorage.clear());

  it('"Remember this device" stores the returned token for this email; the next login sends it and skips the second step', async () => {
    const onSignedIn = jest.fn();
    const { unmount } = render(
      <MockedProvider
        mocks={[
          login(null, challenge),
          {
            request: {
              query: CompleteLoginWithTotpDocument,
              variables: { input: { ticket: 't-1', methodId: 'app-1', code: '123456', rememberDevice: true } },
            },
            result: { data: { completeLoginWithTotp: session('device-token') } },
          },
        ]}
      >
        <LoginPage onSignedIn={onSignedIn} />
      </MockedProvider>,
    );
    await logIn();
    await userEvent.click(await screen.findByRole('checkbox', { name: /Remember this device for 30 days/ }));
    await userEvent.type(screen.getByLabelText('Code from the app'), '123456{Enter}');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(trustedDeviceStore.get('ada@example.com')).toBe('device-token');
    unmount();

    render(
      <MockedProvider mocks={[login('device-token', session(null))]}>
        <LoginPage onSignedIn={onSignedIn} />
      </MockedProvider>,
    );
    await logIn();
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(2));
  });

  it('drops a token the API ignored (the challenge comes back)', async () => {
    trustedDeviceStore.set('ada@example.com', 'forgotten-token');
    render(
      <MockedProvider mocks={[login('forgotten-token', challenge)]}>
        <LoginPage onSignedIn={jest.fn()} />
      </MockedProvider>,
    );
    await logIn();
    await screen.findByLabelText('Code from the app');
    expect(trustedDeviceStore.get('ada@example.com')).toBeNull();
  });
});

describe('LoginPage and a forgotten password', () => {
  it('links to the "Forgot password?" page, in English and French', () => {
    const { unmount } = render(
      <MockedProvider mocks={[]}>
        <LoginPage onSignedIn={jest.fn()} />
      </MockedProvider>,
    );
    expect(screen.getByRole('link', { name: 'Forgot password?' }).getAttribute('href')).toBe('#/forgot-password');
    unmount();
    render(
      <MockedProvider mocks={[]}>
        <LoginPage onSignedIn={jest.fn()} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    expect(screen.getByRole('link', { name: 'Mot de passe oublié ?' }).getAttribute('href')).toBe('#/forgot-password');
  });
});
