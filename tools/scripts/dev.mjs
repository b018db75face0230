#!/usr/bin/env node
// `npm run dev`: the development loop in one terminal, nothing built to dist/. The same .env,
// checks and fake gateway as `npm start`; the API and the worker run from their TypeScript
// through @swc-node/register and restart when a file changes in their src/ or in libs/ (in 1 to
// 4 s); the web app is Vite's dev server with hot module replacement. A crash waits for the next
// save instead of stopping everything.
// Ctrl-C stops everything.
import { spawnSync } from 'node:child_process';
import { bannerWhenHealthy, checkServices, Children, prepareEnv, root } from './run-stack.mjs';

const { env, useFakeGateway } = prepareEnv();
await checkServices(env, { gateway: useFakeGateway });

const ts = (project) => ({ ...env, TS_NODE_PROJECT: `${project}/tsconfig.json` });
const register = ['--enable-source-maps', '-r', '@swc-node/register'];

const migrate = spawnSync(process.execPath, [...register, 'apps/api/src/migrate.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: ts('apps/api'),
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const children = new Children();
if (useFakeGateway) {
  children.run(
    'gateway',
    process.execPath,
    [...register, 'tools/fake-sms-gateway/src/main.ts'],
    ts('tools/fake-sms-gateway'),
  );
}
children.runWatched('api', process.execPath, [...register, 'apps/api/src/main.ts'], ts('apps/api'), {
  watchDirs: ['apps/api/src', 'libs'],
  healthUrl: `http://127.0.0.1:${env.API_PORT}/health`,
});
children.runWatched('worker', process.execPath, [...register, 'apps/sms-worker/src/main.ts'], ts('apps/sms-worker'), {
  watchDirs: ['apps/sms-worker/src', 'libs'],
  healthUrl: `http://127.0.0.1:${env.SMS_WORKER_HEALTH_PORT}/health`,
});
children.run('web', process.execPath, ['tools/scripts/vite-dev.mjs'], env);

await bannerWhenHealthy(children, env, {
  gateway: useFakeGateway,
  title: 'Twofold dev loop is running (API and worker restart on save, the web app reloads in place):',
});
