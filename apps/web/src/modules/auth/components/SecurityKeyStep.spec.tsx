import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { render } from '../../../test/render';
import type { TwoFactorChallengeFieldsFragment } from '../../../gql/graphql';
import {
  CompleteLoginWithSecurityKeyDocument,
  CompleteLoginWithTotpDocument,
  StartSecurityKeyLoginDocument,
} from '../graphql/auth.graphql';
import { SecondFactorForm } from './SecondFactorForm';

jest.mock('@simplewebauthn/browser', () => ({
  browserSupportsWebAuthn: jest.fn(() => true),
  startAuthentication: jest.fn(),
}));
const supports = browserSupportsWebAuthn as jest.MockedFunction<typeof browserSupportsWebAuthn>;
const authenticate = startAuthentication as jest.MockedFunction<typeof startAuthentication>;

const method = (id: string, kind: 'SMS' | 'TOTP' | 'SECURITY_KEY' | 'BACKUP_CODE', description: string | null) => ({
  __typename: 'LoginMethod' as const,
  id,
  kind,
  label: kind,
  maskedPhoneNumber: kind === 'SMS' ? '+44 •••• ••0123' : null,
  description,
});
const key = method('key-1', 'SECURITY_KEY', 'Blue key');
const sms = method('m1', 'SMS', 'Work phone');
const app = method('app-1', 'TOTP', 'Phone app');
const backup = method('backup', 'BACKUP_CODE', null);

const challenge = (defaultMethod = key): TwoFactorChallengeFieldsFragment => ({
  ticket: 't-1',
  expiresAt: '2099-01-01T00:00:00Z',
  defaultMethod,
  methods: [sms, app, key, backup],
});

const session = {
  __typename: 'Session' as const,
  token: 'tok',
  expiresAt: '2099-01-01T00:00:00Z',
  trustedDeviceToken: 'remembered-token' as string | null,
  account: {
    __typename: 'Account' as const,
    id: 'a1',
    name: 'Ada',
    email: 'ada@example.com',
    initials: 'A',
    locale: 'en',
  },
};

const options = { challenge: 'Y2hhbGxlbmdl', rpId: 'localhost', allowCredentials: [] };
const startMock = {
  request: { query: StartSecurityKeyLoginDocument, variables: { input: { ticket: 't-1' } } },
  result: {
    data: {
      startSecurityKeyLogin: {
        __typename: 'SecurityKeyAssertion' as const,
        options: JSON.stringify(options),
        expiresAt: '2099-01-01T00:05:00Z',
      },
    },
  },
};
const credential = { id: 'cred', rawId: 'cred', type: 'public-key', response: {}, clientExtensionResults: {} };

