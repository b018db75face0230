import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort, sleep } from '@twofold/testing';

const run = promisify(execFile);

interface ClusterNodeProcess {
  port: number;
  proc: ChildProcess;
  exited: Promise<void>;
}

/** One line of CLUSTER NODES: who is a primary, who replicates whom, which slots it serves. */
export interface ClusterNodeInfo {
  id: string;
  port: number;
  role: 'master' | 'slave';
  masterId: string | null;
  failed: boolean;
  slots: [number, number][];
}

/**
 * A Redis Cluster of `masters` primaries with one replica each, from the installed `redis-server`
 * on free ports under a temporary directory (no persistence, no Docker). `stop()` kills every
 * node and removes the directory; call it in afterAll whatever happened.
 */
export class RedisClusterHarness {
  private readonly nodes: ClusterNodeProcess[] = [];
  private constructor(readonly dir: string) {}

  /** `cluster-node-timeout` decides how soon a dead primary is failed over (default 15 s in Redis; short here). */
  static async start(opts: { masters?: number; nodeTimeoutMs?: number } = {}): Promise<RedisClusterHarness> {
    const masters = opts.masters ?? 3;
    const harness = new RedisClusterHarness(mkdtempSync(join(tmpdir(), 'twofold-redis-cluster-')));
    try {
      for (let i = 0; i < masters * 2; i++) harness.nodes.push(harness.spawnNode(await freePort(), opts.nodeTimeoutMs ?? 1000));
      for (const n of harness.nodes) await harness.waitForPing(n.port);
      await run('redis-cli', ['--cluster', 'create', ...harness.nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '1', '--cluster-yes'], {
        timeout: 30000,
      });
      await harness.waitUntilHealthy(30000);
      return harness;
    } catch (err) {
      await harness.stop();
      throw err;
    }
  }

  private spawnNode(port: number, nodeTimeoutMs: number): ClusterNodeProcess {
    const args = [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--cluster-enabled', 'yes',
      '--cluster-config-file', join(this.dir, `nodes-${port}.conf`),
      '--cluster-node-timeout', String(nodeTimeoutMs),
      '--dir', this.dir,
      '--dbfilename', `dump-${port}.rdb`,
      '--save', '',
      '--appendonly', 'no',
      '--logfile', join(this.dir, `redis-${port}.log`),
    ];
    const proc = spawn('redis-server', args, { stdio: 'ignore' });
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    return { port, proc, exited };
  }

  private client(port: number): Redis {
    return new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  }

  /** Runs one command on one node (a plain connection, not the cluster client). */
  async on<T = string>(port: number, ...args: (string | number)[]): Promise<T> {
    const c = this.client(port);
    c.on('error', () => undefined);
    try {
      await c.connect();
      return (await c.call(String(args[0]), ...args.slice(1).map(String))) as T;
    } finally {
      c.disconnect();
    }
  }

  private async waitForPing(port: number): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if ((await this.on(port, 'PING').catch(() => '')) === 'PONG') return;
      await sleep(25);
    }
    throw new Error(`redis-server on ${port} did not start (see ${this.dir}/redis-${port}.log)`);
  }

  /** `host:port,...` of every node, for REDIS_CLUSTER_NODES. */
  get nodesEnv(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  get alivePorts(): number[] {
    return this.nodes.filter((n) => n.proc.exitCode === null && n.proc.signalCode === null).map((n) => n.port);
  }

  /** CLUSTER NODES as seen by a live node. */
  async topology(): Promise<ClusterNodeInfo[]> {
    let lastError: unknown;
    for (const port of this.alivePorts) {
      try {
        const text = await this.on(port, 'CLUSTER', 'NODES');
        return text
          .trim()
          .split('\n')
          .map((line) => {
            const [id, address, flags, master, , , , , ...slots] = line.split(' ');
            return {
              id,
              port: Number(/:(\d+)@/.exec(address)?.[1]),
              role: flags.includes('master') ? 'master' : 'slave',
              masterId: master === '-' ? null : master,
              failed: /fail/.test(flags),
              slots: slots.filter((s) => /^\d/.test(s)).map((s) => (s.includes('-') ? (s.split('-').map(Number) as [number, number]) : [Number(s), Number(s)])),
            };
          });
      } catch (err) {
        lastError = err;
      }
    }
    throw new Error(`no live node answered CLUSTER NODES: ${String(lastError)}`);
  }

  /** The live primary serving the slot of `key` (a queue prefix hashes by its tag) and its live replica. */
  async ownerOf(key: string): Promise<{ slot: number; master: number; replica: number | null }> {
    const slot = Number(await this.on(this.alivePorts[0], 'CLUSTER', 'KEYSLOT', key));
    const nodes = await this.topology();
    const master = nodes.find((n) => n.role === 'master' && !n.failed && n.slots.some(([a, b]) => slot >= a && slot <= b));
    if (!master) throw new Error(`no primary serves slot ${slot}`);
    const replica = nodes.find((n) => n.masterId === master.id && !n.failed && this.alivePorts.includes(n.port));
    return { slot, master: master.port, replica: replica?.port ?? null };
  }

  /** cluster_state:ok on every live node, and every slot served by a live primary. */
  async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ok = await Promise.all(
        this.alivePorts.map(async (p) => /cluster_state:ok/.test(await this.on(p, 'CLUSTER', 'INFO').catch(() => ''))),
      ).then((all) => all.every(Boolean));
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`cluster not healthy within ${timeoutMs} ms (logs in ${this.dir})`);
      await sleep(50);
    }
  }

  /** A manual failover: the replica takes over once it has caught up with its primary (no write lost). */
  async failover(replicaPort: number): Promise<void> {
    await this.on(replicaPort, 'CLUSTER', 'FAILOVER');
  }

  /** SIGKILL: the primary's replica is elected after `cluster-node-timeout` (writes not yet replicated are lost). */
  async kill(port: number): Promise<void> {
    const node = this.nodes.find((n) => n.port === port);
    if (!node || node.proc.exitCode !== null || node.proc.signalCode !== null) return;
    node.proc.kill('SIGKILL');
    await node.exited;
  }

  /** Polls until `port` reports itself a primary. */
  async waitUntilMaster(port: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!/role:master/.test(await this.on(port, 'INFO', 'replication').catch(() => ''))) {
      if (Date.now() > deadline) throw new Error(`node ${port} did not become a primary within ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.nodes.map(async (n) => {
        if (n.proc.exitCode === null && n.proc.signalCode === null) n.proc.kill('SIGKILL');
        await n.exited;
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}
