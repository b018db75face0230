import '../../../test/text-encoder';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@twofold/error-codes';
import { render } from '../../../test/render';
import { CompleteLoginWithTotpDocument, ReauthenticateDocument } from '../../auth/graphql/auth.graphql';
import { ConfirmTotpMethodDocument, StartTotpEnrollmentDocument } from '../graphql/security.graphql';
import { ReauthProvider } from '../reauth/ReauthProvider';
import { AuthenticatorAppWizard, enrollmentDeadline } from './AuthenticatorAppWizard';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const enrollment = (id = 'e1', secret = SECRET) => ({
  __typename: 'TotpEnrollment' as const,
  enrollmentId: id,
  secret,
  otpauthUri: `otpauth://totp/Twofold:ada@example.com?secret=${secret}&issuer=Twofold`,
  expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
});

const app = {
  __typename: 'TotpMethod' as const,
  id: 'app-1',
  description: 'Phone app',
  isDefault: true,
  createdAt: '2026-11-28T12:00:00Z',
  lastUsedAt: null,
};

const twoFactor = {
  __typename: 'TwoFactorStatus' as const,
  enabled: true,
  defaultMethodId: 'app-1',
  smsMethods: [],
  totpMethods: [app],
  backupCodes: {
    __typename: 'BackupCodesStatus' as const,
    active: true,
    remaining: 10,
    total: 10,
    generatedAt: '2026-11-28T12:01:00Z',
  },
  limits: { __typename: 'TwoFactorLimits' as const, smsMethodsPerAccount: 5, descriptionMaxLength: 100 },
};

const codes = Array.from({ length: 10 }, (_, i) => `ABCD-EFGH-JKMN-P${'23456789AB'[i]}QR`);

const start = (result: object) => ({ request: { query: StartTotpEnrollmentDocument }, result });
const confirm = (code: string, description: string | null, result: object, enrollmentId = 'e1') => ({
  request: { query: ConfirmTotpMethodDocument, variables: { input: { enrollmentId, code, description } } },
  result,
});
const confirmed = (backupCodes: string[] | null) => ({
  data: {
    confirmTotpMethod: { __typename: 'ConfirmTwoFactorMethodPayload', methodId: 'app-1', backupCodes, twoFactor },
  },
});
const failure = (code: ErrorCode, extensions: object = {}) => ({
  errors: [new GraphQLError(code, { extensions: { code, ...extensions } })],
});

