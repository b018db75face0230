import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { LoginDocument } from '../graphql/auth.graphql';
import {
  AccountRecoveryStateDocument,
  CompleteAccountRecoveryDocument,
  ConfirmAccountRecoveryDocument,
} from '../graphql/account-recovery.graphql';
import { takeRecoveryLink } from '../utils/recover-link';
import { RecoverPage } from './RecoverPage';

const TOKEN = 'R'.repeat(43);
const READY_AT = '2026-12-05T12:00:00.000Z';

function openLink(token: string | null) {
  const replaceState = jest.fn();
  takeRecoveryLink(
    { pathname: '/recover', search: token ? `?token=${token}` : '' } as Location,
    { replaceState } as unknown as History,
  );
  return replaceState;
}

type Status = 'REQUESTED' | 'WAITING' | 'READY' | 'CANCELLED' | 'COMPLETED' | 'EXPIRED';
const state = (status: Status, readyAt: string | null = READY_AT, locale = 'en') => ({
  request: { query: AccountRecoveryStateDocument, variables: { token: TOKEN } },
  result: {
    data: { accountRecovery: { __typename: 'AccountRecoveryState', status, readyAt, delaySeconds: 259_200, locale } },
  },
});
const refused = (code: string) => ({
  errors: [new GraphQLError('server words', { extensions: { code, fields: { token: 'Cancelled.' } } })],
});
const account = {
  __typename: 'Account' as const,
  id: 'a1',
  name: 'Ada',
  email: 'ada@example.com',
  initials: 'A',
  locale: 'en',
};
const session = {
  __typename: 'Session' as const,
  token: 'session-token',
  expiresAt: '2099-01-01T00:00:00Z',
  trustedDeviceToken: null,
  account,
};
const method = {
  __typename: 'LoginMethod' as const,
  id: 'm1',
  kind: 'SMS' as const,
  label: 'SMS',
  maskedPhoneNumber: '•••• 0123',
  description: null,
};
const login = (result: object) => ({
  request: {
    query: LoginDocument,
    variables: { input: { email: 'ada@example.com', password: 'correct horse battery' } },
  },
  result: { data: { login: result } },
});
const challenge = {
  __typename: 'TwoFactorChallenge' as const,
  ticket: 'fresh-ticket',
  expiresAt: '2099-01-01T00:00:00Z',
  defaultMethod: method,
  methods: [method],
};
const complete = (result: object) => ({
  request: { query: CompleteAccountRecoveryDocument, variables: { input: { ticket: 'fresh-ticket', token: TOKEN } } },
  result,
});

function renderPage(mocks: MockLink.MockedResponse[], locale: 'en' | 'fr' = 'en') {
  const props = { onRecovered: jest.fn(), onSignedIn: jest.fn(), onLocale: jest.fn() };
  render(
    <MockedProvider mocks={mocks}>
      <RecoverPage {...props} />
    </MockedProvider>,
    { locale },
  );
  return props;
}

async function finish() {
  await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com');
  await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
  await userEvent.click(screen.getByRole('button', { name: 'Turn off two-factor authentication and log in' }));
}

