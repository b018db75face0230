import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort } from './processes';

describe('freePort', () => {
  it('answers a port below the ephemeral range that a child can bind on 0.0.0.0', async () => {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10000);
      expect(port).toBeLessThan(low);
    }
    const srv = createServer();
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(ports[0], '0.0.0.0', () => resolve());
    });
    await new Promise<void>((resolve) => srv.close(() => resolve()));
  });
});
