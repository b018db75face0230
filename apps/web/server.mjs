// Serves the production build of the web app (dist/apps/web) at WEB_PORT [4200].
// The API URL comes from the environment at runtime: /config.js is written from WEB_API_URL or
// PUBLIC_API_URL [http://127.0.0.1:3000], so one build runs anywhere.
// Every request target is hostile until proven otherwise: a malformed one is a 4xx, a path that
// leaves the build (dot-dot, encoded or through a symlink) a 404, a file error never a crash.
import { existsSync, realpathSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { createServer, STATUS_CODES } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const distDir = resolve(process.env.WEB_DIST_DIR ?? join(here, '..', '..', 'dist', 'apps', 'web'));
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
if (!existsSync(join(distDir, 'index.html'))) fail(`no build in ${distDir}: run \`npx nx run web:build\` first`);
// Symlinks resolved once, so a file's real path can be compared with the root's.
const root = realpathSync(distDir);
const indexHtml = join(root, 'index.html');
const assetsDir = join(root, 'assets') + sep;

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

/** Longer request targets are 414: the build's own paths are far shorter. */
const MAX_TARGET_LENGTH = 2048;

/**
 * The decoded path of a request target, or the status that refuses it. Origin-form (`/path?query`)
 * and absolute-form (`http://host/path`, RFC 9112 §3.2) are served; anything else, a malformed
 * percent-encoding, a NUL byte or a backslash (a separator on other systems) is a 400.
 */
function requestPath(target) {
  if (target.length > MAX_TARGET_LENGTH) return { status: 414 };
  let path;
  if (target.startsWith('/')) {
    path = target;
  } else if (/^https?:\/\//i.test(target)) {
    try {
      path = new URL(target).pathname;
    } catch {
      return { status: 400 };
    }
  } else {
    return { status: 400 };
  }
  const end = path.search(/[?#]/);
  if (end >= 0) path = path.slice(0, end);
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  return { path: decoded };
}

const inRoot = (path) => path === root || path.startsWith(root + sep);

/**
 * The regular file to serve for `path` under the root, opened (so a file removed after this still
 * reads whole): `missing` when there is none (the SPA page answers), `outside` when its real path
 * leaves the root.
 */
async function openInRoot(path) {
  let real;
  try {
    real = await realpath(path);
  } catch {
    return 'missing';
  }
  if (!inRoot(real)) return 'outside';
  let handle;
  try {
    handle = await open(real, 'r');
    const stats = await handle.stat();
    if (stats.isFile()) return { handle, real, size: stats.size };
  } catch (err) {
    await handle?.close();
    // Removed or replaced by a directory since realpath: as if it had never been there.
    if (['ENOENT', 'ENOTDIR', 'EISDIR'].includes(err.code)) return 'missing';
    throw err;
  }
  await handle.close();
  return 'missing';
}

function refuse(res, status) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(STATUS_CODES[status]);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const target = requestPath(req.url ?? '/');
  if (target.status) return refuse(res, target.status);
  const pathname = target.path;
  if (pathname === '/config.js') {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : configJs);
    return;
  }
  if (pathname === '/health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    return;
  }
  const wanted = join(root, pathname);
  if (!inRoot(wanted)) return refuse(res, 404);
  let file = await openInRoot(wanted);
  if (file === 'outside') return refuse(res, 404);
  if (file === 'missing') file = await openInRoot(indexHtml);
  if (typeof file === 'string') return refuse(res, 404);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file.real)] ?? 'application/octet-stream',
    'Content-Length': file.size,
    'Cache-Control': file.real.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    await file.handle.close();
    res.end();
    return;
  }
  // A read error after the headers can only cut the answer short (Content-Length tells the client).
  pipeline(file.handle.createReadStream(), res, (err) => {
    if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE')
      console.error(`web: reading a file failed (${err.code ?? err.message})`);
  });
}

const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    // EACCES and the like: a 404 tells nothing about the file system; anything else is ours.
    console.error(`web: ${req.method} failed (${err.code ?? err.message})`);
    if (res.headersSent) res.destroy();
    else refuse(res, ['EACCES', 'EPERM', 'ENAMETOOLONG', 'ELOOP'].includes(err.code) ? 404 : 500);
  });
});

server.listen(port, host, () => {
  console.log(`web: serving ${root} at http://localhost:${port} (API ${apiUrl})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
