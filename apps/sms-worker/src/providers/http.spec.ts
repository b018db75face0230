import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpRequest, parseRetryAfter, retryAfterMs } from './http';
import { startLocalServer } from '../test/local-server';

const post = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"to":"+447700900123"}' };

async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('httpRequest', () => {
  it('sends the body with its length, parses JSON and reuses the connection', async () => {
    const ports = new Set<number>();
    const { url, server } = await rawServer((req, res) => {
      ports.add(req.socket.remotePort ?? 0);
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(201, { 'Content-Type': 'application/json', 'Retry-After': '3' });
        res.end(JSON.stringify({ len: req.headers['content-length'], body }));
      });
    });
    try {
      const first = await httpRequest('test', `${url}/a?b=1`, post, 2000);
      const second = await httpRequest('test', `${url}/a?b=1`, post, 2000);
      expect(first).toMatchObject({
        status: 201,
        json: { len: String(Buffer.byteLength(post.body)), body: post.body },
      });
      expect(retryAfterMs(second.headers)).toBe(3000);
      expect(ports.size).toBe(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('does not follow a redirect: a transient connection failure', async () => {
    const server = await startLocalServer();
    server.reply({ status: 302, headers: { Location: 'http://example.com/' } });
    try {
      const err = await httpRequest('test', server.url, post, 2000).catch((e) => e);
      expect(err).toMatchObject({ name: 'TransientSmsError', kind: 'network' });
      expect(err.message).toContain('redirect');
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('an answer cut short is a transient failure that quotes nothing of the request', async () => {
    const { url, server } = await rawServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"partial":');
      setTimeout(() => res.destroy(), 20);
    });
    try {
      const err = await httpRequest('test', url, post, 2000).catch((e) => e);
      expect(err).toMatchObject({ name: 'TransientSmsError', kind: 'network' });
      expect(err.message).toBe('test: connection closed while reading the answer (HTTP 200)');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('times out over the whole exchange', async () => {
    const server = await startLocalServer();
    server.reply({ status: 200, body: {}, delayMs: 500 });
    try {
      const started = Date.now();
      const err = await httpRequest('test', server.url, post, 100).catch((e) => e);
      expect(err).toMatchObject({ kind: 'timeout', message: 'test: no answer within 100 ms' });
      expect(Date.now() - started).toBeLessThan(450);
    } finally {
      await server.close();
    }
  });
});

describe('parseRetryAfter (RFC 9110: delay-seconds or HTTP-date)', () => {
  const now = Date.parse('2026-12-03T09:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads the three HTTP-date forms, as GMT, relative to now; a past date is 0', () => {
    expect(parseRetryAfter('Thu, 03 Dec 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thursday, 03-Dec-26 09:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Thu Dec  3 09:00:05 2026', now)).toBe(5_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what is neither (the provider is then paused for the default second)', () => {
    for (const raw of [null, undefined, '', '-5', '1.5', '2026-12-03T09:00:30Z', 'soon', 'Thu, 99 Foo 2026 GMT']) {
      expect(parseRetryAfter(raw, now)).toBeUndefined();
    }
  });

  it('is what retryAfterMs reads from the answer headers', () => {
    expect(retryAfterMs({ get: (n) => (n === 'retry-after' ? '7' : null) }, now)).toBe(7000);
    expect(retryAfterMs({ get: () => null }, now)).toBeUndefined();
  });
});
