// The Fastify adapter probe (issue 15, B2): `{ __typename }` on bare Apollo Server 5 and on NestJS 11's
// GraphQLModule, each on Express 5 and on Fastify 5, 50 connections, 6 s each, CPU per request from
// /proc. Its packages are not the project's (the API runs on Express), so it runs in a directory of
// its own:
//   mkdir -p /tmp/adapter-probe && cp tools/bench/adapter-probe/*.cjs /tmp/adapter-probe && cd /tmp/adapter-probe
//   npm init -y >/dev/null && npm i @nestjs/platform-fastify@11.2.8 @as-integrations/fastify@3.1.0 fastify@5.11.3 \
//     @nestjs/platform-express@11.2.10 @nestjs/apollo@13.4.5 @nestjs/graphql@13.4.4 @nestjs/core@11.2.10 \
//     @nestjs/common@11.2.10 @apollo/server@5.5.1 graphql@16.15.0 reflect-metadata@0.2.2 rxjs@7.8.2 \
//     @as-integrations/express5@1.1.2 express@5.3.0 autocannon@9.0.0
//   node probe.cjs 3        # rounds
const { fork } = require('node:child_process');
const { readFileSync } = require('node:fs');
const autocannon = require('autocannon');
const cpuMs = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
async function one(kind, port, seconds) {
  const child = fork(__dirname + '/server.cjs', [kind, String(port)], { stdio: 'inherit' });
  await new Promise((r) => child.once('message', r));
  const body = JSON.stringify({ query: '{ __typename }' });
  const opts = { url: `http://127.0.0.1:${port}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 50 };
  await autocannon({ ...opts, duration: 2 });
  const c0 = cpuMs(child.pid);
  const r = await autocannon({ ...opts, duration: seconds });
  const cpu = cpuMs(child.pid) - c0;
  child.kill();
  return { kind, rps: Math.round(r.requests.average), non2xx: r.non2xx, cpuMsPerReq: +(cpu / r.requests.total).toFixed(3) };
}
(async () => {
  const rounds = Number(process.argv[2] ?? 2);
  const out = [];
  for (let i = 0; i < rounds; i++) for (const [k, p] of [['bare-express', 4801], ['nest-express', 4802], ['bare-fastify', 4803], ['nest-fastify', 4804]]) { const r = await one(k, p, 6); out.push(r); console.log(JSON.stringify(r)); }
})();
