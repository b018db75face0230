import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CheckResult = { ok: boolean; detail?: string };
export type HealthCheck = () => Promise<CheckResult>;

function withTimeout(check: HealthCheck, ms: number): Promise<CheckResult> {
  return Promise.race([
    check().catch((e: Error) => ({ ok: false, detail: e.message })),
    new Promise<CheckResult>((resolve) =>
      setTimeout(() => resolve({ ok: false, detail: `no answer within ${ms} ms` }), ms).unref(),
    ),
  ]);
}

/**
 * `GET /health` (and `/healthz`): 200 {status:"ok", checks} when every check passes, else 503
 * {status:"error", checks}. `GET /live`: 200 while the process runs (liveness). `GET /metrics`:
 * Prometheus text, when metrics are given.
 */
export async function startHealthServer(
  port: number,
  host: string,
  checks: Record<string, HealthCheck>,
  timeoutMs = 1500,
  metrics?: { contentType: string; render(): Promise<string> },
): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (path === '/live') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (path === '/metrics' && metrics) {
      metrics
        .render()
        .then((body) => res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' }).end(body))
        .catch(() => res.writeHead(500).end());
      return;
    }
    if (path !== '/health' && path !== '/healthz') {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const names = Object.keys(checks);
    Promise.all(names.map((n) => withTimeout(checks[n], timeoutMs))).then((results) => {
      const out: Record<string, CheckResult> = {};
      names.forEach((n, i) => (out[n] = results[i]));
      const ok = results.every((r) => r.ok);
      res
        .writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify({ status: ok ? 'ok' : 'error', checks: out }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
