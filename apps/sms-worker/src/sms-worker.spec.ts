import { limiterFor } from './sms-worker';

describe('limiterFor', () => {
  it.each([[100], [20], [25], [7], [1], [3000]])('keeps %d SMS/s on average, in windows of about 100 ms from 10 SMS/s up', (rate) => {
    const { max, duration } = limiterFor(rate);
    expect(max).toBeGreaterThanOrEqual(1);
    expect(duration).toBeLessThanOrEqual(1000);
    expect((max * 1000) / duration).toBeCloseTo(rate, -Math.log10(rate) + 1);
    if (rate >= 10) expect(duration).toBeLessThanOrEqual(125);
  });

  it('uses 100 ms windows for the default 100 SMS/s', () => {
    expect(limiterFor(100)).toEqual({ max: 10, duration: 100 });
  });
});
