import { digestsEqual, generateSmsCode, hmacCode, normalizeSmsCode } from './codes';

describe('SMS codes', () => {
  it('generates 6 ASCII digits with leading zeros kept and no visible bias', () => {
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 2000; i++) {
      const code = generateSmsCode();
      expect(code).toMatch(/^[0-9]{6}$/);
      for (const d of code) counts[Number(d)]++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(900); // 1200 expected per digit
  });

  it('normalises spaces and dashes and refuses anything but 6 ASCII digits', () => {
    expect(normalizeSmsCode(' 123 456 ')).toBe('123456');
    expect(normalizeSmsCode('123-456')).toBe('123456');
    for (const bad of ['', '12345', '1234567', '12345a', '１２３４５６', '١٢٣٤٥٦', '123\u0000456']) expect(normalizeSmsCode(bad)).toBeNull();
  });

  it('binds the HMAC to its key and scope and compares digests safely', () => {
    const key = Buffer.alloc(32, 1);
    const a = hmacCode(key, 'LOGIN:m1:t1', '123456');
    expect(digestsEqual(a, hmacCode(key, 'LOGIN:m1:t1', '123456'))).toBe(true);
    expect(digestsEqual(a, hmacCode(key, 'LOGIN:m1:t2', '123456'))).toBe(false);
    expect(digestsEqual(a, hmacCode(key, 'LOGIN:m1:t1', '123457'))).toBe(false);
    expect(digestsEqual(a, hmacCode(Buffer.alloc(32, 2), 'LOGIN:m1:t1', '123456'))).toBe(false);
    expect(digestsEqual(a, a.subarray(0, 16))).toBe(false);
    expect(a.toString('hex')).not.toContain('123456');
  });
});
