// Serves the production build of the web app (dist/apps/web) at WEB_PORT [4200].
// The API URL comes from the environment at runtime: /config.js is written from WEB_API_URL or
// PUBLIC_API_URL [http://127.0.0.1:3000], so one build runs anywhere.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(process.env.WEB_DIST_DIR ?? join(here, '..', '..', 'dist', 'apps', 'web'));
const port = Number(process.env.WEB_PORT ?? 4200);
const host = process.env.WEB_HOST || undefined;
const apiUrlRaw = process.env.WEB_API_URL || process.env.PUBLIC_API_URL || 'http://127.0.0.1:3000';

function fail(message) {
  console.error(`web: ${message}`);
  process.exit(1);
}

if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`WEB_PORT must be a port number, got "${process.env.WEB_PORT}"`);
let apiUrl;
try {
  const parsed = new URL(apiUrlRaw);
  if (!/^https?:$/.test(parsed.protocol)) throw new Error('not http(s)');
  apiUrl = parsed.href.replace(/\/+$/, '');
} catch {
  fail(`PUBLIC_API_URL (or WEB_API_URL) must be an http(s) URL, got "${apiUrlRaw}"`);
}
if (!existsSync(join(root, 'index.html'))) fail(`no build in ${root}: run \`npx nx run web:build\` first`);

const configJs = `window.__TWOFOLD_CONFIG__ = ${JSON.stringify({ apiUrl })};\n`;
const apiOrigin = new URL(apiUrl).origin;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${apiOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (pathname === '/config.js') {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : configJs);
    return;
  }
  if (pathname === '/health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    return;
  }
  let file = normalize(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(404).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  const isAsset = file.startsWith(join(root, 'assets') + sep);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
});

server.listen(port, host, () => {
  console.log(`web: serving ${root} at http://localhost:${port} (API ${apiUrl})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
