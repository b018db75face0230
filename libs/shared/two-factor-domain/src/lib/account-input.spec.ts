import { cleanText, emailProblem, initialsOf, normalizeEmail, passwordProblem } from './account-input';

describe('account input', () => {
  it('trims and lower-cases emails', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(emailProblem('ada@example.com')).toBeNull();
    expect(emailProblem('not-an-email')).not.toBeNull();
    expect(emailProblem('')).not.toBeNull();
  });

  it('wants 10 to 256 characters, counted as a person counts them, and no common password', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('a'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem('🔒'.repeat(10))).toBeNull();
    expect(passwordProblem('password123')).toMatch(/common/);
    expect(passwordProblem('PASSWORD123')).toMatch(/common/);
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });

  it('cleans descriptions: trimmed, 100 characters at most, no control characters', () => {
    expect(cleanText('  Work phone ', 100)).toEqual({ ok: true, value: 'Work phone' });
    expect(cleanText('   ', 100)).toEqual({ ok: true, value: null });
    expect(cleanText(null, 100)).toEqual({ ok: true, value: null });
    expect(cleanText('x'.repeat(100), 100)).toMatchObject({ ok: true });
    expect(cleanText('x'.repeat(101), 100)).toMatchObject({ ok: false });
    expect(cleanText('Work\u0007phone', 100)).toMatchObject({ ok: false });
    expect(cleanText('Work\nphone', 100)).toMatchObject({ ok: false });
    expect(cleanText('Work\u202Ephone', 100)).toMatchObject({ ok: false });
  });

  it('derives initials', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('ada king lovelace')).toBe('AL');
    expect(initialsOf('Cher')).toBe('C');
    expect(initialsOf('  ')).toBe('?');
    expect(initialsOf('Émile Zola')).toBe('ÉZ');
  });
});
