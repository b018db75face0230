import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      '@twofold/error-codes': `${workspaceRoot}libs/shared/error-codes/src/index.ts`,
    },
  },
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        manualChunks: {
          react: ['react', 'react-dom'],
          apollo: ['@apollo/client', 'graphql', 'rxjs'],
          phone: ['libphonenumber-js/mobile'],
          intl: ['react-intl'],
        },
      },
    },
  },
  // localhost, not 127.0.0.1: the API's CORS allows WEB_ORIGIN, http://localhost:4200 by default.
  server: { port: 4200, host: 'localhost', strictPort: true },
});
