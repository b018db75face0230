import { BackgroundQueue } from './background-queue.util';

describe('BackgroundQueue', () => {
  it('runs items one at a time, after the caller goes on, and reports failures without stopping', async () => {
    const order: string[] = [];
    const errors: unknown[] = [];
    let inFlight = 0;
    const q = new BackgroundQueue<number>(10, async (n) => {
      inFlight++;
      expect(inFlight).toBe(1);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      if (n === 2) throw new Error('boom');
      order.push(`done ${n}`);
    }, (err) => errors.push(err));
    expect(q.push(1)).toBe(true);
    expect(q.push(2)).toBe(true);
    expect(q.push(3)).toBe(true);
    order.push('answered');
    await q.idle();
    expect(order).toEqual(['answered', 'done 1', 'done 3']);
    expect(errors).toHaveLength(1);
  });

  it('drops what exceeds its capacity', async () => {
    const seen: number[] = [];
    const q = new BackgroundQueue<number>(2, async (n) => void seen.push(n), () => undefined);
    expect([q.push(1), q.push(2), q.push(3)]).toEqual([true, true, false]);
    await q.idle();
    expect(seen).toEqual([1, 2]);
    expect(q.push(4)).toBe(true);
    await q.idle();
    expect(seen).toEqual([1, 2, 4]);
  });
});
