import { readFileSync, readdirSync } from 'node:fs';
import { Algorithm } from '@node-rs/argon2';
import { HashPool } from './hash-pool';

const FAST = { algorithm: Algorithm.Argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe('HashPool', () => {
  it('hashes and verifies argon2id on its threads, more jobs than threads queued in order', async () => {
    const pool = new HashPool(2);
    try {
      const hashes = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((p) => pool.hash(`password-${p}`, FAST)));
      for (const h of hashes) expect(h).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
      expect(new Set(hashes).size).toBe(5);
      expect(await Promise.all(hashes.map((h, i) => pool.verify(h, `password-${'abcde'[i]}`)))).toEqual([true, true, true, true, true]);
      expect(await pool.verify(hashes[0]!, 'password-b')).toBe(false);
      await expect(pool.verify('not a hash', 'x')).rejects.toThrow();
      // A failed job does not take its thread down.
      expect(await pool.verify(hashes[1]!, 'password-b')).toBe(true);
    } finally {
      await pool.close();
    }
    await expect(pool.verify('x', 'y')).rejects.toThrow('hash pool closed');
  });

  it('runs its threads at a lower priority than the event loop (Linux)', async () => {
    if (process.platform !== 'linux') return;
    const before = new Set(readdirSync('/proc/self/task'));
    const pool = new HashPool(2, 10);
    try {
      await Promise.all([pool.hash('x', FAST), pool.hash('y', FAST)]);
      const niceOf = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
      const fresh = readdirSync('/proc/self/task').filter((t) => !before.has(t));
      const niced = fresh.filter((t) => niceOf(t) === 10);
      expect(niced.length).toBeGreaterThanOrEqual(2);
      expect(niceOf(String(process.pid))).toBe(0);
    } finally {
      await pool.close();
    }
  });
});
