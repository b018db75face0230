import { blockedFor, blockUntil, ticketExhausted, triesLeftAfterFailure } from './lockout-policy';

const limits = { codeAttempts: 5, failures: 10, windowSeconds: 900, blockSeconds: 900 };
const now = new Date('2026-12-01T12:00:00.000Z');

describe('lockout policy', () => {
  it('counts tries left on a ticket down to 0, never below', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((f) => triesLeftAfterFailure(f, limits))).toEqual([4, 3, 2, 1, 0, 0, 0]);
  });

  it('spends a ticket at the 5th failure', () => {
    expect(ticketExhausted(4, limits)).toBe(false);
    expect(ticketExhausted(5, limits)).toBe(true);
  });

  it('blocks the account for 15 minutes at the 10th failure in the window', () => {
    expect(blockUntil(9, now, limits)).toBeNull();
    expect(blockUntil(10, now, limits)).toEqual(new Date('2026-12-01T12:15:00.000Z'));
  });

  it('answers the seconds left of a block, rounded up, 0 once it has passed', () => {
    expect(blockedFor(null, now)).toBe(0);
    expect(blockedFor(new Date(now.getTime() + 1500), now)).toBe(2);
    expect(blockedFor(new Date(now.getTime() - 1), now)).toBe(0);
  });
});
