import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnNode, waitUntil, WORKSPACE_ROOT, type NodeProcess } from '@twofold/testing';

/**
 * The production web server (apps/web/server.mjs) as a real process against a build of our own,
 * fed thousands of hostile request targets over raw TCP: malformed and lone percent-encodings, NUL
 * bytes, traversal (plain, encoded, double-encoded, backslashes, symlinks), absolute-form and
 * unparsable targets, long paths, random bytes and unicode. Every answer is a 4xx or a file of the
 * build (never a 5xx, never a byte from outside it), and the process serves /health at the end.
 */
const SECRET = `OUTSIDE-THE-ROOT-${process.pid}-${Date.now()}`;
const FUZZ_REQUESTS = 3000;
const PARALLEL = 8;

let dir: string;
let root: string;
let server: NodeProcess;
let port: number;
/** Every body a 200 may carry: the files of the build, /config.js and /health. */
const allowedBodies = new Set<string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twofold-web-'));
  root = join(dir, 'site');
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Twofold</title><div id="root"></div>',
    'assets/index-abc123.js': 'console.log("app");',
    'assets/index-abc123.css': 'body{margin:0}',
    'assets/dir/nested.txt': 'nested asset',
    'robots.txt': 'User-agent: *',
    'deep/a/b/c.json': '{"deep":true}',
    '%2e%2e/literal.txt': 'a file whose name is an encoded dot-dot',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  // Outside the root: beside it, in a sibling whose name extends the root's, and behind symlinks.
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  mkdirSync(join(dir, 'site-sibling'));
  writeFileSync(join(dir, 'site-sibling', 'leak.txt'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(root, 'link.txt'));
  symlinkSync(dir, join(root, 'up'));

  port = await freePort();
  server = spawnNode('web', join(WORKSPACE_ROOT, 'apps/web/server.mjs'), {
    WEB_DIST_DIR: root,
    WEB_PORT: String(port),
    WEB_HOST: '127.0.0.1',
    PUBLIC_API_URL: 'http://127.0.0.1:3000',
  });
  await waitUntil('web server', async () => (await get('/health')).status === 200, 10_000, [server]);
  for (const name of Object.keys(files)) allowedBodies.add(files[name]);
  allowedBodies.add('ok');
  allowedBodies.add((await get('/config.js')).body.toString('utf8'));
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface RawResponse {
  /** -1: the connection failed or was closed without an answer. */
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One request written byte for byte, `Connection: close`; the answer parsed (chunked bodies joined). */
function raw(target: string | Buffer, method = 'GET', timeoutMs = 5000): Promise<RawResponse> {
  const head = Buffer.concat([
    Buffer.from(`${method} `),
    Buffer.isBuffer(target) ? target : Buffer.from(target, 'utf8'),
    Buffer.from(' HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
  ]);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    const done = () => resolve(parse(Buffer.concat(chunks)));
    socket.setTimeout(timeoutMs, () => socket.destroy());
    // Not end(): Node's HTTP server drops a request whose client half-closed before the answer.
    socket.on('connect', () => socket.write(head));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', done);
  });
}

function parse(data: Buffer): RawResponse {
  const end = data.indexOf('\r\n\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(data.subarray(0, Math.max(end, 0)).toString('latin1'));
  if (end < 0 || !match) return { status: -1, headers: {}, body: data };
  const headers: Record<string, string> = {};
  for (const line of data.subarray(0, end).toString('latin1').split('\r\n').slice(1)) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = data.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (let at = 0; ; ) {
      const eol = body.indexOf('\r\n', at);
      const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
      if (eol < 0 || !size) break;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  return { status: Number(match[1]), headers, body };
}

const get = async (target: string) => {
  const res = await raw(target);
  return { ...res, text: res.body.toString('utf8') };
};

/** A seeded generator (mulberry32), so a failing run can be replayed with FUZZ_SEED. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRAVERSALS = [
  '../',
  '..%2f',
  '..%2F',
  '%2e%2e/',
  '%2e%2e%2f',
  '.%2e/',
  '%2e./',
  '%252e%252e%252f',
  '%252e%252e/',
  '..\\',
  '..%5c',
  '%2e%2e%5c',
  '..%255c',
  '....//',
  '..;/',
  '%c0%ae%c0%ae/',
  '..%c0%af',
  '.%00./',
  '/..',
  '//',
  '/./',
  '%2f',
];
const TARGETS = [
  'secret.txt',
  '../secret.txt',
  'site-sibling/leak.txt',
  'etc/passwd',
  'proc/self/environ',
  'link.txt',
  'up/secret.txt',
  'up/site-sibling/leak.txt',
  'index.html',
  'assets/index-abc123.js',
  'assets/dir',
  'deep/a/b/c.json',
  '',
];
const UNICODE = [
  'é',
  'ß',
  '\u202e',
  '\u200b',
  '\ufeff',
  '漢字',
  '😀',
  '\ud800',
  'ＡＢ',
  '\u0000',
  '\u2215',
  '\uff0e\uff0e',
  '\u2025',
];

function fuzzTarget(random: () => number): string | Buffer {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const hex = () =>
    Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0');
  const kind = Math.floor(random() * 9);
  switch (kind) {
    case 0: // random bytes, anything but the CR/LF/space that end a request line
      return Buffer.concat([
        Buffer.from('/'),
        Buffer.from(
          Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
            pick([...Array(256).keys()].filter((b) => b !== 10 && b !== 13 && b !== 32)),
          ),
        ),
      ]);
    case 1: // random %xx, lone %, bad hex and overlong sequences
      return (
        '/' +
        Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
          pick([`%${hex()}`, '%', '%%', `%${hex()[0]}`, '%zz', '%u2215', `%${hex()}%${hex()}`, 'a', '/']),
        ).join('')
      );
    case 2: // traversal towards a file outside (or inside) the root
      return (
        '/' + Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(TRAVERSALS)).join('') + pick(TARGETS)
      );
    case 3: // traversal after a real directory
      return (
        '/' +
        pick(['assets/', 'deep/a/', 'assets/dir/', 'up/', 'nope/']) +
        Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(TRAVERSALS)).join('') +
        pick(TARGETS)
      );
    case 4: // unicode, raw and encoded
      return (
        '/' +
        Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
          const ch = pick(UNICODE);
          return random() < 0.5 ? ch : encodeURIComponent(ch.replace(/[\ud800-\udfff]/g, 'x'));
        }).join('')
      );
    case 5: // absolute-form targets, some unparsable
      return (
        pick([
          'http://evil.example',
          'https://localhost:99999',
          'http://[::1',
          'file://',
          'http://user:pass@localhost',
          'javascript:',
          'http://%zz',
          'HTTP://LOCALHOST',
        ]) +
        pick(['/', '/../', '/%2e%2e/', '/%', '']) +
        pick(TARGETS)
      );
    case 6: // long paths, some beyond any header limit
      return '/' + pick(['a/', '../', '%2e%2e%2f', '%', 'x']).repeat(pick([100, 1000, 4000, 20000]));
    case 7: // NUL bytes
      return '/' + pick(TARGETS) + pick(['%00', '%00.html', '\u0000', '%2500']) + pick(['', '.js', '/x']);
    default: // odd but valid: queries, fragments, dots, asterisk, no slash
      return pick([
        '/?',
        '/#',
        '/index.html?x=%',
        '/assets/index-abc123.js#%',
        '*',
        'index.html',
        '/.',
        '/..',
        '/./assets/../index.html',
        '/assets/./dir/',
        '/config.js%00',
        '/health/..',
        '/assets%2findex-abc123.js',
        '/ASSETS/INDEX-ABC123.JS',
      ]);
  }
}

function expectSafe(target: string | Buffer, res: RawResponse): void {
  const where = `for ${JSON.stringify(Buffer.isBuffer(target) ? target.toString('latin1') : target).slice(0, 200)}`;
  const text = res.body.toString('latin1');
  if (res.status === -1 || res.status >= 500) throw new Error(`status ${res.status} ${where}`);
  if (text.includes(SECRET) || /root:x?:0:0|PATH=/.test(text))
    throw new Error(`a file outside the root was served ${where}`);
  if (res.status === 200 && res.body.length > 0 && !allowedBodies.has(res.body.toString('utf8')))
    throw new Error(`a 200 that is not a file of the build ${where}: ${text.slice(0, 100)}`);
}

describe('web server: known hostile targets', () => {
  it.each([
    ['/%', 400],
    ['/%zz', 400],
    ['/assets/%E0%A4%A', 400],
    ['/%00', 400],
    ['/index.html%00.js', 400],
    ['/..%2f..%2fsecret.txt', 404],
    ['/%2e%2e/%2e%2e/secret.txt', 404],
    ['/..%5c..%5csecret.txt', 400],
    ['/assets/..\\..\\secret.txt', 400],
    ['/link.txt', 404],
    ['/up/secret.txt', 404],
    ['/up/site-sibling/leak.txt', 404],
    ['/a/a/a… (4,001 characters)', 414],
    ['http://[::1/', 400],
    ['*', 400],
    ['index.html', 400],
  ])('%s → %i, and the server lives on', async (label, status) => {
    const target = label.startsWith('/a/a/a…') ? '/' + 'a/'.repeat(2000) : label;
    const res = await raw(target);
    expect(res.status).toBe(status);
    expectSafe(target, res);
    expect(server.proc.exitCode).toBeNull();
  });

  it('keeps serving the build: files, SPA fallback, config.js, health, headers, absolute-form', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toBe('console.log("app");');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect(asset.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const spa = await get('/settings/security');
    expect(spa.status).toBe(200);
    expect(spa.text).toContain('<div id="root">');
    expect(spa.headers['cache-control']).toBe('no-cache');
    expect((await get('/assets/dir')).text).toContain('<div id="root">');
    expect((await get('/%2e%2e/literal.txt')).status).toBe(404);
    // Decoded once: %252e is the file's literal "%2e", not a second chance at "..".
    expect((await get('/%252e%252e/literal.txt')).text).toBe('a file whose name is an encoded dot-dot');
    expect((await get('/deep/a/b/c.json')).text).toBe('{"deep":true}');
    expect((await get('/config.js')).text).toContain('"apiUrl":"http://127.0.0.1:3000"');
    expect((await get('/health')).text).toBe('ok');
    expect((await get('http://other.example/assets/index-abc123.js')).text).toBe('console.log("app");');
    expect((await raw('/', 'HEAD')).body).toHaveLength(0);
    expect((await raw('/', 'POST')).status).toBe(405);
  });

  it('answers a file removed and re-created while it is requested (200, whole file or the SPA page)', async () => {
    const file = join(root, 'assets', 'flaky.js');
    const content = 'flaky'.repeat(20000);
    allowedBodies.add(content);
    let churn = true;
    const churner = (async () => {
      while (churn) {
        // Written beside it and renamed in, so a reader sees the whole file or none.
        writeFileSync(`${file}.tmp`, content);
        renameSync(`${file}.tmp`, file);
        await new Promise((r) => setImmediate(r));
        unlinkSync(file);
        await new Promise((r) => setImmediate(r));
      }
    })();
    try {
      for (let i = 0; i < 200; i += PARALLEL) {
        const answers = await Promise.all(Array.from({ length: PARALLEL }, () => raw('/assets/flaky.js')));
        for (const res of answers) expectSafe('/assets/flaky.js', res);
      }
    } finally {
      churn = false;
      await churner;
    }
    expect(server.proc.exitCode).toBeNull();
  });
});

describe('web server: fuzzing', () => {
  it(`answers ${FUZZ_REQUESTS} random hostile targets with a 4xx or a file of the build, and still serves /health`, async () => {
    const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
    const random = rng(seed);
    const targets = Array.from({ length: FUZZ_REQUESTS }, () => fuzzTarget(random));
    const problems: string[] = [];
    const deadline = Date.now() + 15_000;
    let next = 0;
    let answered = 0;
    const lane = async () => {
      while (next < targets.length && Date.now() < deadline && problems.length < 20) {
        const target = targets[next++];
        try {
          expectSafe(target, await raw(target));
          answered++;
        } catch (err) {
          problems.push((err as Error).message);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, lane));
    expect({ seed, problems: problems.slice(0, 20) }).toEqual({ seed, problems: [] });
    // Bounded in time, but not so bounded that it proves nothing.
    expect(answered).toBeGreaterThanOrEqual(Math.min(FUZZ_REQUESTS, 1000));
    expect(server.proc.exitCode).toBeNull();
    expect((await get('/health')).text).toBe('ok');
    expect(server.lines.filter((l) => /uncaught|unhandled|TypeError|URIError/i.test(l))).toEqual([]);
  });
});
