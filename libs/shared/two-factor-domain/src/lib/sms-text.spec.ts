import { gsm7Length, noticeKinds, pickLocale, renderCodeSms, renderNoticeSms, SMS_LOCALES, smsSegments } from './sms-text';

describe('SMS text', () => {
  it('renders the contract wording: code first, origin-bound line last', () => {
    expect(renderCodeSms('en', '123456', 300, 'localhost')).toBe(
      'Twofold security code: 123456. Valid 5 minutes. Never share it.\n\n@localhost #123456',
    );
    const fr = renderCodeSms('fr', '654321', 300, 'example.com');
    expect(fr.startsWith('Code de sécurité Twofold : 654321.')).toBe(true);
    expect(fr.split('\n').pop()).toBe('@example.com #654321');
  });

  it.each(SMS_LOCALES)('fits every %s template in one GSM-7 segment', (locale) => {
    const longHost = 'secure-login.control-panel.example-hosting.com';
    const texts = [renderCodeSms(locale, '000000', 300, longHost), ...noticeKinds().map((k) => renderNoticeSms(locale, k))];
    for (const text of texts) {
      expect(gsm7Length(text)).not.toBeNull();
      expect(smsSegments(text)).toBe(1);
    }
  });

  it('counts segments', () => {
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('€'.repeat(80))).toBe(1);
    expect(smsSegments('€'.repeat(81))).toBe(2);
    expect(smsSegments('ç'.repeat(70))).toBe(1);
    expect(smsSegments('ç'.repeat(71))).toBe(2);
  });

  it('picks a locale from Accept-Language by quality', () => {
    expect(pickLocale('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(pickLocale('de-DE,en;q=0.5,fr;q=0.7')).toBe('fr');
    expect(pickLocale('de')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
    expect(pickLocale('fr;q=0')).toBe('en');
  });
});
