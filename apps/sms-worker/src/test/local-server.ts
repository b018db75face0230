import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

/**
 * A vendor stand-in on 127.0.0.1: records every request exactly as received and answers
 * with the queued replies (the last one repeats). Used by each provider spec.
 */
export interface LocalServer {
  url: string;
  requests: RecordedRequest[];
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

export async function startLocalServer(): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  let replies: Reply[] = [{ status: 200, body: {} }];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const r = replies.length > 1 ? (replies.shift() as Reply) : replies[0];
      const send = () => {
        if (res.destroyed) return;
        const payload = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
        res.writeHead(r.status, { 'Content-Type': 'application/json', ...r.headers });
        res.end(payload);
      };
      if (r.delayMs) setTimeout(send, r.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...r) => {
      replies = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
