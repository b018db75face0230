import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { createCache } from '../../../apollo/apollo';
import { render } from '../../../test/render';
import {
  ForgetAllTrustedDevicesDocument,
  ForgetTrustedDeviceDocument,
  TrustedDevicesDocument,
} from '../graphql/trusted-devices.graphql';
import { RememberedDevices } from './RememberedDevices';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const device = (id: string, userAgent: string, lastUsedAt: string | null) => ({
  __typename: 'TrustedDevice' as const,
  id,
  createdAt: '2026-11-30T09:00:00Z',
  lastUsedAt,
  expiresAt: '2026-12-30T09:00:00Z',
  ipAddress: '198.51.100.4',
  userAgent,
});
const laptop = device('d1', FIREFOX_WINDOWS, '2026-12-01T08:00:00Z');
const desk = device('d2', CHROME_LINUX, null);
const list = (devices = [laptop, desk]) => ({
  request: { query: TrustedDevicesDocument },
  result: { data: { trustedDevices: devices } },
});

describe('RememberedDevices', () => {
  it('lists each device with where and when it was remembered, its last use and until when', async () => {
    render(
      <MockedProvider mocks={[list()]} cache={createCache()}>
        <RememberedDevices onMessage={jest.fn()} />
      </MockedProvider>,
    );
    const items = within(await screen.findByRole('list', { name: 'Remembered devices' })).getAllByRole('listitem');
    expect(items[0].textContent).toMatch(
      /^Firefox 133 on WindowsComputerIP address 198\.51\.100\.4 · Remembered .* · Last used .* · Remembered until /,
    );
    expect(items[1].textContent).toContain('Not used to log in yet');
    expect(within(items[0]).getByRole('button').textContent).toBe('Forget Firefox 133 on Windows');
  });

  it('forgets one device, then all', async () => {
    const onMessage = jest.fn();
    render(
      <MockedProvider
        mocks={[
          list(),
          {
            request: { query: ForgetTrustedDeviceDocument, variables: { id: 'd1' } },
            result: { data: { forgetTrustedDevice: [desk] } },
          },
          { request: { query: ForgetAllTrustedDevicesDocument }, result: { data: { forgetAllTrustedDevices: [] } } },
        ]}
        cache={createCache()}
      >
        <RememberedDevices onMessage={onMessage} />
      </MockedProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Forget Firefox 133 on Windows' }));
    await waitFor(() =>
      expect(onMessage).toHaveBeenCalledWith(
        'Firefox 133 on Windows forgotten: its next login asks for the second step.',
      ),
    );
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    await userEvent.click(screen.getByRole('button', { name: 'Forget all devices' }));
    await waitFor(() =>
      expect(onMessage).toHaveBeenCalledWith(
        'Every device forgotten: each one asks for the second step at its next login.',
      ),
    );
    expect(await screen.findByText(/^No device is remembered\./)).toBeTruthy();
  });

  it('in French', async () => {
    render(
      <MockedProvider mocks={[list([])]} cache={createCache()}>
        <RememberedDevices onMessage={jest.fn()} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    expect((await screen.findByText(/^Aucun appareil n’est mémorisé\./)).textContent).toContain(
      'Mémoriser cet appareil pendant 30 jours',
    );
  });
});
