import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The repository root, where built bundles live under dist/. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Below the kernel's ephemeral range (outgoing sockets take their local ports from it). */
function listenerRange(): [number, number] {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low) && low > 12000) return [10000, low - 1];
  } catch {
    // not Linux: the usual default below 32768
  }
  return [20000, 32767];
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolveBindable) => {
    const srv = createServer();
    srv.once('error', () => resolveBindable(false));
    // 0.0.0.0, as the API and the workers' health servers bind: free there is free on 127.0.0.1 too.
    srv.listen(port, '0.0.0.0', () => srv.close(() => resolveBindable(true)));
  });
}

/**
 * A TCP port free at the time of asking, for a child process to listen on. Not one the kernel
 * hands out (port 0): those come from the ephemeral range, where any outgoing connection of the
 * machine (to PostgreSQL, Redis, a provider) may take it as its local port before the child binds
 * it (EADDRINUSE). A random port below that range is held only by other listeners.
 */
export async function freePort(): Promise<number> {
  const [from, to] = listenerRange();
  for (let i = 0; i < 50; i++) {
    const port = from + Math.floor(Math.random() * (to - from + 1));
    if (await bindable(port)) return port;
  }
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

export interface NodeProcess {
  name: string;
  proc: ChildProcess;
  /** Every stdout and stderr line, as the process wrote it. */
  lines: string[];
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns a built bundle with only the given environment (plus PATH); keeps its output lines. */
export function spawnNode(name: string, main: string, env: Record<string, string>): NodeProcess {
  const proc = spawn(process.execPath, [main], {
    cwd: WORKSPACE_ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = () => {
    let buffer = '';
    return (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\n')) >= 0) {
        lines.push(buffer.slice(0, i));
        buffer = buffer.slice(i + 1);
      }
    };
  };
  proc.stdout?.on('data', collect());
  proc.stderr?.on('data', collect());
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    name,
    proc,
    lines,
    exited,
    async stop(graceMs = 5000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls until `check` is true; fails with the watched processes' last lines when one exits or time runs out. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, watch: NodeProcess[] = []): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const p of watch) {
      if (p.proc.exitCode !== null) throw new Error(`${p.name} exited (${p.proc.exitCode}) while waiting for ${what}:\n${p.lines.slice(-15).join('\n')}`);
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      const tail = watch.map((p) => `--- ${p.name}\n${p.lines.slice(-10).join('\n')}`).join('\n');
      throw new Error(`${what}: not within ${timeoutMs} ms\n${tail}`);
    }
    await sleep(50);
  }
}
