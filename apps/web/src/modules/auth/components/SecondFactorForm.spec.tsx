import { screen, waitFor } from '@testing-library/react';
import { render } from '../../../test/render';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@twofold/error-codes';
import type { TwoFactorChallengeFieldsFragment } from '../../../gql/graphql';
import {
  CompleteLoginWithBackupCodeDocument,
  CompleteLoginWithSmsDocument,
  CompleteLoginWithTotpDocument,
  SendLoginSmsCodeDocument,
} from '../graphql/auth.graphql';
import { SecondFactorForm } from './SecondFactorForm';

const personal = {
  __typename: 'LoginMethod' as const,
  id: 'm1',
  kind: 'SMS' as const,
  label: 'SMS to +44 •••• ••0123 (Personal phone)',
  maskedPhoneNumber: '+44 •••• ••0123',
  description: 'Personal phone',
};
const work = {
  ...personal,
  id: 'm2',
  label: 'SMS to +44 •••• ••0456 (Work phone)',
  maskedPhoneNumber: '+44 •••• ••0456',
  description: 'Work phone',
};
const backup = {
  ...personal,
  id: 'backup',
  kind: 'BACKUP_CODE' as const,
  label: 'Emergency code',
  maskedPhoneNumber: null,
  description: null,
};

const app = {
  ...personal,
  id: 'app-1',
  kind: 'TOTP' as const,
  label: 'Authenticator app (Phone app)',
  maskedPhoneNumber: null,
  description: 'Phone app',
};

const challenge: TwoFactorChallengeFieldsFragment = {
  ticket: 't-1',
  expiresAt: '2099-01-01T00:00:00Z',
  defaultMethod: personal,
  methods: [personal, work, backup],
};

const dispatch = {
  __typename: 'SmsCodeDispatch' as const,
  id: 'd1',
  maskedPhoneNumber: '+44 •••• ••0123',
  status: 'DELIVERED' as const,
  expiresAt: '2099-01-01T00:05:00Z',
  resendAvailableAt: '2000-01-01T00:00:00Z',
  failureReason: null,
};

const session = {
  __typename: 'Session' as const,
  token: 'tok',
  expiresAt: '2099-01-01T00:00:00Z',
  trustedDeviceToken: null,
  account: {
    __typename: 'Account' as const,
    id: 'a1',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    initials: 'AL',
    locale: 'en',
  },
};

