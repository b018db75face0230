import { BACKUP_CODE_ALPHABET, generateBackupCodeSet, normalizeBackupCode } from './backup-codes';

describe('emergency codes', () => {
  it('makes 10 distinct codes shaped XXXX-XXXX-XXXX-XXXX from the alphabet (80 bits)', () => {
    const codes = generateBackupCodeSet();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[23456789A-HJ-NP-Z]{4}(-[23456789A-HJ-NP-Z]{4}){3}$/);
    expect(backupCodeBits()).toBe(80);
  });

  it('accepts any case, with or without dashes and spaces', () => {
    expect(normalizeBackupCode('abcd-efgh-jkmn-pqrs')).toBe('ABCDEFGHJKMNPQRS');
    expect(normalizeBackupCode(' ABCD EFGH JKMN PQRS ')).toBe('ABCDEFGHJKMNPQRS');
    expect(normalizeBackupCode('abcdefghjkmnpqrs')).toBe('ABCDEFGHJKMNPQRS');
  });

  it('refuses the wrong length and characters outside the alphabet', () => {
    for (const bad of ['', 'ABCD-EFGH-JKMN-PQR', 'ABCD-EFGH-JKMN-PQRST', 'ABCD-EFGH-JKMN-PQR0', 'ABCD-EFGH-JKMN-PQRI', 'ÀBCD-EFGH-JKMN-PQRS']) {
      expect(normalizeBackupCode(bad)).toBeNull();
    }
  });
});

function backupCodeBits(): number {
  return 16 * Math.log2(BACKUP_CODE_ALPHABET.length);
}
