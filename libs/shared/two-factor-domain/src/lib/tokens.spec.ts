import { generateOpaqueToken, isOpaqueTokenShape } from './tokens';

describe('isOpaqueTokenShape', () => {
  it('accepts what generateOpaqueToken gives and nothing else', () => {
    for (let i = 0; i < 50; i++) expect(isOpaqueTokenShape(generateOpaqueToken())).toBe(true);
    for (const other of ['', 'short', 'x'.repeat(42), 'x'.repeat(44), `${'x'.repeat(42)}=`, `${'x'.repeat(42)}/`, null, undefined, 43]) expect(isOpaqueTokenShape(other)).toBe(false);
  });
});
