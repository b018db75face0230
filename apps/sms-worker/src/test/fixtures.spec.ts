import { findSecret } from './fixtures';

describe('findSecret (the leak scan of the e2e tests)', () => {
  const m = { code: '638820', to: '+447700900123' };

  it('finds a code or a number written as its own token', () => {
    expect(findSecret('{"body":"Twofold security code: 638820. Valid 5 minutes."}', m)).toMatch(/^638820 at/);
    expect(findSecret('@localhost #638820', m)).toMatch(/^638820 at/);
    expect(findSecret('to=447700900123&x', m)).toMatch(/^447700900123 at/);
  });

  it('ignores the same digits inside a hex id, a longer number or base64', () => {
    expect(findSecret('"providerMessageId":"SMa638820c0a08d17327ed14aa554dd2b9"', m)).toBeNull();
    expect(findSecret('1764638820123', m)).toBeNull();
    expect(findSecret('v1.Zx638820Qa', m)).toBeNull();
  });
});
