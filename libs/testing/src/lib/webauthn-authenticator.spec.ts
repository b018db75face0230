import { cborEncode } from './webauthn-authenticator';

describe('cborEncode', () => {
  it('encodes the RFC 8949 appendix A examples it supports', () => {
    const hex = (v: Parameters<typeof cborEncode>[0]) => cborEncode(v).toString('hex');
    expect(hex(0)).toBe('00');
    expect(hex(23)).toBe('17');
    expect(hex(24)).toBe('1818');
    expect(hex(1000)).toBe('1903e8');
    expect(hex(1000000)).toBe('1a000f4240');
    expect(hex(-1)).toBe('20');
    expect(hex(-7)).toBe('26');
    expect(hex(-100)).toBe('3863');
    expect(hex('a')).toBe('6161');
    expect(hex(Buffer.from([1, 2, 3, 4]))).toBe('4401020304');
    expect(hex([1, [2, 3]])).toBe('8201820203');
    expect(hex(new Map<number | string, number>([[1, 2], [3, 4]]))).toBe('a201020304');
  });
});
