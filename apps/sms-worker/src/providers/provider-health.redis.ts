import type { HealthBackend, Versioned } from './provider-gate';
import { healthFromHash, type HealthState } from './provider-health';

/**
 * Provider health shared by every worker process, in Redis under the queue prefix (its hash tag
 * keeps the keys on the queue's Cluster slot):
 *
 *   {prefix}:sms-provider:{name}:health   hash v, fails, openUntil, probeUntil, pausedUntil (epoch ms)
 *   {prefix}:sms-provider:{name}:rate     the next free send slot (epoch ms, GCRA), Redis' own clock
 *
 * Each change is one script: compare-and-set on `v` (the state machine itself is provider-health.ts,
 * run by the worker on the value it read), so two workers never both take the half-open probe or
 * both count the same failure. The rate slot is reserved atomically against Redis' TIME, one clock
 * for every host. Keys expire a day after their last write. No number, code or text is stored.
 */
const WRITE = `
local v = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if v ~= tonumber(ARGV[1]) then return {0, redis.call('HGETALL', KEYS[1])} end
redis.call('HSET', KEYS[1], 'v', v + 1, 'fails', ARGV[3], 'openUntil', ARGV[4], 'probeUntil', ARGV[5], 'pausedUntil', ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {1, redis.call('HGETALL', KEYS[1])}
`;

/** ARGV: interval ms, max wait ms. Returns {1, wait} with the slot reserved, or {0, wait}. */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
if slot < now then slot = now end
local wait = slot - now
if wait > tonumber(ARGV[2]) then return {0, math.ceil(wait)} end
redis.call('SET', KEYS[1], string.format('%.3f', slot + interval), 'PX', math.ceil(wait + interval) + 1000)
return {1, math.ceil(wait)}
`;

const KEEP_MS = 24 * 3600 * 1000;

function hashOf(flat: unknown): Record<string, string> {
  const h: Record<string, string> = {};
  const list = Array.isArray(flat) ? (flat as unknown[]) : [];
  for (let i = 0; i + 1 < list.length; i += 2) h[String(list[i])] = String(list[i + 1]);
  return h;
}

function versioned(h: Record<string, string>): Versioned {
  const v = Number(h['v'] ?? 0);
  return { v: Number.isFinite(v) ? v : 0, state: healthFromHash(h) };
}

/** The two commands it needs, of one Redis or a Cluster (ioredis). */
export interface HealthRedis {
  hgetall(key: string): Promise<Record<string, string>>;
  eval(script: string, numKeys: number, ...args: string[]): Promise<unknown>;
}

export class RedisHealthBackend implements HealthBackend {
  constructor(
    private readonly redis: HealthRedis,
    private readonly prefix: string,
  ) {}

  healthKey(provider: string): string {
    return `${this.prefix}:sms-provider:${provider}:health`;
  }

  rateKey(provider: string): string {
    return `${this.prefix}:sms-provider:${provider}:rate`;
  }

  async read(provider: string): Promise<Versioned> {
    return versioned(await this.redis.hgetall(this.healthKey(provider)));
  }

  async write(provider: string, expectedV: number, next: HealthState): Promise<{ ok: boolean; current: Versioned }> {
    const [ok, flat] = (await this.redis.eval(
      WRITE,
      1,
      this.healthKey(provider),
      String(expectedV),
      String(KEEP_MS),
      String(next.fails),
      String(next.openUntil),
      String(next.probeUntil),
      String(next.pausedUntil),
    )) as [number, unknown];
    return { ok: ok === 1, current: versioned(hashOf(flat)) };
  }

  async reserve(provider: string, perSecond: number, maxWaitMs: number): Promise<{ ok: boolean; waitMs: number }> {
    const [ok, wait] = (await this.redis.eval(RESERVE, 1, this.rateKey(provider), String(1000 / perSecond), String(maxWaitMs))) as [number, number];
    return { ok: ok === 1, waitMs: Number(wait) };
  }
}
