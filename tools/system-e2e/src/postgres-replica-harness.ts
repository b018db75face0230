import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { freePort, sleep, WORKSPACE } from './system';

/**
 * A PostgreSQL primary, a streaming replica made with `pg_basebackup -R`, and Debian's PgBouncer
 * (1.18) in transaction mode in front of the primary, all from the installed binaries on free
 * ports in one temp dir (no Docker). PostgreSQL and PgBouncer refuse to run as root: as root they
 * run as the `postgres` OS user (setpriv), which owns the temp dir. `stop()` ends whatever started
 * and removes the dir, also after a setup that failed half way.
 */
export interface ReplicaSetup {
  /** Straight to the primary (migrations, the test's checks). */
  primaryUrl: string;
  /** The primary through PgBouncer (transaction mode): the processes' DATABASE_URL. */
  bouncerUrl: string;
  /** The hot standby: the processes' DATABASE_REPLICA_URL. */
  replicaUrl: string;
  /** PgBouncer's admin console (SHOW POOLS, SHOW STATS). */
  bouncerAdminUrl: string;
  pgbouncerVersion: string;
}

const DATABASE = 'twofold';

function pgBin(): string {
  const configured = process.env['PG_BIN'];
  if (configured) return configured;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_basebackup'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`no PostgreSQL server binaries under ${root} (set PG_BIN to the directory holding initdb, pg_ctl, pg_basebackup)`);
  return join(root, versions[0], 'bin');
}

