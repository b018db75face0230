#!/usr/bin/env node
// The web app's Vite dev server (HMR) for `npm run dev`, on WEB_PORT [4200], with what the
// production server (apps/web/server.mjs) adds: /config.js written from WEB_API_URL or
// PUBLIC_API_URL [http://127.0.0.1:3000] (so another API_PORT works), and GET /health.
import { join } from 'node:path';
import { createServer } from 'vite';

const root = join(import.meta.dirname, '..', '..');
const port = Number(process.env.WEB_PORT ?? 4200);
const apiUrl = (process.env.WEB_API_URL || process.env.PUBLIC_API_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');

/** Answers before Vite's own middlewares, so the public/config.js development default is not served. */
const devEndpoints = {
  name: 'twofold-dev-endpoints',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/config.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(`window.__TWOFOLD_CONFIG__ = ${JSON.stringify({ apiUrl })};\n`);
      } else if (path === '/health') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
      } else next();
    });
  },
};

const server = await createServer({
  configFile: join(root, 'apps/web/vite.config.mts'),
  plugins: [devEndpoints],
  server: { port, strictPort: true },
  clearScreen: false,
});
await server.listen();
server.printUrls();
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
