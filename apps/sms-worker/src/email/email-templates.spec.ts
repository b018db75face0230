import { renderEmail } from './email-templates';

describe('e-mail templates', () => {
  const data = { name: 'Ada <Lovelace>', token: 'tok_-123', expiresAt: '2026-12-03T05:00:00.000Z' };

  it.each(['en', 'fr'])('renders the verification e-mail in %s, text and HTML, with the link from WEB_ORIGIN', (locale) => {
    const m = renderEmail('VERIFY_EMAIL', locale, data, 'https://app.example');
    expect(m.text).toContain('https://app.example/verify-email?token=tok_-123');
    expect(m.html).toContain('href="https://app.example/verify-email?token=tok_-123"');
    expect(m.html).toContain('Ada &lt;Lovelace&gt;');
    expect(m.html).not.toContain('<Lovelace>');
    expect(m.subject).toMatch(locale === 'fr' ? /Confirmez/ : /Confirm your/);
  });

  it.each(['en', 'fr'])('renders the password-reset e-mail in %s, text and HTML, with its own link', (locale) => {
    const m = renderEmail('PASSWORD_RESET', locale, data, 'https://app.example');
    expect(m.text).toContain('https://app.example/reset-password?token=tok_-123');
    expect(m.html).toContain('href="https://app.example/reset-password?token=tok_-123"');
    expect(m.text).not.toContain('/verify-email');
    expect(m.html).toContain('Ada &lt;Lovelace&gt;');
    expect(m.subject).toMatch(locale === 'fr' ? /Réinitialisez/ : /Reset your/);
    expect(() => renderEmail('PASSWORD_RESET', locale, { name: 'Ada' }, 'https://app.example')).toThrow('needs a token');
  });

  it('falls back to English', () => {
    expect(renderEmail('VERIFY_EMAIL', 'de', data, 'http://x').subject).toBe('Confirm your e-mail address for Twofold');
  });
});
