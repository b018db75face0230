import { ConfigError, loadConfig } from './config';
import { hashTagOf, parseRedisClusterNodes } from './redis-cluster';

describe('REDIS_CLUSTER_NODES', () => {
  it('is empty by default: one Redis at REDIS_URL', () => {
    expect(loadConfig({}).redisClusterNodes).toEqual([]);
  });

  it('reads a comma list of host:port (spaces, IPv6 in brackets, port 6379 by default)', () => {
    const c = loadConfig({ REDIS_CLUSTER_NODES: ' 10.0.0.1:7000, redis-b.internal:7001 ,[::1]:7002,redis-c' });
    expect(c.redisClusterNodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b.internal', port: 7001 },
      { host: '::1', port: 7002 },
      { host: 'redis-c', port: 6379 },
    ]);
  });

  it.each([
    ['10.0.0.1:70000', 'port out of range'],
    ['10.0.0.1:0', 'port out of range'],
    ['10.0.0.1:x', 'comma list of host:port'],
    ['a b:7000', 'comma list of host:port'],
  ])('refuses %s', (value, problem) => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: value })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: value })).toThrow(problem);
  });

  it('refuses URLs with credentials, without echoing the password (credentials belong in REDIS_URL)', () => {
    let message = '';
    try {
      loadConfig({ REDIS_CLUSTER_NODES: 'redis://:s3cret-password@10.0.0.1:7000' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('REDIS_CLUSTER_NODES');
    expect(message).toContain('come from REDIS_URL');
    expect(message).not.toContain('s3cret');
  });

  it('in cluster mode the queue prefix must carry a hash tag, so all of a queue’s keys share one slot', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000' }).queuePrefix).toBe('{twofold}');
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000', SMS_QUEUE_PREFIX: 'eu-{twofold}' }).queuePrefix).toBe('eu-{twofold}');
    for (const prefix of ['twofold', '{}twofold', 'twofold}{', 'tw{ofold']) {
      expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000', SMS_QUEUE_PREFIX: prefix })).toThrow(
        /SMS_QUEUE_PREFIX must contain a Redis Cluster hash tag/,
      );
    }
    // One Redis accepts any prefix, as before.
    expect(loadConfig({ SMS_QUEUE_PREFIX: 'twofold' }).queuePrefix).toBe('twofold');
  });

  it('in cluster mode REDIS_URL gives the credentials and TLS but may not select a database', () => {
    const c = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000', REDIS_URL: 'rediss://app:pw@10.0.0.1:7000/0' });
    expect(c.redisUrl).toBe('rediss://app:pw@10.0.0.1:7000/0');
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000', REDIS_URL: 'redis://10.0.0.1:7000/2' })).toThrow(/REDIS_URL must not select a database/);
    expect(() => loadConfig({ REDIS_URL: 'redis://10.0.0.1:6379/2' })).not.toThrow();
  });
});

describe('hashTagOf', () => {
  it('follows the Redis Cluster rule: the first {…} with something inside', () => {
    expect(hashTagOf('{twofold}')).toBe('twofold');
    expect(hashTagOf('a{b}{c}')).toBe('b');
    expect(hashTagOf('{}{b}')).toBeNull();
    expect(hashTagOf('twofold')).toBeNull();
    expect(hashTagOf('{twofold')).toBeNull();
  });

  it('parseRedisClusterNodes of nothing is no node', () => {
    expect(parseRedisClusterNodes(undefined)).toEqual([]);
    expect(parseRedisClusterNodes(' , ')).toEqual([]);
  });
});
