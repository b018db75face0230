import { writeFileSync } from 'node:fs';
import { buildSchemaSdl } from './build-schema';

/** `nx run api:schema`: rewrites the committed apps/api/schema.graphql from the code. */
buildSchemaSdl().then((sdl) => {
  const out = process.argv[2] ?? 'apps/api/schema.graphql';
  writeFileSync(out, sdl);
  console.log(`wrote ${out}`);
});
