#!/usr/bin/env node
// `npm start`: the whole demo in one terminal. Reads .env when present (set variables win),
// logs in to PostgreSQL and PINGs Redis with the configured URLs (starting private instances
// under .data/ when their servers are installed but nothing listens) and checks the ports,
// all before building; then builds the apps, applies migrations and runs the fake SMS gateway,
// the API, the SMS worker and the web app. The "running" banner waits for every /health.
// Ctrl-C stops everything. An explicit SMS_PROVIDER replaces the fake gateway.
import { spawnSync } from 'node:child_process';
import { bannerWhenHealthy, checkServices, Children, prepareEnv, root } from './run-stack.mjs';

const { env, useFakeGateway } = prepareEnv();
await checkServices(env, { gateway: useFakeGateway });

const projects = ['api', 'sms-worker', 'web', ...(useFakeGateway ? ['fake-sms-gateway'] : [])];
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', projects.join(','), '--output-style=static'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);
const migrate = spawnSync('node', ['dist/apps/api/apps/api/src/migrate.js'], { cwd: root, stdio: 'inherit', env });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const children = new Children();
const node = (name, script) => children.run(name, process.execPath, ['--enable-source-maps', script], env);
if (useFakeGateway) node('gateway', 'dist/tools/fake-sms-gateway/tools/fake-sms-gateway/src/main.js');
node('api', 'dist/apps/api/apps/api/src/main.js');
node('worker', 'dist/apps/sms-worker/apps/sms-worker/src/main.js');
node('web', 'apps/web/server.mjs');

await bannerWhenHealthy(children, env, { gateway: useFakeGateway, title: 'Twofold is running:' });
