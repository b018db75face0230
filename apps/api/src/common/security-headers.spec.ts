import express from 'express';
import helmet from 'helmet';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from './security-headers';

async function headersOf(app: express.Express): Promise<Record<string, string>> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!['date', 'etag', 'content-length', 'connection', 'keep-alive'].includes(k)) out[k] = v;
    });
    return out;
  } finally {
    server.close();
  }
}

describe('securityHeaders', () => {
  it.each([
    ['production', { crossOriginEmbedderPolicy: false }],
    ['development (no CSP)', { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }],
  ] as const)('sends exactly the headers helmet sends (%s)', async (_name, options) => {
    const withHelmet = express().use(helmet(options)).get('/', (_req, res) => void res.send('ok'));
    const precomputed = express().use(securityHeaders(options)).get('/', (_req, res) => void res.send('ok'));
    const expected = await headersOf(withHelmet);
    expect(expected['x-content-type-options']).toBe('nosniff');
    expect(await headersOf(precomputed)).toEqual(expected);
  });
});
