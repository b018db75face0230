import { conversionCollapsed, destinationPrefix } from './pumping';

describe('SMS-pumping signals', () => {
  it('cuts a destination prefix from E.164', () => {
    expect(destinationPrefix('+447700900123', 6)).toBe('+447700');
    expect(destinationPrefix('+33612345678', 5)).toBe('+33612');
    expect(destinationPrefix('+1201', 8)).toBe('+1201');
  });

  it('calls a collapse only on a large enough sample below the threshold', () => {
    expect(conversionCollapsed({ sent: 19, verified: 0 }, 20, 20)).toBe(false);
    expect(conversionCollapsed({ sent: 20, verified: 3 }, 20, 20)).toBe(true);
    expect(conversionCollapsed({ sent: 20, verified: 4 }, 20, 20)).toBe(false);
    expect(conversionCollapsed({ sent: 100, verified: 95 }, 20, 20)).toBe(false);
  });
});
