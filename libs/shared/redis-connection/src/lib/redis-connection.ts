import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { hashTagOf, type AppConfig } from '@twofold/config';

/**
 * The one place that builds a Redis connection: one Redis at REDIS_URL, or an ioredis `Cluster`
 * seeded from REDIS_CLUSTER_NODES (user, password and TLS from REDIS_URL). Every process (the
 * API's producer and relay, Bull Board, the SMS worker) asks here, with its role's options.
 */
export type RedisConnection = Redis | Cluster;

/**
 * - `worker`: a BullMQ worker (and its queue handle): commands wait while Redis is away
 *   (`maxRetriesPerRequest: null`, which BullMQ requires for blocking connections), reconnect forever.
 * - `producer`: the API's outbox hand-off: fails fast (no offline queue, one retry); the relay
 *   re-enqueues from PostgreSQL whatever did not get through.
 * - `board`: the read-only Bull Board view.
 */
export type RedisRole = 'worker' | 'producer' | 'board';

export type RedisConnectionConfig = Pick<AppConfig, 'redisUrl' | 'redisClusterNodes' | 'queuePrefix'>;

/** Worker reconnect backoff: 200 ms doubling to a 3 s ceiling, forever. */
export const workerBackoff = (times: number): number => Math.min(100 * 2 ** Math.min(times, 6), 3000);

/** The options of one (non-cluster) Redis for a role, exactly as each process used them before. */
export function redisOptionsFor(role: RedisRole): RedisOptions {
  switch (role) {
    case 'worker':
      return {
        maxRetriesPerRequest: null,
        enableReadyCheck: true,
        retryStrategy: workerBackoff,
        // A primary demoted to replica answers READONLY; a restarted one LOADING: reconnect and carry on.
        reconnectOnError: (err) => /READONLY|LOADING/.test(err.message),
      };
    case 'producer':
      return { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false };
    case 'board':
      return { maxRetriesPerRequest: null };
  }
}

/** User, password and TLS of REDIS_URL, applied to every node of a cluster. */
function credentialsOf(redisUrl: string): Pick<RedisOptions, 'username' | 'password' | 'tls'> {
  const url = new URL(redisUrl);
  return {
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * Cluster options for a role. A node's own connection never reconnects (ioredis forces
 * `retryStrategy: null` on nodes): the cluster client refreshes its slot map on errors and
 * follows MOVED after a failover, so only the per-command and whole-cluster settings differ.
 */
export function clusterOptionsFor(role: RedisRole, redisUrl: string): ClusterOptions {
  const credentials = credentialsOf(redisUrl);
  const tls = credentials.tls !== undefined;
  const common: ClusterOptions = {
    enableReadyCheck: true,
    // TLS managed clusters (ElastiCache, Valkey) announce host names that must be kept for the certificate check.
    ...(tls ? { dnsLookup: (address: string, callback: (err: null, address: string) => void) => callback(null, address) } : {}),
  };
  switch (role) {
    case 'worker':
      return { ...common, clusterRetryStrategy: workerBackoff, redisOptions: { ...credentials, maxRetriesPerRequest: null } };
    case 'producer':
      return { ...common, enableOfflineQueue: false, redisOptions: { ...credentials, maxRetriesPerRequest: 1 } };
    case 'board':
      return { ...common, redisOptions: { ...credentials, maxRetriesPerRequest: null } };
  }
}

/**
 * A connection for `role`. In cluster mode the BullMQ prefix must carry a hash tag (loadConfig
 * checks it at boot; checked again here for callers that build their config by hand).
 */
export function createRedisConnection(config: RedisConnectionConfig, role: RedisRole): RedisConnection {
  if (config.redisClusterNodes.length === 0) return new Redis(config.redisUrl, redisOptionsFor(role));
  if (!hashTagOf(config.queuePrefix)) {
    throw new Error(`SMS_QUEUE_PREFIX "${config.queuePrefix}" has no Redis Cluster hash tag ({twofold}): BullMQ cannot run on a cluster with it`);
  }
  return new Cluster(
    config.redisClusterNodes.map((n) => ({ host: n.host, port: n.port })),
    clusterOptionsFor(role, config.redisUrl),
  );
}

export function isCluster(connection: RedisConnection): connection is Cluster {
  return connection instanceof Cluster;
}

/** Where a process connects, for logs: never the password. */
export function describeRedis(config: Pick<AppConfig, 'redisUrl' | 'redisClusterNodes'>): string {
  const url = new URL(config.redisUrl);
  const auth = url.username || url.password ? `${url.username ? decodeURIComponent(url.username) : ''}:***@` : '';
  if (config.redisClusterNodes.length === 0) return `${url.protocol}//${auth}${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  const nodes = config.redisClusterNodes.map((n) => (n.host.includes(':') ? `[${n.host}]:${n.port}` : `${n.host}:${n.port}`));
  return `cluster ${url.protocol}//${auth}${nodes.join(',')}`;
}

export interface RedisEventLog {
  warn(message: string, fields: Record<string, unknown>): void;
  info(message: string, fields: Record<string, unknown>): void;
}

/**
 * Logs the first error of an outage and the recovery, not every reconnect attempt. On a cluster
 * the client stays `ready` while a node fails (a primary gone, until its replica takes over): a
 * node's errors come as `node error`, logged at most once per node every 10 s.
 */
export function logRedisOutages(connection: RedisConnection, log: RedisEventLog): void {
  let down = false;
  connection.on('error', (err: Error) => {
    if (!down) log.warn('redis connection error; reconnecting', { error: err.message });
    down = true;
  });
  connection.on('ready', () => {
    if (down) log.info('redis connection back', {});
    down = false;
  });
  if (!isCluster(connection)) return;
  const lastLogged = new Map<string, number>();
  connection.on('node error', (err: Error, node: string) => {
    const now = Date.now();
    if (now - (lastLogged.get(node) ?? 0) < 10_000) return;
    lastLogged.set(node, now);
    log.warn('redis cluster node error; the client follows the cluster to its new primary', { node, error: err.message });
  });
}
