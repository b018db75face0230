import { createTransport } from 'nodemailer';
import { startFakeMailServer, type FakeMailServer } from './mail-server';

describe('fake mail server', () => {
  let server: FakeMailServer;
  beforeAll(async () => {
    server = await startFakeMailServer();
  });
  afterAll(() => server.close());

  const send = (text: string, html: string, subject: string) =>
    createTransport({ url: server.smtpUrl }).sendMail({ from: 'Twofold <no-reply@twofold.test>', to: 'ada@example.com', subject, text, html });

  it('keeps each e-mail with its subject, text and HTML decoded (UTF-8, long lines)', async () => {
    const long = 'é'.repeat(120) + ' https://app.example/verify-email?token=' + 'A'.repeat(43);
    await send(`Bonjour,\n${long}\nfin`, `<p>Bonjour ${long}</p>`, 'Confirmez votre adresse e-mail — Twofold');
    const [mail] = await server.waitForMails(1);
    expect(mail.to).toEqual(['ada@example.com']);
    expect(mail.from).toBe('no-reply@twofold.test');
    expect(mail.subject).toBe('Confirmez votre adresse e-mail — Twofold');
    expect(mail.text).toBe(`Bonjour,\n${long}\nfin`);
    expect(mail.html).toContain(`<p>Bonjour ${long}</p>`);
    const listed = (await (await fetch(`${server.url}/__mails?to=ada@example.com`)).json()) as unknown[];
    expect(listed).toHaveLength(1);
    expect(await (await fetch(`${server.url}/`)).text()).toContain('Fake mail');
  });

  it('refuses with the SMTP code it is told to, then accepts again', async () => {
    server.control({ fail: 451, times: 1 });
    await expect(send('a', '<p>a</p>', 'x')).rejects.toMatchObject({ responseCode: 451 });
    server.control({ fail: 550, times: 1 });
    await expect(send('a', '<p>a</p>', 'x')).rejects.toMatchObject({ responseCode: 550 });
    await send('b', '<p>b</p>', 'y');
    expect(server.mails.map((m) => m.subject)).toEqual(['Confirmez votre adresse e-mail — Twofold', 'y']);
  });
});
