import { expressTrustProxy } from './trust-proxy';

describe('expressTrustProxy', () => {
  it('maps each TRUST_PROXY form onto what Express understands, never true', () => {
    expect(expressTrustProxy({ kind: 'off' })).toBe(false);
    expect(expressTrustProxy({ kind: 'hops', hops: 2 })).toBe(2);
    expect(expressTrustProxy({ kind: 'subnets', subnets: ['10.0.0.0/8', 'loopback'] })).toEqual(['10.0.0.0/8', 'loopback']);
  });
});
