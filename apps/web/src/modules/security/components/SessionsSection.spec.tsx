import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { createCache } from '../../../apollo/apollo';
import { render } from '../../../test/render';
import { RevokeOtherSessionsDocument, RevokeSessionDocument, SessionsDocument } from '../graphql/sessions.graphql';
import { SessionsSection } from './SessionsSection';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

const session = (id: string, current: boolean, userAgent: string | null, ipAddress: string | null = '203.0.113.7') => ({
  __typename: 'SessionInfo' as const,
  id,
  current,
  createdAt: '2026-12-01T09:00:00Z',
  lastSeenAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  expiresAt: '2026-12-03T09:00:00Z',
  ipAddress,
  userAgent,
  secondFactor: true,
});

const here = session('s-here', true, CHROME_LINUX);
const phone = session('s-phone', false, SAFARI_IPHONE, null);
const other = session('s-other', false, null);

const list = (sessions = [phone, here, other]) => ({
  request: { query: SessionsDocument },
  result: { data: { sessions } },
});

describe('SessionsSection', () => {
  it('lists this device first with its badge, then the others with device, IP and last activity', async () => {
    render(
      <MockedProvider mocks={[list()]} cache={createCache()}>
        <SessionsSection onMessage={jest.fn()} />
      </MockedProvider>,
    );
    const items = within(await screen.findByRole('list', { name: 'Your sessions, this device first' })).getAllByRole(
      'listitem',
    );
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(
        /^Chrome 131 on LinuxComputerThis deviceIP address 203\.0\.113\.7 · Active 5 minutes ago · Signed in /,
      ),
      expect.stringMatching(/^Safari 18 on iOSiPhoneIP address unknown · Active 5 minutes ago/),
      expect.stringMatching(/^Unknown deviceIP address 203\.0\.113\.7/),
    ]);
    expect(within(items[0]).queryByRole('button')).toBeNull(); // this one ends with Log out
    expect(within(items[1]).getByRole('button').textContent).toBe('End session on Safari 18 on iOS');
  });

  it('ends one session and shows the list the API answers', async () => {
    const onMessage = jest.fn();
    render(
      <MockedProvider
        mocks={[
          list(),
          {
            request: { query: RevokeSessionDocument, variables: { id: 's-phone' } },
            result: { data: { revokeSession: [here, other] } },
          },
        ]}
        cache={createCache()}
      >
        <SessionsSection onMessage={onMessage} />
      </MockedProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'End session on Safari 18 on iOS' }));
    await waitFor(() => expect(onMessage).toHaveBeenCalledWith('Session on Safari 18 on iOS ended.'));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
  });

  it('ends every other session after a confirmation', async () => {
    const onMessage = jest.fn();
    render(
      <MockedProvider
        mocks={[
          list(),
          { request: { query: RevokeOtherSessionsDocument }, result: { data: { revokeOtherSessions: [here] } } },
        ]}
        cache={createCache()}
      >
        <SessionsSection onMessage={onMessage} />
      </MockedProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'End all other sessions' }));
    const group = screen.getByRole('group', { name: 'End all other sessions' });
    expect(group.textContent).toMatch(/^End the 2 other sessions\? Whoever uses them must log in again\./);
    await userEvent.click(within(group).getByRole('button', { name: 'End all other sessions' }));
    await waitFor(() => expect(onMessage).toHaveBeenCalledWith('2 other sessions ended.'));
    expect(await screen.findByText('No other session is open.')).toBeTruthy();
  });

  it('in French', async () => {
    render(
      <MockedProvider mocks={[list([here, phone])]} cache={createCache()}>
        <SessionsSection onMessage={jest.fn()} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    const items = await screen.findAllByRole('listitem');
    expect(items[0].textContent).toMatch(
      /^Chrome 131 sur LinuxOrdinateurCet appareilAdresse IP 203\.0\.113\.7 · Active il y a 5 minutes/,
    );
    expect(screen.getByRole('button', { name: 'Fermer toutes les autres sessions' })).toBeTruthy();
  });
});
