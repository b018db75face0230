import { loadConfig } from './config';

describe('mail configuration', () => {
  it('needs no SMTP settings by default (the API only writes the outbox)', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: undefined, perAccountPerHour: 5, perIpPerHour: 20, globalPerHour: 2000, verificationTtlSeconds: 86400, noticesPerAccountPerHour: 10, securityAlertTtlSeconds: 604800, recoveryDelaySeconds: 259200, recoveryLinkTtlSeconds: 3600, workerConcurrency: 5 });
  });

  it('takes SMTP_URL with MAIL_FROM', () => {
    const c = loadConfig({ SMTP_URL: 'smtps://u:p@mail.example:465', MAIL_FROM: 'Twofold <no-reply@example.com>' });
    expect(c.mail).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example:465', from: 'Twofold <no-reply@example.com>' });
  });

  it('refuses SMTP_URL without MAIL_FROM, another scheme, or a MAIL_FROM without an address', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow('Configuration error: MAIL_FROM is required when SMTP_URL is set');
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example', MAIL_FROM: 'a@b.c' })).toThrow('Configuration error: SMTP_URL must start with smtp: or smtps:');
    expect(() => loadConfig({ SMTP_URL: 'not a url', MAIL_FROM: 'a@b.c' })).toThrow('Configuration error: SMTP_URL must be a URL');
    expect(() => loadConfig({ MAIL_FROM: 'Twofold' })).toThrow('Configuration error: MAIL_FROM must be an address');
    expect(() => loadConfig({ EMAIL_VERIFICATION_TTL_SECONDS: '10' })).toThrow('EMAIL_VERIFICATION_TTL_SECONDS must be between 60');
  });
});
