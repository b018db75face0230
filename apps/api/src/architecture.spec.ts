import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The house rules of the API's layout (docs/architecture.md), checked on the files themselves:
 * a rule that only lives in a review is broken by the next hurried change.
 */
const SRC = __dirname;
const ROOT = join(SRC, '..', '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const all = filesUnder(SRC);
const sources = all.filter((f) => !/\.(spec|integration-spec|e2e-spec)\.ts$/.test(f));
const rel = (f: string) => relative(SRC, f).split(sep).join('/');
const text = (f: string) => readFileSync(f, 'utf8');

/** SQL statement text inside a string or template literal (not a word in a comment). */
const SQL = /[`'"][^`'"]*\b(SELECT\s[^`'"]*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WITH\s+\w+\s+AS\s*\()/i;
const stripComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('API layout', () => {
  it('has no source file over 300 lines', () => {
    const long = all.map((f) => ({ file: rel(f), lines: text(f).split('\n').length })).filter((x) => x.lines > 300);
    expect(long).toEqual([]);
  });

  it('keeps SQL text in *.store.ts files only', () => {
    const offenders = sources.filter((f) => !f.endsWith('.store.ts') && SQL.test(stripComments(text(f)))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('reaches the PostgreSQL driver only through the persistence wrapper', () => {
    const driverCast = /(driver|queryRunner|databaseConnection|master)\s+as\s+unknown\s+as/;
    const files = [...filesUnder(join(ROOT, 'apps')), ...filesUnder(join(ROOT, 'libs'))].filter((f) => !f.includes(`${sep}node_modules${sep}`) && !f.includes(`${sep}dist${sep}`));
    const offenders = files.filter((f) => driverCast.test(text(f))).map((f) => relative(ROOT, f).split(sep).join('/'));
    expect(offenders).toEqual(['libs/persistence/src/lib/sql.ts']);
  });

  it('lets login/ depend on second-factor/, never the reverse', () => {
    const imports = (f: string) => [...text(f).matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    const offenders = all.filter((f) => rel(f).startsWith('second-factor/')).filter((f) => imports(f).some((i) => /(^|\/)login\//.test(i)));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('registers every kind of second factor in one place', () => {
    const registry = text(join(SRC, 'second-factor/methods/method-registry.ts'));
    const plugins = all.filter((f) => /second-factor\/methods\/[^/]+\/[^/]+\.method\.ts$/.test(rel(f)));
    expect(plugins.length).toBeGreaterThanOrEqual(2);
    for (const p of plugins) {
      const cls = /export class (\w+)/.exec(text(p))?.[1];
      expect(registry).toContain(cls);
    }
  });
});
