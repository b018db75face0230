import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * .env.example documents every variable the apps and `npm start` read, and nothing else: the
 * names are read from the sources (`env, 'NAME'`, `env['NAME']`, `process.env.NAME`, `env.NAME`).
 */
const root = join(__dirname, '..', '..');
const SOURCES = [
  'libs/shared/config/src',
  'apps/sms-worker/src',
  'apps/web/server.mjs',
  'tools/fake-sms-gateway/src',
  'libs/fake-sms-gateway/src',
  'tools/scripts/run-stack.mjs',
  'tools/scripts/vite-dev.mjs',
];
/** Read by tests and tools only, not by the apps: documented in the README. */
const NOT_APP_CONFIG = new Set(['TS_NODE_PROJECT', 'USER']);

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => (name === 'test' ? [] : files(join(path, name))));
}

const sourceFiles = SOURCES.flatMap((p) => files(join(root, p))).filter(
  (f) => /\.(ts|mjs)$/.test(f) && !/[.-]spec\.ts$/.test(f),
);
const read = new Map<string, string>();
for (const file of sourceFiles) {
  for (const m of readFileSync(file, 'utf8').matchAll(/(?:env, '|env\['|process\.env\.|\benv\.)([A-Z][A-Z0-9_]+)/g)) {
    if (!NOT_APP_CONFIG.has(m[1])) read.set(m[1], relative(root, file));
  }
}
const example = readFileSync(join(root, '.env.example'), 'utf8');
const documented = new Set([...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

describe('.env.example', () => {
  it('finds the sources it reads names from', () => {
    expect(sourceFiles.some((f) => f.endsWith('config.ts'))).toBe(true);
    expect(read.size).toBeGreaterThan(60);
  });

  it('documents every variable the code reads', () => {
    const missing = [...read]
      .filter(([name]) => !documented.has(name))
      .map(([name, file]) => `${name} (read in ${file})`);
    expect(missing).toEqual([]);
  });

  it('documents no variable the code does not read', () => {
    expect([...documented].filter((name) => !read.has(name))).toEqual([]);
  });

  it('changes nothing as copied: every line is a comment or blank', () => {
    expect(example.split('\n').filter((line) => line.trim() && !line.startsWith('#'))).toEqual([]);
  });
});