function pgbouncerPath(): string {
  for (const p of ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer']) if (existsSync(p)) return p;
  // The project's own installer (as .ci/run calls it): apt-get, as root, when available.
  const installer = join(WORKSPACE, 'tools/scripts/ensure-pgbouncer.sh');
  const r = spawnSync('bash', [installer], { encoding: 'utf8', timeout: 240_000 });
  for (const p of ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer']) if (existsSync(p)) return p;
  throw new Error(
    `pgbouncer is not installed and ${installer} could not install it (${(r.stderr || r.stdout || '').trim() || `exit ${r.status}`}). ` +
      'Install Debian\'s pgbouncer (apt-get install -y pgbouncer) or run `bash .ci/run`, which installs it.',
  );
}

export class PostgresReplicaHarness {
  private readonly dir = mkdtempSync(join(tmpdir(), 'twofold-replica-'));
  private readonly bin = pgBin();
  private readonly asRoot = process.getuid?.() === 0;
  private readonly started: string[] = [];
  private bouncer: ChildProcess | null = null;
  private bouncerExit: Promise<void> | null = null;
  readonly primaryDir = join(this.dir, 'primary');
  readonly replicaDir = join(this.dir, 'replica');

  /** Runs a command as the postgres OS user when this process is root (they refuse root), else as is. */
  private argv(cmd: string, args: string[]): [string, string[]] {
    if (!this.asRoot) return [cmd, args];
    return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--reset-env', cmd, ...args]];
  }

  private run(cmd: string, args: string[], what: string, logFile?: string): void {
    const [c, a] = this.argv(cmd, args);
    const r = spawnSync(c, a, { encoding: 'utf8', cwd: this.dir, timeout: 120_000 });
    if (r.status !== 0) {
      const log = logFile && existsSync(logFile) ? `\n--- ${logFile}\n${readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')}` : '';
      throw new Error(`${what} failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout || '').trim()}${log}`);
    }
  }

  async start(): Promise<ReplicaSetup> {
    const bouncerBin = pgbouncerPath();
    const pgbouncerVersion = execFileSync(bouncerBin, ['--version'], { encoding: 'utf8' }).split('\n')[0].trim();
    if (this.asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(this.dir, uid, gid);
    }
    const [primaryPort, replicaPort, bouncerPort] = [await freePort(), await freePort(), await freePort()];

    // The primary: WAL for a streaming replica, trust on 127.0.0.1 (initdb's default pg_hba has
    // `host replication all 127.0.0.1/32` with the --auth method), a replication role.
    this.run(join(this.bin, 'initdb'), ['-D', this.primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], 'initdb');
    appendFileSync(
      join(this.primaryDir, 'postgresql.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `port = ${primaryPort}`,
        `unix_socket_directories = '${this.dir}'`,
        `wal_level = replica`,
        `max_wal_senders = 4`,
        `hot_standby = on`,
        `max_connections = 150`,
        `fsync = off`,
        `full_page_writes = off`,
        '',
      ].join('\n'),
    );
    await this.pgCtlStart(this.primaryDir, 'primary');
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/${DATABASE}`;
    await withClient(`postgres://postgres@127.0.0.1:${primaryPort}/postgres`, async (c) => {
      await c.query(`CREATE ROLE replicator WITH REPLICATION LOGIN`);
      await c.query(`CREATE DATABASE ${DATABASE}`);
    });

    // The replica: a base backup with -R (standby.signal and primary_conninfo), on its own port.
    this.run(
      join(this.bin, 'pg_basebackup'),
      ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'replicator', '-D', this.replicaDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
      'pg_basebackup',
    );
    appendFileSync(join(this.replicaDir, 'postgresql.conf'), `port = ${replicaPort}\nhot_standby = on\n`);
    await this.pgCtlStart(this.replicaDir, 'replica');
    const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/${DATABASE}`;

    // The schema goes in on the primary after the backup: the replica gets it by streaming.
    const ds = new DataSource(dataSourceOptions(primaryUrl, { poolSize: 1, applicationName: 'twofold-e2e-migrate' }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    await this.waitForReplay(primaryUrl, replicaUrl);

    // PgBouncer in transaction mode in front of the primary; its files written here.
    const ini = join(this.dir, 'pgbouncer.ini');
    writeFileSync(join(this.dir, 'userlist.txt'), `"postgres" ""\n`, { mode: 0o644 });
    writeFileSync(
      ini,
      [
        '[databases]',
        `* = host=127.0.0.1 port=${primaryPort}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${bouncerPort}`,
        `unix_socket_dir =`,
        'auth_type = trust',
        `auth_file = ${join(this.dir, 'userlist.txt')}`,
        'pool_mode = transaction',
        'max_client_conn = 400',
        'default_pool_size = 40',
        'admin_users = postgres',
        `logfile = ${join(this.dir, 'pgbouncer.log')}`,
        `pidfile = ${join(this.dir, 'pgbouncer.pid')}`,
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    const [c, a] = this.argv(bouncerBin, [ini]);
    const bouncer = spawn(c, a, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.bouncer = bouncer;
    this.bouncerExit = new Promise((r) => bouncer.once('exit', () => r()));
    let stderr = '';
    bouncer.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const bouncerUrl = `postgres://postgres@127.0.0.1:${bouncerPort}/${DATABASE}`;
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (bouncer.exitCode !== null) throw new Error(`pgbouncer exited (${bouncer.exitCode}): ${stderr}${this.tail('pgbouncer.log')}`);
      if (await withClient(bouncerUrl, (cl) => cl.query('SELECT 1')).then(() => true, () => false)) break;
      if (Date.now() > deadline) throw new Error(`pgbouncer did not answer on ${bouncerPort}: ${stderr}${this.tail('pgbouncer.log')}`);
      await sleep(100);
    }
    return { primaryUrl, bouncerUrl, replicaUrl, bouncerAdminUrl: `postgres://postgres@127.0.0.1:${bouncerPort}/pgbouncer`, pgbouncerVersion };
  }

  private async pgCtlStart(dataDir: string, name: string): Promise<void> {
    const log = join(this.dir, `${name}.log`);
    this.run(join(this.bin, 'pg_ctl'), ['-D', dataDir, '-l', log, '-w', '-t', '60', 'start'], `pg_ctl start (${name})`, log);
    this.started.push(dataDir);
  }

  /** Until the replica has replayed everything the primary has written so far. */
  async waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs = 20_000): Promise<void> {
    const lsn = await withClient(primaryUrl, async (c) => (await c.query(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows[0].lsn as string);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const caughtUp = await withClient(replicaUrl, async (c) => (await c.query(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [lsn])).rows[0].ok === true).catch(() => false);
      if (caughtUp) return;
      if (Date.now() > deadline) throw new Error(`the replica did not replay up to ${lsn} within ${timeoutMs} ms${this.tail('replica.log')}`);
      await sleep(50);
    }
  }

  private tail(file: string): string {
    const path = join(this.dir, file);
    return existsSync(path) ? `\n--- ${file}\n${readFileSync(path, 'utf8').split('\n').slice(-20).join('\n')}` : '';
  }

  /** Ends PgBouncer, the replica and the primary (whichever started), then removes the temp dir. */
  async stop(): Promise<void> {
    const bouncer = this.bouncer;
    if (bouncer && bouncer.exitCode === null && bouncer.signalCode === null) {
      bouncer.kill('SIGINT'); // PgBouncer: SIGINT is a safe shutdown; SIGTERM an immediate one.
      const timer = setTimeout(() => bouncer.kill('SIGKILL'), 3000);
      await this.bouncerExit;
      clearTimeout(timer);
    }
    for (const dataDir of this.started.reverse()) {
      try {
        this.run(join(this.bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop'], 'pg_ctl stop');
      } catch {
        // The postmaster's pid from its pid file, as a last resort.
        const pidFile = join(dataDir, 'postmaster.pid');
        const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
        if (pid > 0) {
          try {
            process.kill(pid, 'SIGQUIT');
          } catch {
            // already gone
          }
        }
      }
    }
    this.started.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
