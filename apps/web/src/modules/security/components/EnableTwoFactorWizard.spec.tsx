import { screen, waitFor } from '@testing-library/react';
import { render } from '../../../test/render';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@twofold/error-codes';
import { AddSmsMethodDocument, ConfirmSmsMethodDocument } from '../graphql/security.graphql';
import { EnableTwoFactorWizard } from './EnableTwoFactorWizard';

const method = {
  __typename: 'SmsMethod' as const,
  id: 'm1',
  phoneNumber: '+447911123456',
  maskedPhoneNumber: '+44 •••• ••3456',
  countryCode: 'GB',
  description: null,
  status: 'PENDING_VERIFICATION' as const,
  isDefault: false,
  createdAt: '2026-11-28T12:00:00Z',
  verifiedAt: null,
  lastUsedAt: null,
  delivery: { __typename: 'SmsDeliveryHealth' as const, lastDeliveredAt: null as string | null, consecutiveFailures: 0, lastFailedAt: null as string | null },
};

const dispatch = {
  __typename: 'SmsCodeDispatch' as const,
  id: 'd1',
  maskedPhoneNumber: '+44 •••• ••3456',
  status: 'DELIVERED' as const,
  expiresAt: '2099-01-01T00:05:00Z',
  resendAvailableAt: '2099-01-01T00:00:30Z',
  failureReason: null,
};

const twoFactor = {
  __typename: 'TwoFactorStatus' as const,
  enabled: true,
  defaultMethodId: 'm1',
  smsMethods: [{ ...method, status: 'ENABLED' as const, isDefault: true, description: 'Work phone' }],
  totpMethods: [],
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

describe('EnableTwoFactorWizard', () => {
  it('goes from SMS to number to code to emergency codes', async () => {
    const onClose = jest.fn();
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: AddSmsMethodDocument, variables: { input: { phoneNumber: '+447911123456' } } },
            result: { data: { addSmsMethod: { __typename: 'AddSmsMethodPayload', method, dispatch } } },
          },
          {
            request: {
              query: ConfirmSmsMethodDocument,
              variables: { input: { methodId: 'm1', code: '000000', description: 'Work phone' } },
            },
            result: {
              errors: [
                new GraphQLError('Wrong', { extensions: { code: ErrorCode.INVALID_CODE, remainingAttempts: 4 } }),
              ],
            },
          },
          {
            request: {
              query: ConfirmSmsMethodDocument,
              variables: { input: { methodId: 'm1', code: '123456', description: 'Work phone' } },
            },
            result: {
              data: {
                confirmSmsMethod: {
                  __typename: 'ConfirmSmsMethodPayload',
                  method: twoFactor.smsMethods[0],
                  twoFactor,
                  backupCodes: codes,
                },
              },
            },
          },
        ]}
      >
        <EnableTwoFactorWizard mode="enable" methods={[]} onClose={onClose} descriptionMaxLength={100} />
      </MockedProvider>,
    );

    expect(screen.getByText('Step 1 of 4')).toBeTruthy();
    expect(screen.getByRole('radio', { name: /SMS/ })).toHaveProperty('checked', true);
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));

    // Checked before anything is sent.
    await userEvent.click(screen.getByRole('button', { name: 'Send code' }));
    expect(screen.getByText('Enter your mobile number.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Mobile number'), '+447911123456');
    expect(screen.getByLabelText('Mobile number')).toHaveProperty('value', '+44 7911 123456');
    await userEvent.click(screen.getByRole('button', { name: 'Send code' }));

    const code = await screen.findByLabelText('Confirmation code');
    expect(screen.getByText('Code delivered to +44 •••• ••3456.')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Resend code in/ })).toHaveProperty('disabled', true);
    await userEvent.type(screen.getByLabelText(/Description/), 'Work phone');
    await userEvent.type(code, '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('That code is not right. You have 4 tries left.')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Confirmation code'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Step 4 of 4')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(codes);

    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByText('Confirm that you have saved the codes first.')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(screen.getByLabelText('I have saved these codes'));
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith('Two-factor authentication is on.'));
  });

  it("shows the API's reason when it refuses the number", async () => {
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: AddSmsMethodDocument, variables: { input: { phoneNumber: '+447911123456' } } },
            result: {
              errors: [
                new GraphQLError("Numbers from GB can't be used here.", {
                  extensions: { code: ErrorCode.COUNTRY_NOT_ALLOWED },
                }),
              ],
            },
          },
        ]}
      >
        <EnableTwoFactorWizard mode="add" methods={[]} onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    expect(screen.getByText('Step 1 of 2')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Mobile number'), '+447911123456');
    await userEvent.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText(/Numbers from this country can't be used here/)).toBeTruthy();
    expect(screen.getByLabelText('Mobile number').getAttribute('aria-invalid')).toBe('true');
  });

  it('offers an authenticator app next to SMS', async () => {
    const onChooseApp = jest.fn();
    render(
      <MockedProvider mocks={[]}>
        <EnableTwoFactorWizard
          mode="enable"
          methods={[]}
          onClose={jest.fn()}
          descriptionMaxLength={100}
          onChooseApp={onChooseApp}
        />
      </MockedProvider>,
    );
    const sms = screen.getByRole('radio', { name: /SMS/ });
    const app = screen.getByRole('radio', { name: /Authenticator app/ });
    expect(sms).toHaveProperty('checked', true);
    await userEvent.click(app);
    expect(app).toHaveProperty('checked', true);
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onChooseApp).toHaveBeenCalled();
    expect(screen.queryByLabelText('Mobile number')).toBeNull();
  });
});