describe('RecoverPage', () => {
  it('takes the token out of the address bar, starts nothing on opening, then the click starts the wait and shows the countdown and what cancels it', async () => {
    const replaceState = openLink(TOKEN);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/#/recover');
    const props = renderPage([
      state('REQUESTED', null),
      {
        request: { query: ConfirmAccountRecoveryDocument, variables: { input: { token: TOKEN } } },
        result: { data: { confirmAccountRecovery: { __typename: 'AccountRecovery', readyAt: READY_AT } } },
      },
      state('WAITING'),
    ]);
    expect(await screen.findByText(/a waiting period of 3 days starts/)).toBeTruthy();
    expect(props.onLocale).toHaveBeenCalledWith('en');
    await userEvent.click(screen.getByRole('button', { name: 'Start the waiting period' }));
    const when = await screen.findByText(/Two-factor authentication will be removed on/);
    expect(when.textContent).toMatch(/Dec 5, 2026/);
    // Focus follows the button that went away.
    await waitFor(() => expect(document.activeElement?.contains(when)).toBe(true));
    expect(screen.getByRole('heading', { name: 'Not you? Cancel it', level: 2 })).toBeTruthy();
    expect(screen.getByText(/a code by SMS, an authenticator app, a security key or an emergency code/)).toBeTruthy();
    expect(screen.getByText(/“This wasn’t me” in the notice e-mail/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('#/login');
    expect(screen.getByText(/A login on a remembered device/)).toBeTruthy();
  });

  it('writes the date in the account’s language', async () => {
    openLink(TOKEN);
    const props = renderPage([state('WAITING', READY_AT, 'fr')], 'fr');
    const when = await screen.findByText(/La double authentification sera retirée le/);
    expect(when.textContent).toMatch(/5 déc\. 2026/);
    expect(props.onLocale).toHaveBeenCalledWith('fr');
    expect(screen.getByText(/Temps restant/)).toBeTruthy();
  });

  it('at the end of the wait reads the recovery again and asks for the password', async () => {
    openLink(TOKEN);
    renderPage([state('WAITING', new Date(Date.now() - 1000).toISOString()), state('READY')]);
    await screen.findByText(/Two-factor authentication will be removed on/);
    expect(await screen.findByLabelText('Password', {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.getByText(/This removes every sign-in method of the account/)).toBeTruthy();
  });

  it('after the wait, the password step plus the link turn 2FA off, sign in and say what is gone', async () => {
    openLink(TOKEN);
    const props = renderPage([
      state('READY'),
      login(challenge),
      complete({ data: { completeAccountRecovery: session } }),
    ]);
    await finish();
    expect(await screen.findByText(/You are logged in\. Two-factor authentication is off/)).toBeTruthy();
    expect(screen.getByText(/emergency codes and your remembered devices are gone/)).toBeTruthy();
    expect(props.onRecovered).toHaveBeenCalledWith(expect.objectContaining({ token: 'session-token' }));
    expect(screen.getByRole('link', { name: 'Turn two-factor authentication on again' }).getAttribute('href')).toBe(
      '#/security',
    );
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('a refusal at the last step reads the state again: a second factor used meanwhile shows it cancelled', async () => {
    openLink(TOKEN);
    const props = renderPage([
      state('READY'),
      login(challenge),
      complete(refused('BAD_USER_INPUT')),
      state('CANCELLED'),
    ]);
    await finish();
    expect(
      await screen.findByText(/This recovery was cancelled: since it started, someone logged in with a second step/),
    ).toBeTruthy();
    expect(screen.getByText(/Two-factor authentication stays on/)).toBeTruthy();
    expect(props.onRecovered).not.toHaveBeenCalled();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('still READY after a refusal: the password was another account’s', async () => {
    openLink(TOKEN);
    renderPage([state('READY'), login(challenge), complete(refused('BAD_USER_INPUT')), state('READY')]);
    await finish();
    expect(
      await screen.findByText('This e-mail address and password are not those of the account this link is for.'),
    ).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
  });

  it('a wrong password reads as at login, and the form stays', async () => {
    openLink(TOKEN);
    renderPage([
      state('READY'),
      { ...login({}), result: { errors: [new GraphQLError('x', { extensions: { code: 'INVALID_CREDENTIALS' } })] } },
    ]);
    await finish();
    expect(await screen.findByText('The email or password is not right.')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
  });

  it('a password alone that signs in (2FA already off) just signs in', async () => {
    openLink(TOKEN);
    const props = renderPage([state('READY'), login(session)]);
    await finish();
    await waitFor(() => expect(props.onSignedIn).toHaveBeenCalledTimes(1));
    expect(props.onRecovered).not.toHaveBeenCalled();
  });

  it.each([
    ['CANCELLED', /This recovery was cancelled/],
    ['COMPLETED', /This recovery is complete: two-factor authentication was turned off/],
    ['EXPIRED', /This recovery link has expired/],
  ] as const)('%s says so and offers Log in', async (status, text) => {
    openLink(TOKEN);
    renderPage([state(status)]);
    expect(await screen.findByText(text)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('#/login');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('an unknown link says it is not valid; no token says where to find the link', async () => {
    openLink(TOKEN);
    const { unmount } = render(
      <MockedProvider
        mocks={[
          {
            request: { query: AccountRecoveryStateDocument, variables: { token: TOKEN } },
            result: refused('BAD_USER_INPUT'),
          },
        ]}
      >
        <RecoverPage onRecovered={jest.fn()} onSignedIn={jest.fn()} onLocale={jest.fn()} />
      </MockedProvider>,
    );
    expect(await screen.findByText(/This recovery link is not valid/)).toBeTruthy();
    unmount();
    renderPage([]);
    expect(screen.getByText(/Open the recovery link from the e-mail we sent you/)).toBeTruthy();
  });

  it('a failure to read offers to try again', async () => {
    openLink(TOKEN);
    renderPage([
      {
        request: { query: AccountRecoveryStateDocument, variables: { token: TOKEN } },
        result: {
          errors: [new GraphQLError('x', { extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'c9' } })],
        },
      },
      state('EXPIRED'),
    ]);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/reference c9/));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/This recovery link has expired/)).toBeTruthy();
  });
});
