import { noticeKinds } from '@twofold/two-factor-domain';
import { renderEmail } from './email-templates';
import { describeUserAgent } from './notice-templates';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const data = (kind: string, extra: Partial<{ ip: string | null; userAgent: string | null; name: string }> = {}) => ({
  name: extra.name ?? 'Ada',
  token: 'tok_-123',
  expiresAt: '2026-12-09T17:30:00.000Z',
  notice: { kind, at: '2026-12-02T17:30:00.000Z', ip: extra.ip === undefined ? '203.0.113.7' : extra.ip, userAgent: extra.userAgent === undefined ? FIREFOX : extra.userAgent },
});

describe('security-notice e-mails', () => {
  const cases = noticeKinds().flatMap((kind) => (['en', 'fr'] as const).map((locale) => [kind, locale] as const));

  it.each(cases)('%s in %s: what, when (UTC), from where, and the "This wasn\'t me" link, text and HTML', (kind, locale) => {
    const m = renderEmail('SECURITY_NOTICE', locale, data(kind), 'https://app.example');
    const link = 'https://app.example/wasnt-me?token=tok_-123';
    expect(m.text).toContain(link);
    expect(m.html).toContain(`href="${link}"`);
    for (const body of [m.text, m.html]) {
      expect(body).toContain(locale === 'fr' ? '2 décembre 2026 à 17:30 UTC' : '2 December 2026 at 17:30 UTC');
      expect(body).toContain('203.0.113.7');
      expect(body).toContain(locale === 'fr' ? 'Firefox sous Linux' : 'Firefox on Linux');
      expect(body).toContain(locale === 'fr' ? 'Ce n’était pas moi' : 'This wasn’t me');
      expect(body).not.toMatch(/\+\d{6,}/); // never a phone number
    }
    expect(m.subject).toMatch(/Twofold/);
    expect(m.text.split('tok_-123')).toHaveLength(2); // the token only in the link
  });

  it('has a distinct subject per kind and locale', () => {
    const subjects = cases.map(([kind, locale]) => renderEmail('SECURITY_NOTICE', locale, data(kind), 'http://x').subject);
    expect(new Set(subjects).size).toBe(cases.length);
  });

  it('says "unknown" without an address or a user agent, escapes the name, falls back to English', () => {
    const m = renderEmail('SECURITY_NOTICE', 'de', data('PASSWORD_CHANGED', { ip: null, userAgent: null, name: 'Eve <script>' }), 'http://x');
    expect(m.subject).toBe('Your Twofold password was changed');
    expect(m.text).toContain('From the address: unknown');
    expect(m.text).toContain('With: unknown');
    expect(m.html).toContain('Eve &lt;script&gt;');
    expect(m.html).not.toContain('<script>');
  });

  it('refuses an unknown kind or a missing token', () => {
    expect(() => renderEmail('SECURITY_NOTICE', 'en', data('NOT_A_KIND'), 'http://x')).toThrow('known notice kind');
    expect(() => renderEmail('SECURITY_NOTICE', 'en', { ...data('BACKUP_CODE_USED'), token: undefined }, 'http://x')).toThrow('needs a token');
  });

  it('names common browsers and systems', () => {
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1', 'en')).toBe('Safari on iOS');
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0', 'fr')).toBe('Edge sous Windows');
    expect(describeUserAgent('curl/8.5.0', 'en')).toBe('another program');
    expect(describeUserAgent(null, 'en')).toBeNull();
  });
});
