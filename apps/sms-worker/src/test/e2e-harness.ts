import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import IORedis from 'ioredis';
import { freePort, sleep } from '@twofold/testing';

export const WORKSPACE = resolve(__dirname, '../../../..');
export const WORKER_MAIN = join(WORKSPACE, 'dist/apps/sms-worker/apps/sms-worker/src/main.js');
export const API_MAIN = join(WORKSPACE, 'dist/apps/api/apps/api/src/main.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.name.endsWith('.ts') && !/spec\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds an app when its dist is missing or older than its sources (the nx e2e target builds first anyway). */
function ensureBuilt(project: string, srcDir: string, main: string): void {
  const sources = Math.max(newestMtime(join(WORKSPACE, srcDir)), newestMtime(join(WORKSPACE, 'libs')));
  if (existsSync(main) && statSync(main).mtimeMs >= sources) return;
  const r = spawnSync('npx', ['nx', 'run', `${project}:build`, '--skip-nx-cache'], {
    cwd: WORKSPACE,
    stdio: 'pipe',
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${project} build failed:\n${r.stdout}\n${r.stderr}`);
}

export function ensureWorkerBuilt(): void {
  ensureBuilt('sms-worker', 'apps/sms-worker/src', WORKER_MAIN);
}

export function ensureApiBuilt(): void {
  ensureBuilt('api', 'apps/api/src', API_MAIN);
}

export { freePort };

/**
 * A private redis-server without persistence for tests that stop and restart Redis: the
 * shared 6379 instance is never touched. A restart loses every key, as a crashed cache would.
 */
export class PrivateRedis {
  private proc: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.proc = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', '/tmp'],
      { stdio: 'ignore' },
    );
    const client = new IORedis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    for (let i = 0; i < 100; i++) {
      try {
        await client.connect();
        await client.ping();
        client.disconnect();
        return;
      } catch {
        client.disconnect();
        await sleep(50);
      }
    }
    throw new Error(`redis-server on ${this.port} did not start`);
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
    this.proc = null;
  }
}

export interface WorkerProcess {
  proc: ChildProcess;
  lines: string[];
  /** Resolves with the first JSON log line matching. */
  waitForLog(
    predicate: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/** Spawns the built worker with only the given environment (plus PATH). */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  return spawnNode(WORKER_MAIN, env);
}

/** Spawns a built node main with only the given environment (plus PATH), collecting its output lines. */
export function spawnNode(main: string, env: Record<string, string>): WorkerProcess {
  const proc = spawn(process.execPath, [main], {
    cwd: WORKSPACE,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let buffer = '';
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      lines.push(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
    }
    listeners.forEach((l) => l());
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc,
    lines,
    exited,
    waitForLog(predicate, timeoutMs = 15000) {
      return new Promise((resolveLog, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < lines.length; seen++) {
            try {
              const parsed = JSON.parse(lines[seen]) as Record<string, unknown>;
              if (predicate(parsed)) {
                cleanup();
                resolveLog(parsed);
                return;
              }
            } catch {
              // not JSON
            }
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`worker log line not seen within ${timeoutMs} ms; last lines:\n${lines.slice(-10).join('\n')}`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
}
