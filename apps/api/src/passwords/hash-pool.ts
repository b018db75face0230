import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type Argon2Params = { algorithm: number; memoryCost: number; timeCost: number; parallelism: number };

type Job = { op: 'hash'; plain: string; params: Argon2Params } | { op: 'verify'; encoded: string; plain: string };

interface Pending {
  job: Job;
  resolve: (value: string | boolean) => void;
  reject: (err: Error) => void;
}

/**
 * The worker's code. Each worker lowers its own thread's priority (nice 10: Linux schedules
 * threads, and setpriority on a thread id affects that thread only), then hashes synchronously.
 * A login flood then fills the idle CPU with argon2 but cannot delay the event loop, PostgreSQL
 * or health checks: they run first whenever they have work.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const argon2 = require(workerData.argon2Path);
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) require('node:os').setPriority(tid, workerData.nice);
} catch {}
parentPort.on('message', (m) => {
  try {
    const result = m.op === 'hash' ? argon2.hashSync(m.plain, m.params) : argon2.verifySync(m.encoded, m.plain);
    parentPort.postMessage({ result });
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
});
`;

/**
 * argon2id on a fixed set of low-priority worker threads, one job per thread at a time, the
 * rest queued in order. Replaces the binding's async calls, which run on libuv's shared pool at
 * normal priority (and would queue DNS lookups behind hashes).
 */
export class HashPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private closed = false;

  private readonly argon2Path = createRequire(__filename).resolve('@node-rs/argon2');

  constructor(
    size: number,
    private readonly nice = 10,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  hash(plain: string, params: Argon2Params): Promise<string> {
    return this.run({ op: 'hash', plain, params }) as Promise<string>;
  }

  verify(encoded: string, plain: string): Promise<boolean> {
    return this.run({ op: 'verify', encoded, plain }) as Promise<boolean>;
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    for (const p of [...this.busy.values(), ...this.queue.splice(0)]) p.reject(new Error('hash pool closed'));
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private run(job: Job): Promise<string | boolean> {
    if (this.closed) return Promise.reject(new Error('hash pool closed'));
    return new Promise((resolve, reject) => {
      const pending = { job, resolve, reject };
      const worker = this.idle.pop();
      if (worker) this.start(worker, pending);
      else this.queue.push(pending);
    });
  }

  private start(worker: Worker, pending: Pending): void {
    this.busy.set(worker, pending);
    worker.postMessage(pending.job);
  }

  private done(worker: Worker, m: { result?: string | boolean; error?: string }): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    if (pending) {
      if (m.error !== undefined) pending.reject(new Error(m.error));
      else pending.resolve(m.result as string | boolean);
    }
    const next = this.queue.shift();
    if (next) this.start(worker, next);
    else if (!this.closed) this.idle.push(worker);
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { argon2Path: this.argon2Path, nice: this.nice } });
    worker.unref(); // never what keeps the process alive
    worker.on('message', (m: { result?: string | boolean; error?: string }) => this.done(worker, m));
    worker.on('error', (err) => this.failed(worker, err));
    return worker;
  }

  /** A crashed worker's job fails; a new worker takes its place and the queue goes on. */
  private failed(worker: Worker, err: Error): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    pending?.reject(err);
    if (this.closed) return;
    const next = this.queue.shift();
    const fresh = this.spawn();
    if (next) this.start(fresh, next);
    else this.idle.push(fresh);
  }
}
