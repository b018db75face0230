import root from '../../eslint.config.mjs';

/**
 * The web app's layers, on top of the workspace rules: `ui/` holds presentational pieces that any
 * feature may use, so it never imports a feature module (`modules/`) or the app shell (`app/`).
 * Data a ui component shows comes in through its props; the feature that fetches it lives in
 * `modules/` (e.g. `modules/auth/hooks/use-sms-dispatch.ts` polls what `ui/DeliveryStatus` shows).
 */
export default [
  ...root,
  {
    // Relative to where ESLint runs: the workspace root (Nx) or this folder.
    files: ['apps/web/src/ui/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules', '**/modules/**', '@twofold/web/modules/**'],
              message: 'ui/ never imports a feature module: pass the data in through props.',
            },
            { group: ['**/app', '**/app/**'], message: 'ui/ never imports the app shell.' },
          ],
        },
      ],
    },
  },
  {
    // This file extends the workspace config by path, which is how flat configs compose.
    files: ['apps/web/eslint.config.mjs', 'eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
