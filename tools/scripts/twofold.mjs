// `npm run twofold -- <command>`: the operator CLI (apps/api/src/cli). It runs the API's build
// (dist/apps/api), rebuilt first when it is missing or older than a source file of apps/api/src or
// libs, so a clean clone needs only `npm ci`. The environment is the API's: .env, then the process
// environment (which wins), validated by the API's own loadConfig. Build output goes to stderr, so
// `--json` answers stay clean on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDotEnv } from './preflight.mjs';

const root = resolve(import.meta.dirname, '../..');
const main = join(root, 'dist/apps/api/apps/api/src/cli/main.js');

/** The newest modification time of a .ts source under `dir` (tests excluded). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !/[.-]spec\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const built = existsSync(main) ? statSync(main).mtimeMs : 0;
if (built < Math.max(newestSource(join(root, 'apps/api/src')), newestSource(join(root, 'libs')))) {
  process.stderr.write('twofold: building the API first (dist/apps/api is missing or older than the sources)…\n');
  const build = spawnSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (build.status !== 0 || !existsSync(main)) {
    process.stderr.write('twofold: the build failed (see above): npx nx run api:build\n');
    process.exit(1);
  }
}

const env = { ...process.env };
loadDotEnv(join(root, '.env'), env);
const run = spawnSync(process.execPath, ['--enable-source-maps', main, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
