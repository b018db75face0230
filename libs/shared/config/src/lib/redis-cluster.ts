/**
 * Redis Cluster settings (REDIS_CLUSTER_NODES) and the hash-tag rule for BullMQ's prefix.
 * Parsed here so a wrong value stops the process at boot with one line naming the variable.
 */

/** One seed node of a Redis Cluster; the client discovers the others (CLUSTER SLOTS). */
export interface RedisNode {
  host: string;
  port: number;
}

/**
 * `REDIS_CLUSTER_NODES=host:port,host:port,...` (IPv6 as `[::1]:7000`; the port defaults to 6379).
 * Returns the problem as text instead of throwing, so the caller names the variable.
 */
export function parseRedisClusterNodes(raw: string | undefined): RedisNode[] | { problem: string } {
  const entries = (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const nodes: RedisNode[] = [];
  for (const entry of entries) {
    if (/^[a-z]+:\/\//i.test(entry) || entry.includes('@')) {
      return { problem: `lists host:port pairs only, got "${entry.replace(/\/\/[^@]*@/, '//***@')}" (the user name, password and TLS come from REDIS_URL)` };
    }
    const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s]+))(?::([0-9]+))?$/i.exec(entry);
    if (!match) return { problem: `must be a comma list of host:port, got "${entry}"` };
    const port = match[3] === undefined ? 6379 : Number(match[3]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { problem: `has a port out of range in "${entry}"` };
    nodes.push({ host: match[1] ?? match[2], port });
  }
  return nodes;
}

/**
 * The hash tag Redis Cluster hashes for a key starting with `prefix`: the text between the first
 * `{` and the next `}`, when not empty (the Redis Cluster spec). `null` when the prefix has none, so
 * the whole key would be hashed and a queue's keys would spread over slots (CROSSSLOT in BullMQ).
 */
export function hashTagOf(prefix: string): string | null {
  const open = prefix.indexOf('{');
  if (open < 0) return null;
  const close = prefix.indexOf('}', open + 1);
  if (close < 0 || close === open + 1) return null;
  return prefix.slice(open + 1, close);
}