describe('SecondFactorForm', () => {
  it('offers the default number first, sends its code with one click, then says how many tries are left', async () => {
    const onSuccess = jest.fn();
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: SendLoginSmsCodeDocument, variables: { input: { ticket: 't-1', methodId: 'm1' } } },
            result: { data: { sendLoginSmsCode: dispatch } },
          },
          {
            request: {
              query: CompleteLoginWithSmsDocument,
              variables: { input: { ticket: 't-1', methodId: 'm1', code: '111111' } },
            },
            result: {
              errors: [
                new GraphQLError('Wrong code', { extensions: { code: ErrorCode.INVALID_CODE, remainingAttempts: 4 } }),
              ],
            },
          },
          {
            request: {
              query: CompleteLoginWithSmsDocument,
              variables: { input: { ticket: 't-1', methodId: 'm1', code: '123456' } },
            },
            result: { data: { completeLoginWithSms: session } },
          },
        ]}
      >
        <SecondFactorForm challenge={challenge} onSuccess={onSuccess} onRestart={jest.fn()} />
      </MockedProvider>,
    );

    expect(screen.getByText(/We'll send a 6-digit code by SMS to/).textContent).toContain(
      '+44 •••• ••0123 (Personal phone)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send code' }));
    const code = await screen.findByLabelText('Security code');
    expect(await screen.findByText('Code delivered to +44 •••• ••0123.')).toBeTruthy();

    await userEvent.type(code, '111111');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('That code is not right. You have 4 tries left.')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Security code'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ token: 'tok' })));
  });

  it('"Try another method" lists every number by its label and "Emergency code"', async () => {
    const onSuccess = jest.fn();
    render(
      <MockedProvider
        mocks={[
          {
            request: {
              query: CompleteLoginWithBackupCodeDocument,
              variables: { input: { ticket: 't-1', code: 'ABCD-EFGH-JKMN-PQRS' } },
            },
            result: { data: { completeLoginWithBackupCode: session } },
          },
        ]}
      >
        <SecondFactorForm challenge={challenge} onSuccess={onSuccess} onRestart={jest.fn()} />
      </MockedProvider>,
    );
    const toggle = screen.getByRole('button', { name: 'Try another method' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const options = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(options).toEqual([personal.label, work.label, 'Emergency code']);

    await userEvent.click(screen.getByRole('button', { name: 'Emergency code' }));
    await userEvent.type(screen.getByLabelText('Emergency code'), 'abcdefghjkmnpqrs');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
  });

  it('sends the customer back to the password when the ticket has expired', async () => {
    const onRestart = jest.fn();
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: SendLoginSmsCodeDocument, variables: { input: { ticket: 't-1', methodId: 'm1' } } },
            result: { errors: [new GraphQLError('expired', { extensions: { code: ErrorCode.TICKET_EXPIRED } })] },
          },
        ]}
      >
        <SecondFactorForm challenge={challenge} onSuccess={jest.fn()} onRestart={onRestart} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send code' }));
    await waitFor(() =>
      expect(onRestart).toHaveBeenCalledWith('This sign-in took too long. Enter your password again.'),
    );
  });

  it('shows the wait after too many tries and offers to start again', async () => {
    const onRestart = jest.fn();
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: SendLoginSmsCodeDocument, variables: { input: { ticket: 't-1', methodId: 'm1' } } },
            result: {
              errors: [
                new GraphQLError('no', { extensions: { code: ErrorCode.TOO_MANY_ATTEMPTS, retryAfterSeconds: 900 } }),
              ],
            },
          },
        ]}
      >
        <SecondFactorForm challenge={challenge} onSuccess={jest.fn()} onRestart={onRestart} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('Too many wrong codes. Try again in 15 minutes.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(onRestart).toHaveBeenCalled();
  });

  describe('with an authenticator app', () => {
    const appFirst: TwoFactorChallengeFieldsFragment = {
      ...challenge,
      defaultMethod: app,
      methods: [app, personal, backup],
    };
    const totp = (code: string) => ({
      query: CompleteLoginWithTotpDocument,
      variables: { input: { ticket: 't-1', methodId: 'app-1', code } },
    });

    it('as the default: a 6-digit code field at once (no "Send code"), tries left, then signed in', async () => {
      const onSuccess = jest.fn();
      render(
        <MockedProvider
          mocks={[
            {
              request: totp('111111'),
              result: {
                errors: [
                  new GraphQLError('Wrong code', {
                    extensions: { code: ErrorCode.INVALID_CODE, remainingAttempts: 3 },
                  }),
                ],
              },
            },
            { request: totp('123456'), result: { data: { completeLoginWithTotp: session } } },
          ]}
        >
          <SecondFactorForm challenge={appFirst} onSuccess={onSuccess} onRestart={jest.fn()} />
        </MockedProvider>,
      );
      expect(screen.getByText(/Open your authenticator app/).textContent).toBe(
        'Open your authenticator app (Phone app) and enter the 6-digit code it shows for Twofold.',
      );
      expect(screen.queryByRole('button', { name: 'Send code' })).toBeNull();
      const code = screen.getByLabelText('Code from the app');
      expect(document.activeElement).toBe(code);
      expect(code.getAttribute('autocomplete')).toBe('one-time-code');
      expect(code.getAttribute('inputmode')).toBe('numeric');

      await userEvent.type(code, '12 34');
      await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
      expect(await screen.findByText('Enter the 6 digits your authenticator app shows.')).toBeTruthy();

      await userEvent.clear(code);
      await userEvent.type(code, '111111');
      await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
      expect(await screen.findByText('That code is not right. You have 3 tries left.')).toBeTruthy();
      expect((screen.getByLabelText('Code from the app') as HTMLInputElement).value).toBe('');

      await userEvent.type(screen.getByLabelText('Code from the app'), '123456');
      await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
      await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ token: 'tok' })));
    });

    it('"Try another method" names it in the page\'s language and types its code straight away', async () => {
      const onSuccess = jest.fn();
      render(
        <MockedProvider mocks={[{ request: totp('654321'), result: { data: { completeLoginWithTotp: session } } }]}>
          <SecondFactorForm
            challenge={{ ...challenge, methods: [personal, work, app, backup] }}
            onSuccess={onSuccess}
            onRestart={jest.fn()}
          />
        </MockedProvider>,
        { locale: 'fr' },
      );
      await userEvent.click(screen.getByRole('button', { name: 'Essayer une autre méthode' }));
      expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
        'SMS au +44 •••• ••0123 (Personal phone)',
        'SMS au +44 •••• ••0456 (Work phone)',
        'Application d’authentification (Phone app)',
        'Code de secours',
      ]);
      await userEvent.click(screen.getByRole('button', { name: 'Application d’authentification (Phone app)' }));
      expect(screen.queryByRole('button', { name: 'Envoyer le code' })).toBeNull();
      const code = screen.getByLabelText('Code de l’application');
      expect(document.activeElement).toBe(code);
      await userEvent.type(code, '654321');
      await userEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
      await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    });

    it('an app without a description is "Authenticator app"', async () => {
      const plain = { ...app, description: null, label: 'Authenticator app' };
      render(
        <MockedProvider mocks={[]}>
          <SecondFactorForm
            challenge={{ ...challenge, defaultMethod: plain, methods: [plain, backup] }}
            onSuccess={jest.fn()}
            onRestart={jest.fn()}
          />
        </MockedProvider>,
      );
      expect(
        screen.getByText('Open your authenticator app and enter the 6-digit code it shows for Twofold.'),
      ).toBeTruthy();
      await userEvent.click(screen.getByRole('button', { name: 'Try another method' }));
      expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
        'Authenticator app',
        'Emergency code',
      ]);
    });

    it('too many wrong codes offers to start again', async () => {
      const onRestart = jest.fn();
      render(
        <MockedProvider
          mocks={[
            {
              request: totp('222222'),
              result: {
                errors: [
                  new GraphQLError('no', { extensions: { code: ErrorCode.TOO_MANY_ATTEMPTS, retryAfterSeconds: 0 } }),
                ],
              },
            },
          ]}
        >
          <SecondFactorForm challenge={appFirst} onSuccess={jest.fn()} onRestart={onRestart} />
        </MockedProvider>,
      );
      await userEvent.type(screen.getByLabelText('Code from the app'), '222222');
      await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
      expect(await screen.findByRole('button', { name: 'Start again' })).toBeTruthy();
      await userEvent.click(screen.getByRole('button', { name: 'Start again' }));
      expect(onRestart).toHaveBeenCalled();
    });

    it('an expired ticket sends the customer back to the password', async () => {
      const onRestart = jest.fn();
      render(
        <MockedProvider
          mocks={[
            {
              request: totp('333333'),
              result: { errors: [new GraphQLError('expired', { extensions: { code: ErrorCode.TICKET_EXPIRED } })] },
            },
          ]}
        >
          <SecondFactorForm challenge={appFirst} onSuccess={jest.fn()} onRestart={onRestart} />
        </MockedProvider>,
      );
      await userEvent.type(screen.getByLabelText('Code from the app'), '333333');
      await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
      await waitFor(() =>
        expect(onRestart).toHaveBeenCalledWith('This sign-in took too long. Enter your password again.'),
      );
    });
  });
});