describe('AuthenticatorAppWizard', () => {
  it('turns 2FA on: QR code and grouped key, a wrong code, then the emergency codes once', async () => {
    const onClose = jest.fn();
    render(
      <MockedProvider
        mocks={[
          start({ data: { startTotpEnrollment: enrollment() } }),
          confirm('000000', 'Phone app', failure(ErrorCode.INVALID_CODE, { remainingAttempts: 4 })),
          confirm('123456', 'Phone app', confirmed(codes)),
        ]}
      >
        <AuthenticatorAppWizard mode="enable" onClose={onClose} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    expect(screen.getByText('Preparing your QR code…')).toBeTruthy();
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();

    const qr = await screen.findByRole('img', { name: 'QR code to add Twofold to your authenticator app' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Set up your authenticator app' }));
    expect(screen.getByRole('link', { name: /Open the key in your authenticator app/ }).getAttribute('href')).toBe(
      enrollment().otpauthUri,
    );

    const code = screen.getByLabelText('Code from the app');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(screen.getByText('Enter the 6 digits your authenticator app shows.')).toBeTruthy();
    expect(document.activeElement).toBe(code);

    await userEvent.type(screen.getByLabelText(/Description/), 'Phone app');
    await userEvent.type(code, '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('That code is not right. You have 4 tries left.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Code from the app'));

    await userEvent.type(screen.getByLabelText('Code from the app'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Step 3 of 3')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Save your emergency codes' }));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(codes);
    await userEvent.click(screen.getByLabelText('I have saved these codes'));
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith('Two-factor authentication is on.'));
  });

  it('adds an app while 2FA is on: no emergency codes, the app named in the outcome', async () => {
    const onClose = jest.fn();
    render(
      <MockedProvider
        mocks={[
          start({ data: { startTotpEnrollment: enrollment() } }),
          confirm('123456', 'Phone app', confirmed(null)),
        ]}
      >
        <AuthenticatorAppWizard mode="add" onClose={onClose} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Add an authenticator app' })).toBeTruthy();
    expect(screen.queryByText(/Step \d of/)).toBeNull();
    await userEvent.type(await screen.findByLabelText('Code from the app'), '123456');
    await userEvent.type(screen.getByLabelText(/Description/), '  Phone app ');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() =>
      expect(onClose).toHaveBeenCalledWith('Authenticator app (Phone app) added. You can use it to log in.'),
    );
  });

  it('copies the key without its spaces', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(
      <MockedProvider mocks={[start({ data: { startTotpEnrollment: enrollment() } })]}>
        <AuthenticatorAppWizard mode="add" onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Copy key' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await screen.findByText('Key copied to the clipboard.')).toBeTruthy();
  });

  it('an enrollment the API says has lapsed (CODE_EXPIRED): a clear message, and Start again gets a new key', async () => {
    const second = enrollment('e2', 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU');
    render(
      <MockedProvider
        mocks={[
          start({ data: { startTotpEnrollment: enrollment() } }),
          confirm('123456', null, failure(ErrorCode.CODE_EXPIRED)),
          start({ data: { startTotpEnrollment: second } }),
        ]}
      >
        <AuthenticatorAppWizard mode="add" onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    await userEvent.type(await screen.findByLabelText('Code from the app'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const title = await screen.findByRole('heading', { name: 'This QR code has expired' });
    expect(document.activeElement).toBe(title);
    expect(
      screen.getByText('For your security, a QR code works for 10 minutes, and this one has expired.'),
    ).toBeTruthy();
    expect(screen.getByText(/delete that entry/)).toBeTruthy();
    expect(screen.queryByLabelText('Code from the app')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Start again' }));
    await waitFor(() =>
      expect(screen.getByTestId('totp-secret').textContent).toBe('KRSX G5CT MVRX EZLU KRSX G5CT MVRX EZLU'),
    );
  });

  it('says the QR code has expired when its 10 minutes are up, before any code is refused', async () => {
    jest.useFakeTimers();
    try {
      render(
        <MockedProvider mocks={[start({ data: { startTotpEnrollment: enrollment() } })]}>
          <AuthenticatorAppWizard mode="add" onClose={jest.fn()} descriptionMaxLength={100} />
        </MockedProvider>,
      );
      await screen.findByLabelText('Code from the app');
      expect(screen.getByText(/^This QR code works until /)).toBeTruthy();
      act(() => {
        jest.advanceTimersByTime(9 * 60_000);
      });
      expect(screen.getByLabelText('Code from the app')).toBeTruthy();
      act(() => {
        jest.advanceTimersByTime(60_000 + 1000);
      });
      expect(screen.getByRole('heading', { name: 'This QR code has expired' })).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });

  it('too many wrong codes ends the enrollment (also a last wrong code with 0 tries left)', async () => {
    render(
      <MockedProvider
        mocks={[
          start({ data: { startTotpEnrollment: enrollment() } }),
          confirm('111111', null, failure(ErrorCode.INVALID_CODE, { remainingAttempts: 0 })),
        ]}
      >
        <AuthenticatorAppWizard mode="add" onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    await userEvent.type(await screen.findByLabelText('Code from the app'), '111111');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('heading', { name: 'Too many wrong codes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start again' })).toBeTruthy();
  });

  it("says why the enrollment could not start (the API's limit), and can try again", async () => {
    render(
      <MockedProvider
        mocks={[
          start({
            errors: [
              new GraphQLError('You have 5 authenticator apps, the most an account can have.', {
                extensions: { code: ErrorCode.BAD_USER_INPUT, fields: {} },
              }),
            ],
          }),
          start({ data: { startTotpEnrollment: enrollment() } }),
        ]}
      >
        <AuthenticatorAppWizard mode="add" onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    expect(await screen.findByText('You have 5 authenticator apps, the most an account can have.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Code from the app')).toBeTruthy();
  });

  it('refuses a description over the limit before asking the API', async () => {
    render(
      <MockedProvider mocks={[start({ data: { startTotpEnrollment: enrollment() } })]}>
        <AuthenticatorAppWizard mode="add" onClose={jest.fn()} descriptionMaxLength={5} />
      </MockedProvider>,
    );
    await userEvent.type(await screen.findByLabelText('Code from the app'), '123456');
    await userEvent.type(screen.getByLabelText(/Description/), 'Phone app');
    expect(screen.getByText('Use at most 5 characters.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/Description/));
  });

  it('outside sudo mode: password, then the second factor with an authenticator app, then the QR code', async () => {
    const session = {
      __typename: 'Session' as const,
      token: 'same-token',
      expiresAt: '2099-01-01T00:00:00Z',
      trustedDeviceToken: null,
      account: {
        __typename: 'Account' as const,
        id: 'a1',
        name: 'Ada',
        email: 'ada@example.com',
        initials: 'A',
        locale: 'en',
      },
    };
    const method = {
      __typename: 'LoginMethod' as const,
      id: 'app-1',
      kind: 'TOTP' as const,
      label: 'Authenticator app (Phone app)',
      maskedPhoneNumber: null,
      description: 'Phone app',
    };
    render(
      <MockedProvider
        mocks={[
          start(failure(ErrorCode.REAUTH_REQUIRED)),
          {
            request: { query: ReauthenticateDocument, variables: { input: { password: 'correct horse battery' } } },
            result: {
              data: {
                reauthenticate: {
                  __typename: 'TwoFactorChallenge',
                  ticket: 'sudo-1',
                  expiresAt: '2099-01-01T00:00:00Z',
                  defaultMethod: method,
                  methods: [
                    method,
                    { ...method, id: 'backup-code', kind: 'BACKUP_CODE', label: 'Emergency code', description: null },
                  ],
                },
              },
            },
          },
          {
            request: {
              query: CompleteLoginWithTotpDocument,
              variables: { input: { ticket: 'sudo-1', methodId: 'app-1', code: '246810' } },
            },
            result: { data: { completeLoginWithTotp: session } },
          },
          start({ data: { startTotpEnrollment: enrollment() } }),
        ]}
      >
        <ReauthProvider>
          <AuthenticatorAppWizard mode="add" onClose={jest.fn()} descriptionMaxLength={100} />
        </ReauthProvider>
      </MockedProvider>,
    );
    await userEvent.type(await screen.findByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const code = await screen.findByLabelText('Code from the app');
    expect(screen.queryByRole('button', { name: 'Send code' })).toBeNull();
    await userEvent.type(code, '246810');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('img', { name: /QR code/ })).toBeTruthy();
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
  });
});

describe('enrollmentDeadline', () => {
  const now = Date.parse('2026-12-02T01:00:00Z');
  it("keeps the API's lifetime on this device's clock", () => {
    expect(enrollmentDeadline('2026-12-02T01:10:00Z', now)).toBe(now + 10 * 60_000);
    expect(enrollmentDeadline('2026-12-02T01:09:30Z', now)).toBe(now + 9.5 * 60_000);
  });
  it("falls back to the contract's 10 minutes when the clocks disagree too much", () => {
    expect(enrollmentDeadline('2026-12-02T00:50:00Z', now)).toBe(now + 10 * 60_000); // device 20 minutes ahead
    expect(enrollmentDeadline('2026-12-02T02:10:00Z', now)).toBe(now + 10 * 60_000); // device an hour behind
    expect(enrollmentDeadline('not a date', now)).toBe(now + 10 * 60_000);
  });
});
