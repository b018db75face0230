import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { CallSmsMethodCodeDocument, CodeDeliveryOptionsDocument } from '../../auth/graphql/voice-calls.graphql';
import { AddSmsMethodDocument } from '../graphql/security.graphql';
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
  delivery: { __typename: 'SmsDeliveryHealth' as const, lastDeliveredAt: null, consecutiveFailures: 0, lastFailedAt: null },
};
const dispatch = {
  __typename: 'SmsCodeDispatch' as const,
  id: 'd1',
  maskedPhoneNumber: '+44 •••• ••3456',
  status: 'DELIVERED' as const,
  expiresAt: '2099-01-01T00:05:00Z',
  resendAvailableAt: '2000-01-01T00:00:00Z',
  failureReason: null,
};
const add = { request: { query: AddSmsMethodDocument, variables: { input: { phoneNumber: '+447911123456' } } }, result: { data: { addSmsMethod: { __typename: 'AddSmsMethodPayload', method, dispatch } } } };
const options = (voiceCalls: boolean) => ({ request: { query: CodeDeliveryOptionsDocument }, result: { data: { codeDeliveryOptions: { __typename: 'CodeDeliveryOptions', voiceCalls } } } });

async function toConfirmStep() {
  await userEvent.type(screen.getByLabelText('Mobile number'), '+447911123456');
  await userEvent.click(screen.getByRole('button', { name: 'Send code' }));
  await screen.findByLabelText('Confirmation code');
}

describe('EnableTwoFactorWizard: "Call me instead"', () => {
  it('calls the pending number and tells the customer to answer', async () => {
    render(
      <MockedProvider
        mocks={[
          options(true),
          add,
          { request: { query: CallSmsMethodCodeDocument, variables: { methodId: 'm1' } }, result: { data: { callSmsMethodCode: { ...dispatch, id: 'd2', status: 'SENT', channel: 'VOICE' } } } },
        ]}
      >
        <EnableTwoFactorWizard mode="add" methods={[]} onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    await toConfirmStep();
    await userEvent.click(await screen.findByRole('button', { name: 'Call me instead' }));
    expect(await screen.findByText('Calling +44 •••• ••3456. Answer it: a voice reads your 6-digit code twice.')).toBeTruthy();
  });

  it('offers no call where the API places none', async () => {
    render(
      <MockedProvider mocks={[options(false), add]}>
        <EnableTwoFactorWizard mode="add" methods={[]} onClose={jest.fn()} descriptionMaxLength={100} />
      </MockedProvider>,
    );
    await toConfirmStep();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: 'Call me instead' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Resend code' })).toBeTruthy();
  });
});
