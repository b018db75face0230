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
});
