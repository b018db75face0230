import { matchTotpStep, newTotpSecret, totpCodeAt, totpUri } from './totp';

describe('TOTP (RFC 6238)', () => {
  it('makes 160-bit Base32 secrets, never the same twice', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
  });

  it('matches the RFC 6238 SHA-1 test vector (59 s → 94287082, last 6 digits)', () => {
    // RFC 6238 appendix B: secret "12345678901234567890" (ASCII) = Base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCodeAt(secret, new Date(59_000))).toBe('287082');
    expect(totpCodeAt(secret, new Date(1_111_111_109_000))).toBe('081804');
  });

  it('accepts the current step and one either side, nothing further, and answers the step', () => {
    const secret = newTotpSecret();
    const t = new Date(1_800_000_000_000);
    const step = Math.floor(t.getTime() / 30_000);
    expect(matchTotpStep(secret, totpCodeAt(secret, t), t)).toBe(step);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(t.getTime() - 30_000)), t)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(t.getTime() + 30_000)), t)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(t.getTime() - 60_000)), t)).toBeNull();
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(t.getTime() + 60_000)), t)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', t)).toBeNull();
    expect(matchTotpStep(secret, '1234567', t)).toBeNull();
  });

  it('writes the otpauth URI the contract names', () => {
    expect(totpUri('JBSWY3DPEHPK3PXP', 'ada@example.com')).toBe('otpauth://totp/Twofold:ada@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Twofold');
    expect(totpUri('JBSWY3DPEHPK3PXP', 'a b+c@example.com')).toBe('otpauth://totp/Twofold:a%20b%2Bc@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Twofold');
  });
});
