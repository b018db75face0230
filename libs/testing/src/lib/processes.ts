import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The repository root, where built bundles live under dist/. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A TCP port free on 127.0.0.1 at the time of asking. */
export async function freePort(): Promise<number> {
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
