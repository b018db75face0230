import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@twofold/error-codes';
import { render } from '../../../test/render';
import type { TwoFactorChallengeFieldsFragment } from '../../../gql/graphql';
import { SendLoginSmsCodeDocument } from '../graphql/auth.graphql';
import { CallLoginCodeDocument, CodeDeliveryOptionsDocument } from '../graphql/voice-calls.graphql';
import { SecondFactorForm } from './SecondFactorForm';

const personal = {
  __typename: 'LoginMethod' as const,
  id: 'm1',
  kind: 'SMS' as const,
  label: 'SMS to +44 •••• ••0123',
  maskedPhoneNumber: '+44 •••• ••0123',
  description: null,
};
const challenge: TwoFactorChallengeFieldsFragment = { ticket: 't-1', expiresAt: '2099-01-01T00:00:00Z', defaultMethod: personal, methods: [personal] };
const sms = {
  __typename: 'SmsCodeDispatch' as const,
  id: 'd1',
  maskedPhoneNumber: '+44 •••• ••0123',
  status: 'DELIVERED' as const,
  expiresAt: '2099-01-01T00:05:00Z',
  resendAvailableAt: '2000-01-01T00:00:00Z',
  failureReason: null,
};
const voiceOn = { request: { query: CodeDeliveryOptionsDocument }, result: { data: { codeDeliveryOptions: { __typename: 'CodeDeliveryOptions', voiceCalls: true } } } };
const sent = { request: { query: SendLoginSmsCodeDocument, variables: { input: { ticket: 't-1', methodId: 'm1' } } }, result: { data: { sendLoginSmsCode: sms } } };
const callRequest = { query: CallLoginCodeDocument, variables: { input: { ticket: 't-1', methodId: 'm1' } } };

describe('SecondFactorForm: "Call me instead"', () => {
  it('calls the number after the SMS and says so; the code field stays', async () => {
    render(
      <MockedProvider mocks={[voiceOn, sent, { request: callRequest, result: { data: { callLoginCode: { ...sms, id: 'd2', status: 'DELIVERED', channel: 'VOICE' } } } }]}>
        <SecondFactorForm challenge={challenge} onSuccess={jest.fn()} onRestart={jest.fn()} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('Code delivered to +44 •••• ••0123.')).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Call me instead' }));
    expect(await screen.findByText('The call to +44 •••• ••0123 was answered.')).toBeTruthy();
    expect(screen.getByLabelText('Security code')).toBeTruthy();
  });

  it('says so in French when calls are not possible after all (VOICE_UNAVAILABLE), and when they are rate limited', async () => {
    render(
      <MockedProvider
        mocks={[
          voiceOn,
          sent,
          { request: callRequest, result: { errors: [new GraphQLError('no calls', { extensions: { code: ErrorCode.VOICE_UNAVAILABLE } })] } },
          { request: callRequest, result: { errors: [new GraphQLError('slow down', { extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 120 } })] } },
        ]}
      >
        <SecondFactorForm challenge={challenge} onSuccess={jest.fn()} onRestart={jest.fn()} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer le code' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Appelez-moi plutôt' }));
    expect(await screen.findByText(/Les codes ne peuvent pas être envoyés par appel pour le moment/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Appelez-moi plutôt' }));
    expect(await screen.findByText(/2 minutes/)).toBeTruthy();
  });
});
