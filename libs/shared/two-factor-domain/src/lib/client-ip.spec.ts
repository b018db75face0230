import { ipRateLimitKey } from './client-ip';

describe('ipRateLimitKey', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(ipRateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(ipRateLimitKey(' 198.51.100.1 ')).toBe('198.51.100.1');
  });

  it('unwraps an IPv4-mapped IPv6 address, in any spelling', () => {
    expect(ipRateLimitKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(ipRateLimitKey('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(ipRateLimitKey('0:0:0:0:0:ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('keys an IPv6 address by its /64 network in canonical form', () => {
    expect(ipRateLimitKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(ipRateLimitKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(ipRateLimitKey('2001:0DB8:0001:0002:ABCD:0000:0000:0001')).toBe('2001:db8:1:2::/64');
    expect(ipRateLimitKey('2001:db8::1')).toBe('2001:db8::/64');
    expect(ipRateLimitKey('2001:db8:0:0:1::')).toBe('2001:db8::/64');
    expect(ipRateLimitKey('0:0:0:1::')).toBe('0:0:0:1::/64');
    expect(ipRateLimitKey('::1')).toBe('::/64');
    expect(ipRateLimitKey('::')).toBe('::/64');
  });

  it('puts every address of one /64 under one key, and neighbouring /64s under different keys', () => {
    const a = ipRateLimitKey('2001:db8:aaaa:bbbb:1111:2222:3333:4444');
    expect(ipRateLimitKey('2001:db8:aaaa:bbbb::ffff')).toBe(a);
    expect(ipRateLimitKey('2001:db8:aaaa:bbbc::1')).not.toBe(a);
  });

  it('drops a zone id and reads an IPv4-embedded tail', () => {
    expect(ipRateLimitKey('fe80::1%eth0')).toBe('fe80::/64');
    expect(ipRateLimitKey('fe80:0:0:0:abcd::1%25')).toBe('fe80::/64');
    expect(ipRateLimitKey('2001:db8:1:2::192.0.2.33')).toBe('2001:db8:1:2::/64');
    expect(ipRateLimitKey('[2001:db8:1:2::1]')).toBe('2001:db8:1:2::/64');
  });

  it('answers anything it cannot parse trimmed, and null for nothing', () => {
    expect(ipRateLimitKey(null)).toBeNull();
    expect(ipRateLimitKey('')).toBeNull();
    expect(ipRateLimitKey('   ')).toBeNull();
    expect(ipRateLimitKey(' unknown ')).toBe('unknown');
    expect(ipRateLimitKey('2001:db8::1::2')).toBe('2001:db8::1::2');
    expect(ipRateLimitKey('2001:db8:1:2:3:4:5:6:7')).toBe('2001:db8:1:2:3:4:5:6:7');
    expect(ipRateLimitKey('2001:db8:12345::1')).toBe('2001:db8:12345::1');
    expect(ipRateLimitKey(':1:2:3:4:5:6:7')).toBe(':1:2:3:4:5:6:7');
    expect(ipRateLimitKey('::ffff:300.0.0.1')).toBe('::ffff:300.0.0.1');
    expect(ipRateLimitKey('1:2:3:4:5:6:7::8')).toBe('1:2:3:4:5:6:7::8');
    expect(ipRateLimitKey('192.0.2.1::1')).toBe('192.0.2.1::1');
  });
});
