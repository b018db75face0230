import { addSeconds, secondsUntil, slidingWindowRetryAfter } from './rate-window';

describe('sliding window limits', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const ago = (s: number) => addSeconds(now, -s);

  it('allows while fewer than the limit are inside the window', () => {
    expect(slidingWindowRetryAfter([], 5, 3600, now)).toBe(0);
    expect(slidingWindowRetryAfter([ago(10), ago(20), ago(30), ago(40)], 5, 3600, now)).toBe(0);
  });

  it('waits until the limit-th newest event leaves the window', () => {
    const events = [ago(10), ago(20), ago(30), ago(40), ago(600)];
    expect(slidingWindowRetryAfter(events, 5, 3600, now)).toBe(3000);
    expect(slidingWindowRetryAfter([...events, ago(700)], 5, 3600, now)).toBe(3000);
  });

  it('ignores events older than the window', () => {
    expect(slidingWindowRetryAfter([ago(10), ago(3600), ago(4000)], 2, 3600, now)).toBe(0);
  });

  it('rounds partial seconds up and never goes negative', () => {
    expect(secondsUntil(new Date(now.getTime() + 1), now)).toBe(1);
    expect(secondsUntil(ago(5), now)).toBe(0);
  });
});
