import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { ResendVerificationEmailDocument, VerifyEmailDocument } from '../graphql/auth.graphql';
import { takeVerificationLink } from '../utils/verify-email-link';
import { VerifyEmailPage } from './VerifyEmailPage';

const TOKEN = 'A'.repeat(43);

function openLink(token: string | null) {
  const replaceState = jest.fn();
  takeVerificationLink({ pathname: '/verify-email', search: token ? `?token=${token}` : '' } as Location, { replaceState } as unknown as History);
  return replaceState;
}

const verify = (result: object) => ({ request: { query: VerifyEmailDocument, variables: { token: TOKEN } }, result });
const failed = (code: string) => verify({ errors: [new GraphQLError('x', { extensions: { code } })] });

describe('VerifyEmailPage', () => {
  it('takes the token out of the address bar, spends it once and says the address is confirmed', async () => {
    const replaceState = openLink(TOKEN);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/#/verify-email');
    render(
      <MockedProvider mocks={[verify({ data: { verifyEmail: true } })]}>
        <VerifyEmailPage signedIn={false} />
      </MockedProvider>,
    );
    expect(await screen.findByText('Your e-mail address is confirmed. Thank you!')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Continue to Twofold' })).toBeTruthy();
  });

  it('an expired link offers a new one when signed in', async () => {
    openLink(TOKEN);
    render(
      <MockedProvider mocks={[failed('CODE_EXPIRED'), { request: { query: ResendVerificationEmailDocument }, result: { data: { resendVerificationEmail: true } } }]}>
        <VerifyEmailPage signedIn />
      </MockedProvider>,
    );
    expect(await screen.findByText('This link has expired.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Send me a new link' }));
    expect(await screen.findByText(/A new link is on its way/)).toBeTruthy();
  });

  it('a used or unknown link asks to log in for a new one when signed out; no token at all says where to find it', async () => {
    openLink(TOKEN);
    const { unmount } = render(
      <MockedProvider mocks={[failed('BAD_USER_INPUT')]}>
        <VerifyEmailPage signedIn={false} />
      </MockedProvider>,
    );
    expect(await screen.findByText('This link is not valid or was already used.')).toBeTruthy();
    expect(screen.getByText('Log in to get a new link.')).toBeTruthy();
    unmount();
    render(
      <MockedProvider mocks={[]}>
        <VerifyEmailPage signedIn={false} />
      </MockedProvider>,
    );
    expect(await screen.findByText(/Open the link from the e-mail/)).toBeTruthy();
  });

  it('leaves other paths alone', () => {
    const replaceState = jest.fn();
    takeVerificationLink({ pathname: '/', search: '?token=x' } as Location, { replaceState } as unknown as History);
    expect(replaceState).not.toHaveBeenCalled();
  });
});
