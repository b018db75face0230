import { renderEmail } from './email-templates';

describe('the account-recovery e-mail', () => {
  const data = { name: 'Ada', token: 'rec_-42', expiresAt: '2026-12-02T19:00:00.000Z' };

  it.each(['en', 'fr'])('in %s: the /recover link from WEB_ORIGIN, the waiting period explained, text and HTML', (locale) => {
    const m = renderEmail('ACCOUNT_RECOVERY', locale, data, 'https://app.example');
    expect(m.text).toContain('https://app.example/recover?token=rec_-42');
    expect(m.html).toContain('href="https://app.example/recover?token=rec_-42"');
    expect(m.text).toContain(locale === 'fr' ? 'délai d’attente' : 'waiting period');
    expect(m.text).toContain(locale === 'fr' ? '2 décembre 2026 à 19:00 UTC' : '2 December 2026 at 19:00 UTC');
    expect(m.subject).toBe(locale === 'fr' ? 'Confirmez la récupération de votre compte Twofold' : 'Confirm the recovery of your Twofold account');
  });

  it('needs a token', () => {
    expect(() => renderEmail('ACCOUNT_RECOVERY', 'en', { name: 'Ada' }, 'http://x')).toThrow('ACCOUNT_RECOVERY needs a token');
  });
});
