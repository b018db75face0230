import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSdl, RESOLVERS } from './build-schema';

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.includes('spec') ? [path] : [];
  });
}

describe('emitted GraphQL schema', () => {
  it('matches the committed apps/api/schema.graphql (run `npx nx run api:schema` after changing the API)', async () => {
    const committed = readFileSync(join(SRC, '../schema.graphql'), 'utf8');
    expect(await buildSchemaSdl()).toBe(committed);
  });

  it('is built from every resolver class of the API', () => {
    const declared = sourceFiles(SRC)
      .filter((f) => /@Resolver\(/.test(readFileSync(f, 'utf8')))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/export class (\w+Resolver)\b/g)].map((m) => m[1]));
    expect(declared.sort()).toEqual(RESOLVERS.map((r) => r.name).sort());
  });
});
