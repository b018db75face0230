import { EventEmitter } from 'node:events';
import { Cluster, Redis } from 'ioredis';
import {
  clusterOptionsFor,
  createRedisConnection,
  describeRedis,
  isCluster,
  logRedisOutages,
  redisOptionsFor,
  type RedisConnection,
} from './redis-connection';

const single = { redisUrl: 'redis://127.0.0.1:6379', redisClusterNodes: [], queuePrefix: '{twofold}' };
const cluster = {
  redisUrl: 'rediss://app:p%40ss-word@ignored:6379',
  redisClusterNodes: [
    { host: '10.0.0.1', port: 7000 },
    { host: '::1', port: 7001 },
  ],
  queuePrefix: '{twofold}',
};

describe('createRedisConnection', () => {
  // Nothing listens on port 1: each client is closed in the tick that built it, before it tries to connect.
  it('builds one Redis at REDIS_URL when no cluster node is set', () => {
    const c = createRedisConnection({ ...single, redisUrl: 'redis://127.0.0.1:1' }, 'board');
    c.disconnect();
    expect(c).toBeInstanceOf(Redis);
    expect(isCluster(c)).toBe(false);
  });

  it('builds a Cluster seeded with REDIS_CLUSTER_NODES, credentials and TLS from REDIS_URL', () => {
    const c = createRedisConnection({ ...cluster, redisClusterNodes: [{ host: '127.0.0.1', port: 1 }] }, 'worker');
    c.disconnect();
    expect(c).toBeInstanceOf(Cluster);
    expect(isCluster(c)).toBe(true);
    const opts = (c as Cluster).options;
    expect(opts.redisOptions).toMatchObject({ username: 'app', password: 'p@ss-word', tls: {}, maxRetriesPerRequest: null });
  });

  it('refuses a cluster with a prefix that has no hash tag (BullMQ would hit CROSSSLOT)', () => {
    expect(() => createRedisConnection({ ...cluster, queuePrefix: 'twofold' }, 'worker')).toThrow(/hash tag/);
  });
});

describe('the options of each role', () => {
  it('worker: no per-command limit, reconnect forever with a capped backoff, READONLY/LOADING reconnect', () => {
    const o = redisOptionsFor('worker');
    expect(o.maxRetriesPerRequest).toBeNull();
    expect(o.retryStrategy!(1)).toBe(200);
    expect(o.retryStrategy!(100)).toBe(3000);
    expect(o.reconnectOnError!(new Error('READONLY You can\'t write against a read only replica.'))).toBe(true);
    expect(o.reconnectOnError!(new Error('ERR other'))).toBe(false);
    const c = clusterOptionsFor('worker', single.redisUrl);
    expect(c.redisOptions?.maxRetriesPerRequest).toBeNull();
    expect(c.clusterRetryStrategy!(100, new Error('x'))).toBe(3000);
    expect(c.enableOfflineQueue).toBeUndefined(); // commands wait for the cluster (ioredis default)
  });

  it('producer: fails fast (no offline queue, one retry) on one Redis and on a cluster', () => {
    expect(redisOptionsFor('producer')).toEqual({ enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    const c = clusterOptionsFor('producer', single.redisUrl);
    expect(c.enableOfflineQueue).toBe(false);
    expect(c.redisOptions?.maxRetriesPerRequest).toBe(1);
  });

  it('board: no per-command limit', () => {
    expect(redisOptionsFor('board')).toEqual({ maxRetriesPerRequest: null });
    expect(clusterOptionsFor('board', single.redisUrl).redisOptions?.maxRetriesPerRequest).toBeNull();
  });

  it('keeps announced host names as they are on TLS clusters (certificate check), resolves them otherwise', () => {
    const lookups: string[] = [];
    clusterOptionsFor('worker', cluster.redisUrl).dnsLookup!('node-1.cache.example', (_err, address) => lookups.push(address));
    expect(lookups).toEqual(['node-1.cache.example']);
    expect(clusterOptionsFor('worker', 'redis://127.0.0.1:6379').dnsLookup).toBeUndefined();
    expect(clusterOptionsFor('worker', 'redis://127.0.0.1:6379').redisOptions).not.toHaveProperty('password');
  });
});

describe('describeRedis', () => {
  it('never shows the password', () => {
    expect(describeRedis(single)).toBe('redis://127.0.0.1:6379');
    expect(describeRedis({ redisUrl: 'redis://:secret@10.0.0.9:6390/2', redisClusterNodes: [] })).toBe('redis://:***@10.0.0.9:6390/2');
    const text = describeRedis(cluster);
    expect(text).toBe('cluster rediss://app:***@10.0.0.1:7000,[::1]:7001');
    expect(text).not.toContain('p%40ss');
  });
});

describe('logRedisOutages', () => {
  it('logs the first error of an outage and the recovery, once each', () => {
    const conn = new EventEmitter() as unknown as RedisConnection;
    const lines: string[] = [];
    logRedisOutages(conn, { warn: (m) => lines.push(`warn ${m}`), info: (m) => lines.push(`info ${m}`) });
    conn.emit('error', new Error('ECONNREFUSED'));
    conn.emit('error', new Error('ECONNREFUSED'));
    conn.emit('ready');
    conn.emit('ready');
    expect(lines).toEqual(['warn redis connection error; reconnecting', 'info redis connection back']);
  });
});
