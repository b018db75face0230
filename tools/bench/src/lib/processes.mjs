// The bench's processes and measurements, shared by run.mjs (B1–B6) and scale-out.mjs (S1–S3):
// child processes with their logs under tmp/bench, their CPU and peak RSS from /proc, PostgreSQL's
// CPU and the machine's busy share per phase, and the load generator (load.mjs) in its own process.
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Every process a bench started, killed by `cleanup` whatever happened. */
export const children = new Set();

export function createProcesses({ root, outDir }) {
  function startNode(name, args, env) {
    return startProcess(name, process.execPath, args, env);
  }

  function startProcess(name, command, args, env) {
    const logFile = createWriteStream(join(outDir, `${name}.log`));
    const proc = spawn(command, args, { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Two streams into one file: neither may end it (the other could still write); the exit does.
    proc.stdout.pipe(logFile, { end: false });
    proc.stderr.pipe(logFile, { end: false });
    proc.once('close', () => logFile.end());
    children.add(proc);
    const exited = new Promise((r) => proc.once('exit', (code, signal) => (children.delete(proc), r(code ?? signal))));
    return {
      name,
      proc,
      exited,
      async stop() {
        if (proc.exitCode !== null || proc.signalCode !== null) return;
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 15000);
        await exited;
        clearTimeout(t);
      },
    };
  }

  async function waitFor(what, check, timeoutMs, proc) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (proc && proc.proc.exitCode !== null) throw new Error(`${proc.name} exited while waiting for ${what}: see tmp/bench/${proc.name}.log`);
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  /** Runs one load in its own process (load.mjs) and returns its JSON result. */
  async function load(name, spec, env = {}) {
    const specFile = join(outDir, `load-${name}.json`);
    writeFileSync(specFile, JSON.stringify(spec));
    const proc = spawn(process.execPath, [join(import.meta.dirname, '..', 'load.mjs'), specFile], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.add(proc);
    let out = '';
    proc.stdout.on('data', (c) => (out += c));
    const code = await new Promise((r) => proc.once('exit', r));
    children.delete(proc);
    if (code !== 0) throw new Error(`load ${name} failed (exit ${code})`);
    return JSON.parse(out.trim().split('\n').pop());
  }

  return { startNode, startProcess, waitFor, load };
}

/** Peak resident set size (VmHWM) of a live process, in MB. */
export function peakRssMb(proc) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time (user + system) a live process has used, in ms: the machine's other load does not inflate it. */
export function cpuMs(proc) {
  try {
    const f = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // utime, stime in 100 Hz ticks
  } catch {
    return NaN;
  }
}

/** CPU time used by every process of the machine whose command is `name` (e.g. postgres), in ms. */
export function commandCpuMs(name) {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes(`(${name})`)) continue;
      const f = stat.split(') ')[1].split(' ');
      total += (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** CPU time used by every `postgres` process of the machine (the servers the bench shares), in ms. */
export function postgresCpuMs() {
  return commandCpuMs('postgres');
}

/** Whole-machine CPU: busy and total jiffies since boot (/proc/stat), for the idle share of a phase. */
export function machineCpu() {
  const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = v[3] + v[4];
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Measures what a phase costs outside the API: PostgreSQL's CPU per request and the machine's busy share. */
export function phaseCost() {
  const pg0 = postgresCpuMs();
  const m0 = machineCpu();
  return (requests) => {
    const m1 = machineCpu();
    return { postgresCpuMsPerRequest: +((postgresCpuMs() - pg0) / requests).toFixed(3), machineBusyPercent: +((100 * (m1.busy - m0.busy)) / (m1.total - m0.total)).toFixed(1) };
  };
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let i = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (i < items.length) {
        const k = i++;
        results[k] = await fn(items[k], k);
      }
    }),
  );
  return results;
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
