import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { createCache } from '../../../apollo/apollo';
import { render } from '../../../test/render';
import { SecurityEventsDocument } from '../graphql/security.graphql';
import { testT } from '../../../test/render';
import { eventDetail } from '../utils/event-detail.util';
import { ACTIVITY_PAGE_SIZE, SecurityActivity } from './SecurityActivity';

const MAC_CHROME =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const event = (id: string, type: string, minutes: number, userAgent: string | null, ipAddress: string | null) => ({
  __typename: 'SecurityEvent' as const,
  id,
  type,
  createdAt: ago(minutes),
  ipAddress,
  userAgent,
  detail:
    type === 'LOGIN_SUCCEEDED' ? 'SMS to +44 •••• ••0123' : type === 'SECOND_FACTOR_FAILED' ? 'emergency code' : null,
});

const page = (nodes: ReturnType<typeof event>[], endCursor: string | null, hasNextPage: boolean) => ({
  data: {
    securityEvents: {
      __typename: 'SecurityEventConnection' as const,
      nodes,
      pageInfo: { __typename: 'PageInfo' as const, endCursor, hasNextPage },
    },
  },
});

const mocks = [
  {
    request: { query: SecurityEventsDocument, variables: { first: ACTIVITY_PAGE_SIZE } },
    result: page(
      [
        event('e1', 'LOGIN_SUCCEEDED', 5, MAC_CHROME, '203.0.113.7'),
        event('e2', 'SECOND_FACTOR_FAILED', 90, IPHONE, '2001:db8::1'),
      ],
      'cursor-1',
      true,
    ),
  },
  {
    request: { query: SecurityEventsDocument, variables: { first: ACTIVITY_PAGE_SIZE, after: 'cursor-1' } },
    result: page([event('e3', 'ACCOUNT_CREATED', 60 * 24 * 3, null, null)], 'cursor-2', false),
  },
];

function renderActivity(locale: 'en' | 'fr' = 'en') {
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <SecurityActivity />
    </MockedProvider>,
    { locale },
  );
}

const rows = () => screen.getAllByRole('row').slice(1); // without the header row
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('SecurityActivity', () => {
  it('shows event, device and browser, IP and relative time; marks failures in words', async () => {
    renderActivity();
    await screen.findByRole('table');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Event',
      'Device',
      'IP address',
      'When',
    ]);
    const [login, failed] = rows();
    expect(cells(login).slice(0, 3)).toEqual([
      ' Logged inSMS to +44 •••• ••0123',
      'Chrome 131 on macOSComputer',
      '203.0.113.7',
    ]);
    expect(within(login).getByText('5 minutes ago')).toBeTruthy();
    expect(cells(failed)[0]).toBe('✕ Failed Wrong two-factor codeemergency code');
    expect(cells(failed)[1]).toBe('Safari 18 on iOSiPhone');
    expect(within(failed).getByText(/^(2 hours|1 hour|90 minutes) ago$/)).toBeTruthy();
    expect(failed.className).toContain('activity__row--failed');
  });

  it('"Show more" asks for the page after the end cursor and appends it', async () => {
    renderActivity();
    await userEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    const created = rows()[2];
    expect(cells(created).slice(0, 3)).toEqual([' Account created', 'Unknown device', 'Unknown']);
    expect(within(created).getByText('3 days ago')).toBeTruthy();
    expect(document.activeElement).toBe(created);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('speaks French', async () => {
    renderActivity('fr');
    await screen.findByRole('table');
    const [login, failed] = rows();
    expect(cells(login).slice(0, 2)).toEqual([' ConnexionSMS au +44 •••• ••0123', 'Chrome 131 sur macOSOrdinateur']);
    expect(within(login).getByText('il y a 5 minutes')).toBeTruthy();
    expect(cells(failed)[0]).toBe('✕ Échec Code de double authentification erronécode de secours');
    expect(screen.getByRole('button', { name: 'Afficher plus' })).toBeTruthy();
  });

  it("translates the API's authenticator-app details, whatever their case", () => {
    const fr = testT('fr');
    // LOGIN_SUCCEEDED / SECOND_FACTOR_FAILED say "Authenticator app (…)", TOTP_METHOD_ADDED "authenticator app (…)".
    expect(eventDetail('Authenticator app (Phone app)', fr)).toBe('application d’authentification (Phone app)');
    expect(eventDetail('authenticator app (Phone app)', fr)).toBe('application d’authentification (Phone app)');
    expect(eventDetail('authenticator app', fr)).toBe('application d’authentification');
    expect(eventDetail('Authenticator app', testT('en'))).toBe('authenticator app');
  });
});
