// Load generator, always run as its own process so it never shares an event loop with what it
// measures. `node load.mjs <spec.json>` prints one JSON line with the result.
//   kind "http":    autocannon against one URL; `bodies` (a JSON file of strings, one per request,
//                   each used once) or a single `body`; `duration` seconds or `amount` requests,
//                   optional `overallRate` (requests per second over all connections).
//   kind "argon2":  raw @node-rs/argon2 verify/s with the API's parameters, `concurrency` in flight.
//   kind "bullmq":  a raw BullMQ worker doing a `sleepMs` no-op per job on `count` queued jobs.
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));

async function http() {
  const { default: autocannon } = await import('autocannon');
  const bodies = spec.bodies ? JSON.parse(readFileSync(spec.bodies, 'utf8')) : null;
  let next = 0;
  const answeredAt = spec.recordAnswers ? {} : null;
  const statuses = {};
  const opts = {
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: spec.headers ?? {},
    connections: spec.connections ?? 10,
    pipelining: 1,
    timeout: 30,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration ?? 10 }),
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    ...(bodies
      ? {
          requests: [
            {
              setupRequest(req, context) {
                // Every request its own body (ticket, code) and, when given, headers (a client IP); past the end, the last one repeats.
                const index = Math.min(next++, bodies.length - 1);
                context.index = index;
                const entry = bodies[index];
                return typeof entry === 'string' ? { ...req, body: entry } : { ...req, body: entry.body, headers: { ...req.headers, ...entry.headers } };
              },
              onResponse(status, _body, context) {
                // When each request was answered (the API's acceptance), by body index.
                if (answeredAt && status === 200) answeredAt[context.index] = Date.now();
              },
            },
          ],
        }
      : {}),
  };
  const instance = autocannon(opts);
  instance.on('response', (_client, statusCode) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  if (answeredAt) writeFileSync(spec.recordAnswers, JSON.stringify(answeredAt));
  const l = result.latency;
  return {
    requests: result.requests.total,
    seconds: result.duration,
    rps: result.requests.total / result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
    latency: { mean: l.mean, p50: l.p50, p90: l.p90, p975: l.p97_5, p99: l.p99, max: l.max },
  };
}

async function argon2() {
  const { Algorithm, hash, verify } = await import('@node-rs/argon2');
  const params = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };
  const password = 'correct horse battery staple';
  const encoded = await hash(password, params);
  const concurrency = spec.concurrency ?? 8;
  // Warm up the thread pool.
  await Promise.all(Array.from({ length: concurrency }, () => verify(encoded, password)));
  let done = 0;
  const cpu0 = process.cpuUsage();
  const until = Date.now() + (spec.duration ?? 5) * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        if (!(await verify(encoded, password))) throw new Error('verify failed');
        done++;
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { verifies: done, seconds, perSecond: done / seconds, concurrency, cpuMsPerVerify: (cpu.user + cpu.system) / 1000 / done };
}

async function bullmq() {
  const { Queue, Worker } = await import('bullmq');
  const { default: IORedis } = await import('ioredis');
  const connection = new IORedis(spec.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('raw-noop', { connection, prefix: spec.prefix });
  const count = spec.count;
  for (let i = 0; i < count; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
        name: 'noop',
        data: { n: i + j, payload: 'x'.repeat(200) },
        opts: { jobId: `raw-${i + j}`, removeOnComplete: true, attempts: 8 },
      })),
    );
  }
  const finished = [];
  const workerConnection = new IORedis(spec.redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker(
    'raw-noop',
    async () => {
      await sleep(spec.sleepMs);
      finished.push(Date.now());
    },
    { connection: workerConnection, prefix: spec.prefix, concurrency: spec.concurrency, limiter: { max: 100000, duration: 1000 } },
  );
  const started = Date.now();
  const cpu0 = process.cpuUsage();
  while (finished.length < count) await sleep(20);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
  const seconds = (finished[finished.length - 1] - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { cpuMsPerJob: (cpu.user + cpu.system) / 1000 / count, jobs: count, seconds, perSecond: count / seconds, concurrency: spec.concurrency, sleepMs: spec.sleepMs };
}

const kinds = { http, argon2, bullmq };
kinds[spec.kind]()
  .then((r) => {
    process.stdout.write(JSON.stringify(r) + '\n');
    process.exit(0);
  })
  .catch((err) => {
    process.stderr.write(`load ${spec.kind} failed: ${err.stack ?? err}\n`);
    process.exit(1);
  });
