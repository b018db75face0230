import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { StartAccountRecoveryDocument } from '../graphql/account-recovery.graphql';
import { LostAccess } from './LostAccess';

const start = (result: object) => ({
  request: { query: StartAccountRecoveryDocument, variables: { input: { ticket: 't-1' } } },
  result,
});
const refused = (code: string, extensions: Record<string, unknown> = {}) =>
  start({ errors: [new GraphQLError('server words', { extensions: { code, ...extensions } })] });

function renderLostAccess(mocks: MockLink.MockedResponse[], onRestart = jest.fn(), locale: 'en' | 'fr' = 'en') {
  render(
    <MockedProvider mocks={mocks}>
      <LostAccess ticket="t-1" onRestart={onRestart} />
    </MockedProvider>,
    { locale },
  );
  return onRestart;
}

describe('LostAccess ("I lost access to my phone and my codes")', () => {
  it('opens by keyboard, says what a recovery is, and e-mails the link for this ticket', async () => {
    renderLostAccess([start({ data: { startAccountRecovery: true } })]);
    const toggle = screen.getByRole('button', { name: 'I lost access to my phone and my codes' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'E-mail me a recovery link' })).toBeNull();
    await userEvent.tab();
    expect(document.activeElement).toBe(toggle);
    await userEvent.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/Opening it starts a waiting period/)).toBeTruthy();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'E-mail me a recovery link' }));
    await userEvent.keyboard('{Enter}');
    await screen.findByText(/We sent a recovery link to your account’s e-mail address/);
    expect(screen.getByRole('status').textContent).toMatch(/If a recovery is already waiting, nothing new is sent/);
    expect(screen.queryByRole('button', { name: 'E-mail me a recovery link' })).toBeNull();
    // Focus follows the button that went away.
    expect(document.activeElement).toBe(screen.getByRole('status'));
  });

  it('an account without a confirmed address is told so, in plain words, and may try again', async () => {
    renderLostAccess([refused('FORBIDDEN')]);
    await userEvent.click(screen.getByRole('button', { name: 'I lost access to my phone and my codes' }));
    await userEvent.click(screen.getByRole('button', { name: 'E-mail me a recovery link' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'We can’t send a recovery link: your account has no confirmed e-mail address. Contact support to get back into your account.',
      ),
    );
    expect(screen.getByRole('button', { name: 'E-mail me a recovery link' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('the e-mail budget says how long to wait', async () => {
    renderLostAccess([refused('RATE_LIMITED', { retryAfterSeconds: 1800 })]);
    await userEvent.click(screen.getByRole('button', { name: 'I lost access to my phone and my codes' }));
    await userEvent.click(screen.getByRole('button', { name: 'E-mail me a recovery link' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Too many e-mails were sent to this account. Try again in 30 minutes.',
      ),
    );
  });

  it.each(['TICKET_EXPIRED', 'TOO_MANY_ATTEMPTS'])('%s sends the customer back to the password', async (code) => {
    const onRestart = renderLostAccess([refused(code)]);
    await userEvent.click(screen.getByRole('button', { name: 'I lost access to my phone and my codes' }));
    await userEvent.click(screen.getByRole('button', { name: 'E-mail me a recovery link' }));
    await waitFor(() => expect(onRestart).toHaveBeenCalledTimes(1));
    expect(onRestart.mock.calls[0][0]).toMatch(
      code === 'TICKET_EXPIRED' ? /Enter your password again/ : /Too many wrong codes/,
    );
  });

  it('speaks French', async () => {
    renderLostAccess([refused('FORBIDDEN')], jest.fn(), 'fr');
    await userEvent.click(screen.getByRole('button', { name: 'J’ai perdu l’accès à mon téléphone et à mes codes' }));
    await userEvent.click(screen.getByRole('button', { name: 'M’envoyer un lien de récupération' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/votre compte n’a pas d’adresse e-mail confirmée/),
    );
  });
});
