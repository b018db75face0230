/**
 * Peak SMS/s of one built worker draining a backlog (as the bench's B4 peak phase does), and the
 * worker's CPU per SMS while draining:
 *   node -r @swc-node/register apps/sms-worker/src/test/bench-peak.ts [N=5000] [concurrency=200] [latencyMs=50]
 * Uses a private redis-server and a fresh test database; needs `nx run sms-worker:build`.
 * BENCH_PEAK_PROFILE=<dir> writes a V8 CPU profile of the worker there; BENCH_PEAK_WORKER_MAIN=<main.js>
 * runs another build (e.g. an older commit's, to compare).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { SMS_QUEUE_NAME } from '@twofold/sms-queue';
import { createTestDatabase, uniqueQueuePrefix } from '@twofold/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- dev tool
import { startFakeSmsGateway } from '../../../../tools/fake-sms-gateway/src';
import { ensureWorkerBuilt, freePort, PrivateRedis, WORKER_MAIN, WORKSPACE } from './e2e-harness';
import { enqueue, insertMessage, TEST_APP_SECRET, TestMessage, waitFor } from './fixtures';

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, 100 Hz ticks
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 5000);
  const concurrency = process.argv[3] ?? '200';
  const latency = Number(process.argv[4] ?? 50);
  const workerMain = process.env['BENCH_PEAK_WORKER_MAIN'] ?? WORKER_MAIN;
  if (workerMain === WORKER_MAIN) ensureWorkerBuilt();
  const testDb = await createTestDatabase('peak');
  const db = await new DataSource(dataSourceOptions(testDb.url, { poolSize: 8 })).initialize();
  const redis = new PrivateRedis(await freePort());
  await redis.start();
  const producer = new IORedis(redis.url, { maxRetriesPerRequest: null });
  const prefix = uniqueQueuePrefix('peak');
  const queue = new Queue(SMS_QUEUE_NAME, { connection: producer, prefix });
  const gateway = await startFakeSmsGateway({ authToken: 'bench', accountSid: 'ACbench' });
  gateway.control({ callbacks: false, delayMs: latency });

  const messages: TestMessage[] = [];
  for (let i = 0; i < n; i += 200)
    messages.push(...(await Promise.all(Array.from({ length: Math.min(200, n - i) }, () => insertMessage(db)))));
  for (let i = 0; i < n; i += 500) await Promise.all(messages.slice(i, i + 500).map((m) => enqueue(queue, m)));

  const profileDir = process.env['BENCH_PEAK_PROFILE'];
  const args = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, workerMain] : [workerMain];
  const proc = spawn(process.execPath, args, {
    cwd: WORKSPACE,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
      APP_SECRET: TEST_APP_SECRET,
      DATABASE_URL: testDb.url,
      REDIS_URL: redis.url,
      SMS_QUEUE_PREFIX: prefix,
      PUBLIC_API_URL: 'http://127.0.0.1:3000',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: 'ACbench',
      TWILIO_AUTH_TOKEN: 'bench',
      TWILIO_FROM: '+15005550006',
      TWILIO_API_BASE_URL: gateway.url,
      SMS_WORKER_HEALTH_PORT: '0',
      SMS_WORKER_CONCURRENCY: concurrency,
      SMS_RATE_PER_SECOND: '100000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let logBytes = 0;
  let logLines = 0;
  proc.stdout?.on('data', (c: Buffer) => {
    logBytes += c.length;
    for (const b of c) if (b === 10) logLines++;
  });
  const exited = new Promise((r) => proc.once('exit', r));
  await waitFor('first message', async () => gateway.messages.length > 0, 30000, 5);
  const cpu0 = cpuMs(proc.pid!);
  const t0 = Date.now();
  await waitFor('backlog drained', async () => gateway.messages.length >= n, 300000, 10);
  const t1 = Date.now();
  await waitFor(
    'all SENT rows',
    async () => (await db.query(`SELECT count(*)::int AS c FROM sms_message WHERE status = 'SENT'`))[0].c >= n,
    60000,
    20,
  );
  const cpu1 = cpuMs(proc.pid!);
  const drained = gateway.messages.map((m) => Date.parse(m.dateCreated)).sort((a, b) => a - b);
  const peak = (drained.length - 1) / ((drained[drained.length - 1] - drained[0]) / 1000);
  console.log(
    JSON.stringify({
      n,
      concurrency: Number(concurrency),
      latencyMs: latency,
      peakSmsPerSecond: Math.round(peak),
      drainMs: t1 - t0,
      workerCpuMsDraining: cpu1 - cpu0,
      workerCpuMsPerSms: +((cpu1 - cpu0) / n).toFixed(3),
      workerCpuMsTotal: cpu1,
      logLines,
      logBytesPerSms: Math.round(logBytes / n),
    }),
  );
  proc.kill('SIGTERM');
  await exited;
  await queue.close();
  producer.disconnect();
  await redis.stop();
  await gateway.close();
  await db.destroy();
  await testDb.drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
