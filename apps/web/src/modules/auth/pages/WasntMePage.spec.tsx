import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { ReportUnrecognizedActivityDocument } from '../graphql/wasnt-me.graphql';
import { takeWasntMeLink } from '../utils/wasnt-me-link';
import { WasntMePage } from './WasntMePage';

const TOKEN = 'B'.repeat(43);

function openLink(token: string | null) {
  const replaceState = jest.fn();
  takeWasntMeLink({ pathname: '/wasnt-me', search: token ? `?token=${token}` : '' } as Location, { replaceState } as unknown as History);
  return replaceState;
}

const report = (result: object) => ({ request: { query: ReportUnrecognizedActivityDocument, variables: { input: { token: TOKEN } } }, result });
const ok = (sessionsEnded: number, devicesForgotten: number) =>
  report({ data: { reportUnrecognizedActivity: { __typename: 'ActivityReport', sessionsEnded, devicesForgotten, mustChangePassword: true } } });

describe('WasntMePage', () => {
  it('takes the token out of the address bar, does nothing before the customer confirms, then says every session ended and to change the password', async () => {
    const replaceState = openLink(TOKEN);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/#/wasnt-me');
    const onReported = jest.fn();
    render(
      <MockedProvider mocks={[ok(2, 1)]}>
        <WasntMePage onReported={onReported} />
      </MockedProvider>,
    );
    expect(screen.getByText(/Confirm and we will sign out every session/)).toBeTruthy();
    expect(onReported).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText(/2 sessions were ended and 1 remembered device was forgotten/)).toBeTruthy();
    expect(screen.getByText(/Log in again now and change your password/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('#/login');
    expect(onReported).toHaveBeenCalledTimes(1);
  });

  it('speaks French', async () => {
    openLink(TOKEN);
    render(
      <MockedProvider mocks={[ok(1, 0)]}>
        <WasntMePage onReported={() => undefined} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Déconnecter partout' }));
    expect(await screen.findByText(/1 session a été fermée et aucun appareil n’était mémorisé/)).toBeTruthy();
    expect(screen.getByText(/changez votre mot de passe/)).toBeTruthy();
  });

  it('a used, expired or unknown link says so and ends nothing on this browser', async () => {
    openLink(TOKEN);
    const onReported = jest.fn();
    render(
      <MockedProvider mocks={[report({ errors: [new GraphQLError('x', { extensions: { code: 'BAD_USER_INPUT' } })] })]}>
        <WasntMePage onReported={onReported} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText(/This link is not valid, has expired or was already used/)).toBeTruthy();
    expect(onReported).not.toHaveBeenCalled();
  });

  it('another failure keeps the button to try again', async () => {
    openLink(TOKEN);
    render(
      <MockedProvider mocks={[report({ errors: [new GraphQLError('x', { extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'c1' } })] }), ok(1, 0)]}>
        <WasntMePage onReported={() => undefined} />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).not.toBe(''));
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText(/1 session was ended/)).toBeTruthy();
  });

  it('without a token says where to find the link; other paths are left alone', async () => {
    render(
      <MockedProvider mocks={[]}>
        <WasntMePage onReported={() => undefined} />
      </MockedProvider>,
    );
    expect(screen.getByText(/Open the “This wasn’t me” link/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    const replaceState = jest.fn();
    takeWasntMeLink({ pathname: '/verify-email', search: '?token=x' } as Location, { replaceState } as unknown as History);
    expect(replaceState).not.toHaveBeenCalled();
  });
});