describe('SecondFactorForm with a security key', () => {
  beforeEach(() => {
    supports.mockReturnValue(true);
    authenticate.mockReset();
  });

  it('focuses "Use my key": Enter runs the browser prompt, then signs in and remembers the device when ticked', async () => {
    authenticate.mockResolvedValue(credential as never);
    const onSuccess = jest.fn();
    render(
      <MockedProvider
        mocks={[
          startMock,
          {
            request: {
              query: CompleteLoginWithSecurityKeyDocument,
              variables: { input: { ticket: 't-1', credential: JSON.stringify(credential), rememberDevice: true } },
            },
            result: { data: { completeLoginWithSecurityKey: session } },
          },
        ]}
      >
        <SecondFactorForm challenge={challenge()} onSuccess={onSuccess} onRestart={jest.fn()} offerRemember />
      </MockedProvider>,
    );
    expect(screen.getByText(/Use your security key or passkey \(/).textContent).toContain('Blue key');
    expect(screen.queryByRole('textbox')).toBeNull(); // no code to type
    await userEvent.click(screen.getByRole('checkbox', { name: /Remember this device for 30 days/ }));
    screen.getByRole('button', { name: 'Use my key' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ trustedDeviceToken: 'remembered-token' })),
    );
    expect(authenticate).toHaveBeenCalledWith({ optionsJSON: options });
  });

  it('is the focused control when chosen under "Try another method", and says a cancelled prompt in the alert region', async () => {
    authenticate.mockRejectedValue(
      Object.assign(new Error('The operation either timed out or was not allowed.'), { name: 'NotAllowedError' }),
    );
    render(
      <MockedProvider mocks={[startMock]}>
        <SecondFactorForm challenge={challenge(sms)} onSuccess={jest.fn()} onRestart={jest.fn()} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try another method' }));
    await userEvent.click(screen.getByRole('button', { name: 'Security key or passkey (Blue key)' }));
    const use = screen.getByRole('button', { name: 'Use my key' });
    expect(document.activeElement).toBe(use);
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The request was cancelled or timed out. Select "Use my key" to try again, or try another method.',
      ),
    );
    expect(document.activeElement).toBe(use);
  });

  it('a refused key (INVALID_CODE) is said, and the step stays', async () => {
    authenticate.mockResolvedValue(credential as never);
    render(
      <MockedProvider
        mocks={[
          startMock,
          {
            request: {
              query: CompleteLoginWithSecurityKeyDocument,
              variables: { input: { ticket: 't-1', credential: JSON.stringify(credential) } },
            },
            result: { errors: [{ message: 'bad', extensions: { code: 'INVALID_CODE', remainingAttempts: 4 } }] },
          },
        ]}
      >
        <SecondFactorForm challenge={challenge()} onSuccess={jest.fn()} onRestart={jest.fn()} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Use my key' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'This key was not accepted. Try another key or another method.',
      ),
    );
  });

  it('without WebAuthn in the browser: no button, a message, and the other methods', async () => {
    supports.mockReturnValue(false);
    render(
      <MockedProvider mocks={[]}>
        <SecondFactorForm challenge={challenge()} onSuccess={jest.fn()} onRestart={jest.fn()} />
      </MockedProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Use my key' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe(
      "This browser can't use security keys or passkeys. Try another method.",
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try another method' }));
    // The default method first, then the others in the API's order: every kind, then the emergency code.
    expect(
      within(screen.getByRole('list'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Security key or passkey (Blue key)',
      'SMS to +44 •••• ••0123 (Work phone)',
      'Authenticator app (Phone app)',
      'Emergency code',
    ]);
  });

  it('sends rememberDevice with a code at login, and never in re-authentication', async () => {
    const onSuccess = jest.fn();
    const totp = (rememberDevice?: boolean) => ({
      request: {
        query: CompleteLoginWithTotpDocument,
        variables: {
          input: {
            ticket: 't-1',
            methodId: 'app-1',
            code: '123456',
            ...(rememberDevice === undefined ? {} : { rememberDevice }),
          },
        },
      },
      result: { data: { completeLoginWithTotp: { ...session, trustedDeviceToken: null } } },
    });
    const { unmount } = render(
      <MockedProvider mocks={[totp(false)]}>
        <SecondFactorForm challenge={challenge(app)} onSuccess={onSuccess} onRestart={jest.fn()} offerRemember />
      </MockedProvider>,
    );
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
    await userEvent.type(screen.getByLabelText('Code from the app'), '123456{Enter}');
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    unmount();
    render(
      <MockedProvider mocks={[totp()]}>
        <SecondFactorForm challenge={challenge(app)} onSuccess={onSuccess} onRestart={jest.fn()} headingLevel="h3" />
      </MockedProvider>,
    );
    expect(screen.queryByRole('checkbox')).toBeNull();
    await userEvent.type(screen.getByLabelText('Code from the app'), '123456{Enter}');
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(2));
  });

  it('in French', () => {
    render(
      <MockedProvider mocks={[]}>
        <SecondFactorForm challenge={challenge()} onSuccess={jest.fn()} onRestart={jest.fn()} offerRemember />
      </MockedProvider>,
      { locale: 'fr' },
    );
    expect(screen.getByRole('button', { name: 'Utiliser ma clé' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Mémoriser cet appareil pendant 30 jours/ })).toBeTruthy();
  });
});
