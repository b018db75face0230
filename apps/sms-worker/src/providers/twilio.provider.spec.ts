import { LocalServer, startLocalServer } from '../test/local-server';
import { PermanentSmsError, TransientSmsError } from './sms-provider';
import { TwilioSmsProvider } from './twilio.provider';

// Answers as documented in https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
// and https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions
const created = {
  sid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
  status: 'queued',
  to: '+447700900123',
  from: '+15005550006',
  body: 'x',
  num_segments: '1',
  error_code: null,
};
const twilioError = (code: number, status: number, message: string) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});

describe('TwilioSmsProvider', () => {
  let server: LocalServer;
  let provider: TwilioSmsProvider;
  const sms = {
    messageId: '5b7d0c3e-8d2a-4c55-9f3e-1f2a3b4c5d6e',
    to: '+447700900123',
    body: 'Twofold security code: 123456.\n@example.com #123456',
  };

  beforeAll(async () => {
    server = await startLocalServer();
    provider = new TwilioSmsProvider(
      {
        accountSid: 'AC0123456789abcdef0123456789abcdef',
        authToken: 'tok3n',
        from: '+15005550006',
        apiBaseUrl: server.url,
      },
      'https://api.example.com/webhooks/sms/twilio',
      5000,
    );
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  it('posts the documented form to the Messages resource with Basic auth and returns the sid', async () => {
    server.reply({ status: 201, body: created });
    await expect(provider.send(sms)).resolves.toEqual({ providerMessageId: created.sid });
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json');
    expect(req.headers['authorization']).toBe(
      'Basic ' + Buffer.from('AC0123456789abcdef0123456789abcdef:tok3n').toString('base64'),
    );
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      To: '+447700900123',
      From: '+15005550006',
      Body: sms.body,
      StatusCallback: 'https://api.example.com/webhooks/sms/twilio',
    });
    // form encoding: '+' of the number is %2B, spaces are '+', the newline is %0A
    expect(req.body).toContain('To=%2B447700900123');
    expect(req.body).toContain('Body=Twofold+security+code%3A+123456.%0A%40example.com+%23123456');
  });

  it('sends MessagingServiceSid instead of From when TWILIO_FROM is a Messaging Service', async () => {
    server.reply({ status: 201, body: created });
    const viaService = new TwilioSmsProvider(
      { accountSid: 'AC1', authToken: 't', from: 'MG0123456789abcdef0123456789abcdef', apiBaseUrl: server.url },
      'https://api.example.com/webhooks/sms/twilio',
      5000,
    );
    await viaService.send(sms);
    const form = Object.fromEntries(new URLSearchParams(server.requests[0].body));
    expect(form['MessagingServiceSid']).toBe('MG0123456789abcdef0123456789abcdef');
    expect(form['From']).toBeUndefined();
  });

  it.each([
    [21211, "Invalid 'To' phone number"],
    [21408, 'Permission to send an SMS has not been enabled'],
    [21610, 'unsubscribed'],
    [21614, 'not a valid mobile number'],
  ])('fails at once on error %s, without quoting the number', async (code, meaning) => {
    server.reply({ status: 400, body: twilioError(code, 400, `The 'To' number +447700900123 is not valid.`) });
    const err = await provider.send(sms).catch((e) => e);
    expect(err).toBeInstanceOf(PermanentSmsError);
    expect(err.message).toContain(meaning);
    expect(err.message).toContain(String(code));
    expect(err.message).not.toContain('447700900123');
  });

  it('retries 429 (with Retry-After) and 5xx', async () => {
    server.reply({ status: 429, body: twilioError(20429, 429, 'Too Many Requests'), headers: { 'Retry-After': '2' } });
    const limited = await provider.send(sms).catch((e) => e);
    expect(limited).toBeInstanceOf(TransientSmsError);
    expect(limited).toMatchObject({ kind: 'rate-limited', retryAfterMs: 2000 });
    server.reply({ status: 503, body: 'Service Unavailable' });
    expect(await provider.send(sms).catch((e) => e)).toMatchObject({ kind: 'server' });
  });

  it('reports auth errors (401 / 20003) so a chain can fail over', async () => {
    server.reply({ status: 401, body: twilioError(20003, 401, 'Authenticate') });
    expect(await provider.send(sms).catch((e) => e)).toMatchObject({ name: 'TransientSmsError', kind: 'auth' });
  });

  it('treats a timeout and a refused connection as transient', async () => {
    server.reply({ status: 201, body: created, delayMs: 1500 });
    const impatient = new TwilioSmsProvider(
      { accountSid: 'AC1', authToken: 't', from: '+1', apiBaseUrl: server.url },
      'http://x/cb',
      200,
    );
    expect(await impatient.send(sms).catch((e) => e)).toMatchObject({ kind: 'timeout' });
    const dead = new TwilioSmsProvider(
      { accountSid: 'AC1', authToken: 't', from: '+1', apiBaseUrl: 'http://127.0.0.1:1' },
      'http://x/cb',
      5000,
    );
    expect(await dead.send(sms).catch((e) => e)).toMatchObject({ kind: 'network' });
  });

  it('fails other 4xx for good, quoting only the code', async () => {
    server.reply({ status: 400, body: twilioError(21602, 400, 'Message body is required.') });
    const err = await provider.send(sms).catch((e) => e);
    expect(err).toBeInstanceOf(PermanentSmsError);
    expect(err.message).toBe('twilio: message refused (HTTP 400, 21602 Twilio error 21602)');
  });
});
