import { trustedDeviceStore } from './trusted-device-store';

describe('trustedDeviceStore', () => {
  beforeEach(() => window.localStorage.clear());

  it('keeps one token per account email, compared trimmed and case-insensitively', () => {
    trustedDeviceStore.set('Ada@Example.com ', 'token-ada');
    trustedDeviceStore.set('grace@example.com', 'token-grace');
    expect(trustedDeviceStore.get('ada@example.com')).toBe('token-ada');
    expect(trustedDeviceStore.get(' ADA@EXAMPLE.COM')).toBe('token-ada');
    expect(trustedDeviceStore.get('grace@example.com')).toBe('token-grace');
    expect(trustedDeviceStore.get('someone@example.com')).toBeNull();
    expect(trustedDeviceStore.get('  ')).toBeNull();
  });

  it('forgets the token of one email only', () => {
    trustedDeviceStore.set('ada@example.com', 'token-ada');
    trustedDeviceStore.set('grace@example.com', 'token-grace');
    trustedDeviceStore.forget('ADA@example.com');
    expect(trustedDeviceStore.get('ada@example.com')).toBeNull();
    expect(trustedDeviceStore.get('grace@example.com')).toBe('token-grace');
  });
});
