import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Operation types for the web app, generated from the API's committed schema.
 * `npx nx run web:codegen` rewrites src/gql; `npx nx run web:codegen-check` fails when it is stale.
 * CODEGEN_OUT lets the check generate into a scratch folder instead.
 */
const workspaceRoot = join(__dirname, '..', '..');
// The API's emitted schema, committed (a superset of the contract's schema.graphql).
// CODEGEN_SCHEMA points at another copy, e.g. the committed one while the API's is being edited.
const schema = process.env['CODEGEN_SCHEMA'] ?? join(workspaceRoot, 'apps/api/schema.graphql');
const out = process.env['CODEGEN_OUT'] ?? join(__dirname, 'src/gql/');

const config: CodegenConfig = {
  overwrite: true,
  schema,
  documents: [join(__dirname, 'src/**/*.{ts,tsx}'), `!${join(__dirname, 'src/gql/**')}`],
  ignoreNoDocuments: false,
  generates: {
    [out.endsWith('/') ? out : `${out}/`]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        dedupeFragments: true,
      },
    },
  },
  // Only .prettierignore: the check writes under tmp/, which .gitignore (read by default) would skip.
  hooks: { afterAllFileWrite: [`prettier --write --ignore-path ${join(workspaceRoot, '.prettierignore')}`] },
};

export default config;
