import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { render } from '../../../test/render';
import {
  FinishSecurityKeyRegistrationDocument,
  StartSecurityKeyRegistrationDocument,
} from '../graphql/security.graphql';
import { SecurityKeyWizard } from './SecurityKeyWizard';

jest.mock('@simplewebauthn/browser', () => ({
  browserSupportsWebAuthn: jest.fn(() => true),
  startRegistration: jest.fn(),
}));
const supports = browserSupportsWebAuthn as jest.MockedFunction<typeof browserSupportsWebAuthn>;
const register = startRegistration as jest.MockedFunction<typeof startRegistration>;

const options = { challenge: 'Y2hhbGxlbmdl', rp: { id: 'localhost', name: 'Twofold' }, user: {}, pubKeyCredParams: [] };
const credential = { id: 'cred', rawId: 'cred', type: 'public-key', response: {}, clientExtensionResults: {} };
const key = {
  __typename: 'SecurityKey' as const,
  id: 'key-1',
  description: 'Blue key',
  isDefault: false,
  isPasskey: true,
  authenticatorName: null,
  createdAt: '2026-12-02T10:00:00Z',
  lastUsedAt: null,
};
const status = {
  __typename: 'TwoFactorStatus' as const,
  enabled: true,
  defaultMethodId: 'm1',
  smsMethods: [],
  totpMethods: [],
  securityKeys: [key],
  backupCodes: { __typename: 'BackupCodesStatus' as const, active: true, remaining: 10, total: 10, generatedAt: null },
  limits: {
    __typename: 'TwoFactorLimits' as const,
    smsMethodsPerAccount: 5,
    descriptionMaxLength: 100,
  },
};
const start = {
  request: { query: StartSecurityKeyRegistrationDocument },
  result: {
    data: {
      startSecurityKeyRegistration: {
        __typename: 'SecurityKeyRegistration' as const,
        registrationId: 'r1',
        options: JSON.stringify(options),
        expiresAt: '2099-01-01T00:05:00Z',
      },
    },
  },
};
const finish = (backupCodes: string[] | null = null) => ({
  request: {
    query: FinishSecurityKeyRegistrationDocument,
    variables: { input: { registrationId: 'r1', credential: JSON.stringify(credential), description: 'Blue key' } },
  },
  result: {
    data: {
      finishSecurityKeyRegistration: {
        __typename: 'ConfirmTwoFactorMethodPayload' as const,
        methodId: 'key-1',
        backupCodes,
        twoFactor: status,
      },
    },
  },
});

describe('SecurityKeyWizard', () => {
  beforeEach(() => {
    supports.mockReturnValue(true);
    register.mockReset();
  });

  it('adds a passkey with a description through the browser prompt', async () => {
    register.mockResolvedValue(credential as never);
    const onClose = jest.fn();
    render(
      <MockedProvider mocks={[start, finish()]}>
        <SecurityKeyWizard mode="add" onClose={onClose} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    expect(document.activeElement?.textContent).toBe('Add a security key or passkey');
    await userEvent.type(screen.getByLabelText(/Description/), 'Blue key');
    await userEvent.click(screen.getByRole('button', { name: 'Continue with the browser' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith('Passkey (Blue key) added. You can use it to log in.'));
    expect(register).toHaveBeenCalledWith({ optionsJSON: options });
  });

  it('turning 2FA on with a key shows the emergency codes once', async () => {
    register.mockResolvedValue(credential as never);
    render(
      <MockedProvider mocks={[start, finish(['AAAA-BBBB-CCCC-DDDD'])]}>
        <SecurityKeyWizard mode="enable" onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/Description/), 'Blue key{Enter}');
    await screen.findByText('Step 3 of 3');
    expect(document.activeElement?.textContent).toBe('Save your emergency codes');
    expect(screen.getByText('AAAA-BBBB-CCCC-DDDD')).toBeTruthy();
  });

  it.each([
    ['NotAllowedError', 'The request was cancelled or timed out. Nothing was added. Try again when you are ready.'],
    ['InvalidStateError', 'This key is already on your account.'],
    ['UnknownError', "The key couldn't be added. Try again."],
  ])('says what happened when the browser answers %s, and can try again', async (name, message) => {
    register.mockRejectedValue(Object.assign(new Error('browser said no'), { name }));
    render(
      <MockedProvider mocks={[start]}>
        <SecurityKeyWizard mode="add" onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Continue with the browser' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Continue with the browser' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('without WebAuthn in the browser: says so and offers only Cancel', () => {
    supports.mockReturnValue(false);
    render(
      <MockedProvider mocks={[]}>
        <SecurityKeyWizard mode="add" onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    expect(screen.getByText(/^This browser can't use security keys or passkeys\./).className).toBe(
      'alert alert--error',
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Cancel']);
  });

  it('in French', () => {
    render(
      <MockedProvider mocks={[]}>
        <SecurityKeyWizard mode="add" onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    expect(screen.getByRole('button', { name: 'Continuer avec le navigateur' })).toBeTruthy();
  });
});
