// Fails when apps/web/src/gql differs from what codegen produces from the committed schema.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceRoot = join(webRoot, '..', '..');
const committed = join(webRoot, 'src', 'gql');
const scratch = join(workspaceRoot, 'tmp', 'web-codegen-check');

rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
execFileSync('npx', ['graphql-codegen', '--config', join(webRoot, 'codegen.ts'), '--silent'], {
  cwd: workspaceRoot,
  stdio: 'inherit',
  env: { ...process.env, CODEGEN_OUT: `${scratch}/` },
});

const list = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
const fresh = list(scratch);
const current = list(committed);
const stale = [...new Set([...fresh, ...current])].filter((file) => {
  if (!fresh.includes(file) || !current.includes(file)) return true;
  return readFileSync(join(scratch, file), 'utf8') !== readFileSync(join(committed, file), 'utf8');
});
rmSync(scratch, { recursive: true, force: true });

if (stale.length > 0) {
  console.error(
    `apps/web/src/gql is stale (${stale.join(', ')}): run \`npx nx run web:codegen\` and commit the result.`,
  );
  process.exit(1);
}
console.log('apps/web/src/gql is up to date with the schema.');
