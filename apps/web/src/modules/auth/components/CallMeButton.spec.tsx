import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { CodeDeliveryOptionsDocument } from '../graphql/voice-calls.graphql';
import { CallMeButton } from './CallMeButton';

const options = (voiceCalls: boolean) => ({
  request: { query: CodeDeliveryOptionsDocument },
  result: { data: { codeDeliveryOptions: { __typename: 'CodeDeliveryOptions', voiceCalls } } },
});

describe('CallMeButton', () => {
  it('offers "Call me instead" where the API places calls, and calls when clicked', async () => {
    const onCall = jest.fn();
    render(
      <MockedProvider mocks={[options(true)]}>
        <CallMeButton availableAt="2000-01-01T00:00:00Z" onCall={onCall} />
      </MockedProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Call me instead' });
    expect(screen.getByText('No SMS? We can call the number and read the code out.')).toBeTruthy();
    await userEvent.click(button);
    expect(onCall).toHaveBeenCalledTimes(1);
  });

  it('waits for the same cooldown as "Resend code"', async () => {
    render(
      <MockedProvider mocks={[options(true)]}>
        <CallMeButton availableAt={new Date(Date.now() + 30_000).toISOString()} onCall={jest.fn()} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    const button = await screen.findByRole('button', { name: /^Appelez-moi plutôt dans 0:(29|30)$/ });
    expect(button).toHaveProperty('disabled', true);
  });

  it('is hidden where the API places no calls', async () => {
    const { container } = render(
      <MockedProvider mocks={[options(false)]}>
        <CallMeButton availableAt={null} onCall={jest.fn()} />
      </MockedProvider>,
    );
    // Let the query answer, then there is still nothing.
    await new Promise((r) => setTimeout(r, 20));
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
