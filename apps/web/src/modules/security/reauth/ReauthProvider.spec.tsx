import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import { render } from '../../../test/render';
import userEvent from '@testing-library/user-event';
import { useMutation } from '@apollo/client/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@twofold/error-codes';
import { ReauthenticateDocument } from '../../auth/graphql/auth.graphql';
import { DeleteBackupCodesDocument } from '../graphql/security.graphql';
import { ReauthCancelled, ReauthProvider, useWithReauth } from './ReauthProvider';

const status = {
  __typename: 'TwoFactorStatus' as const,
  enabled: true,
  defaultMethodId: 'm1',
  smsMethods: [],
  totpMethods: [],
  backupCodes: { __typename: 'BackupCodesStatus' as const, active: false, remaining: 0, total: 0, generatedAt: null },
  limits: { __typename: 'TwoFactorLimits' as const, smsMethodsPerAccount: 5, descriptionMaxLength: 100 },
};

const reauthRequired = {
  request: { query: DeleteBackupCodesDocument },
  result: { errors: [new GraphQLError('Confirm your password', { extensions: { code: ErrorCode.REAUTH_REQUIRED } })] },
};

function DeleteButton() {
  const withReauth = useWithReauth();
  const [remove] = useMutation(DeleteBackupCodesDocument);
  const [outcome, setOutcome] = useState('');
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          try {
            await withReauth(() => remove());
            setOutcome('deleted');
          } catch (err) {
            setOutcome(err instanceof ReauthCancelled ? 'cancelled' : 'failed');
          }
        }}
      >
        Delete
      </button>
      <p>{outcome}</p>
    </>
  );
}

describe('ReauthProvider', () => {
  it('asks for the password on REAUTH_REQUIRED, then retries the change', async () => {
    render(
      <MockedProvider
        mocks={[
          reauthRequired,
          {
            request: { query: ReauthenticateDocument, variables: { input: { password: 'correct horse battery' } } },
            result: {
              data: {
                reauthenticate: {
                  __typename: 'Session',
                  token: 'same-token',
                  expiresAt: '2099-01-01T00:00:00Z',
                  trustedDeviceToken: null,
                  account: {
                    __typename: 'Account',
                    id: 'a1',
                    name: 'Ada',
                    email: 'ada@example.com',
                    initials: 'A',
                    locale: 'en',
                  },
                },
              },
            },
          },
          { request: { query: DeleteBackupCodesDocument }, result: { data: { deleteBackupCodes: status } } },
        ]}
      >
        <ReauthProvider>
          <DeleteButton />
        </ReauthProvider>
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const password = await screen.findByLabelText('Password');
    expect(document.activeElement).toBe(password);
    await userEvent.type(password, 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('deleted')).toBeTruthy();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('says plainly when the password is wrong, and gives up when cancelled', async () => {
    render(
      <MockedProvider
        mocks={[
          reauthRequired,
          {
            request: { query: ReauthenticateDocument, variables: { input: { password: 'nope' } } },
            result: { errors: [new GraphQLError('bad', { extensions: { code: ErrorCode.INVALID_CREDENTIALS } })] },
          },
        ]}
      >
        <ReauthProvider>
          <DeleteButton />
        </ReauthProvider>
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.type(await screen.findByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('That password is not right.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByText('cancelled')).toBeTruthy());
  });
});
