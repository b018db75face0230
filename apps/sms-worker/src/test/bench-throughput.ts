/**
 * Sends N SMS through the built worker and the fake gateway and prints sends per second:
 *   node -r @swc-node/register apps/sms-worker/src/test/bench-throughput.ts [N] [concurrency]
 * Uses a private redis-server and a fresh test database; needs `nx run sms-worker:build`.
 */
import { ensureWorkerBuilt, spawnWorker } from './e2e-harness';
import { cpuMs, startBenchRig } from './bench-rig';
import { enqueue, waitFor } from './fixtures';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  const concurrency = process.argv[3] ?? '50';
  ensureWorkerBuilt();
  const rig = await startBenchRig('bench', { poolSize: 4 });
  const { queue, gateway } = rig;
  const worker = spawnWorker({ ...rig.workerEnv(concurrency), LOG_LEVEL: 'warn' });
  await waitFor('worker up', async () => (await queue.getWorkersCount()) > 0, 15000, 50);
  const messages = await rig.insertMessages(n, 100);
  const t0 = Date.now();
  await queue.addBulk([]); // warm
  await Promise.all(messages.map((m) => enqueue(queue, m)));
  const tEnqueued = Date.now();
  await waitFor('all sent', async () => gateway.messages.length >= n, 120000, 20);
  const tGateway = Date.now();
  await rig.allSent(n, 50);
  const t1 = Date.now();
  let usage = NaN;
  try {
    usage = cpuMs(worker.proc.pid!);
  } catch {
    // /proc unavailable: the figure stays NaN
  }
  console.log(
    JSON.stringify({
      n,
      concurrency: Number(concurrency),
      enqueueMs: tEnqueued - t0,
      gatewayAllMs: tGateway - t0,
      allSentMs: t1 - t0,
      sendsPerSecond: Math.round((n * 1000) / (t1 - t0)),
      workerCpuMs: usage,
      workerCpuMsPerSms: +(usage / n).toFixed(2),
    }),
  );
  worker.proc.kill('SIGTERM');
  await worker.exited;
  await rig.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
