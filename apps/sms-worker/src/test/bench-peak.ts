/**
 * Peak SMS/s of one built worker draining a backlog (as the bench's B4 peak phase does), and the
 * worker's CPU per SMS while draining:
 *   node -r @swc-node/register apps/sms-worker/src/test/bench-peak.ts [N=5000] [concurrency=200] [latencyMs=50]
 * Uses a private redis-server and a fresh test database; needs `nx run sms-worker:build`.
 * BENCH_PEAK_PROFILE=<dir> writes a V8 CPU profile of the worker there; BENCH_PEAK_WORKER_MAIN=<main.js>
 * runs another build (e.g. an older commit's, to compare).
 */
import { spawn } from 'node:child_process';
import { ensureWorkerBuilt, WORKER_MAIN, WORKSPACE } from './e2e-harness';
import { cpuMs, startBenchRig } from './bench-rig';
import { enqueue, waitFor } from './fixtures';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 5000);
  const concurrency = process.argv[3] ?? '200';
  const latency = Number(process.argv[4] ?? 50);
  const workerMain = process.env['BENCH_PEAK_WORKER_MAIN'] ?? WORKER_MAIN;
  if (workerMain === WORKER_MAIN) ensureWorkerBuilt();
  const rig = await startBenchRig('peak', { poolSize: 8, gatewayLatencyMs: latency });
  const { queue, gateway } = rig;

  const messages = await rig.insertMessages(n, 200);
  for (let i = 0; i < n; i += 500) await Promise.all(messages.slice(i, i + 500).map((m) => enqueue(queue, m)));

  const profileDir = process.env['BENCH_PEAK_PROFILE'];
  const args = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, workerMain] : [workerMain];
  const proc = spawn(process.execPath, args, {
    cwd: WORKSPACE,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
      PUBLIC_API_URL: 'http://127.0.0.1:3000',
      ...rig.workerEnv(concurrency),
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
  await rig.allSent(n, 20);
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
  await rig.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
