import { createHmac } from 'node:crypto';
import { loadConfig, type VonageConfig } from '@twofold/config';
import { LocalServer, startLocalServer } from '../test/local-server';
import { PermanentSmsError, TransientSmsError } from './sms-provider';
import { createProvider } from './provider-factory';
import { VonageSmsProvider } from './vonage.provider';

// Answers as documented in https://developer.vonage.com/en/api/sms (Send an SMS, response and
// error status codes) and https://developer.vonage.com/en/getting-started/concepts/signing-messages.
const accepted = {
  'message-count': '1',
  messages: [
    {
      to: '447700900123',
      'message-id': '0A0000000123ABCD1',
      status: '0',
      'remaining-balance': '3.14159265',
      'message-price': '0.03330000',
      network: '12345',
      'client-ref': 'ref',
    },
  ],
};
const refused = (status: string, text: string) => ({
  'message-count': '1',
  messages: [{ status, 'error-text': text }],
});

describe('VonageSmsProvider', () => {
  let server: LocalServer;
  const sms = {
    messageId: '5b7d0c3e-8d2a-4c55-9f3e-1f2a3b4c5d6e',
    to: '+447700900123',
    body: 'Twofold security code: 123456.\n@example.com #123456',
  };
  const receiptUrl = 'https://api.example.com/webhooks/sms/vonage';
  const settings = (over: Partial<VonageConfig> = {}): VonageConfig => ({
    apiKey: 'abcd1234',
    apiSecret: 's3cr3t',
    from: 'Twofold',
    apiBaseUrl: server.url,
    signatureMethod: 'sha256',
    ...over,
  });
  const make = (over: Partial<VonageConfig> = {}) => new VonageSmsProvider(settings(over), 300, receiptUrl);
  const form = () => Object.fromEntries(new URLSearchParams(server.requests[0].body));

  beforeAll(async () => {
    server = await startLocalServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  it('posts the documented form to /sms/json with the API key and secret, and returns the message-id', async () => {
    server.reply({ status: 200, body: accepted });
    await expect(make().send(sms)).resolves.toEqual({ providerMessageId: '0A0000000123ABCD1' });
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/sms/json');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form()).toEqual({
      api_key: 'abcd1234',
      api_secret: 's3cr3t',
      from: 'Twofold',
      to: '447700900123',
      text: sms.body,
      'client-ref': sms.messageId,
      callback: receiptUrl,
    });
  });

  it('sends a text outside GSM-7 as type=unicode', async () => {
    server.reply({ status: 200, body: accepted });
    await make().send({ ...sms, body: 'Code Twofold : 123456. Ne le partagez pas ✓' });
    expect(form()['type']).toBe('unicode');
  });

  it('with a signature secret, signs the request (timestamp + sig over every field) and never sends the API secret', async () => {
    server.reply({ status: 200, body: accepted });
    const before = Math.floor(Date.now() / 1000);
    await make({ signatureSecret: 'sig-secret', signatureMethod: 'sha256' }).send(sms);
    const sent = form();
    expect(sent['api_secret']).toBeUndefined();
    expect(Number(sent['timestamp'])).toBeGreaterThanOrEqual(before);
    // Recomputed here from Vonage's documented rule, not with the adapter's own helper.
    const query = Object.keys(sent)
      .filter((k) => k !== 'sig')
      .sort()
      .map((k) => `&${k}=${sent[k].replace(/[&=]/g, '_')}`)
      .join('');
    expect(sent['sig']).toBe(createHmac('sha256', 'sig-secret').update(query).digest('hex'));
  });

  it('maps HTTP errors: 401 fails over at once, 429 honours Retry-After, 5xx is retried', async () => {
    server.reply({
      status: 401,
      body: { type: 'https://developer.nexmo.com/api-errors#unauthorized', title: 'Unauthorized' },
    });
    expect(
      await make()
        .send(sms)
        .catch((e) => e),
    ).toMatchObject({ kind: 'auth' });
    server.reply({ status: 429, headers: { 'Retry-After': '3' } });
    expect(
      await make()
        .send(sms)
        .catch((e) => e),
    ).toMatchObject({ kind: 'rate-limited', retryAfterMs: 3000 });
    server.reply({ status: 503 });
    expect(
      await make()
        .send(sms)
        .catch((e) => e),
    ).toMatchObject({ kind: 'server' });
  });

  it('maps the per-message status of an HTTP 200 without quoting the number', async () => {
    const cases: [string, string, 'auth' | 'rate-limited' | 'server' | 'permanent'][] = [
      ['1', 'Throughput Rate Exceeded - please wait [ 30 ] and retry', 'rate-limited'],
      ['4', 'Bad Credentials', 'auth'],
      ['5', 'Internal Error', 'server'],
      ['9', 'Quota Exceeded - rejected', 'auth'],
      ['3', `Invalid to address ${sms.to}`, 'permanent'],
      ['7', `Number barred: ${sms.to}`, 'permanent'],
      ['99', 'a status we do not know', 'server'],
    ];
    for (const [status, text, expected] of cases) {
      server.reply({ status: 200, body: refused(status, text) });
      const err = await make()
        .send(sms)
        .catch((e) => e);
      if (expected === 'permanent') {
        expect(err).toBeInstanceOf(PermanentSmsError);
        expect(err.vendorCode).toBe(status);
      } else {
        expect(err).toBeInstanceOf(TransientSmsError);
        expect(err.kind).toBe(expected);
      }
      expect(err.message).not.toContain('447700900123');
    }
  });

  it('treats an answer that is not the SMS API (a proxy page, a wrong base URL) as unavailable', async () => {
    server.reply({ status: 200, body: '<html>hello</html>' });
    expect(
      await make()
        .send(sms)
        .catch((e) => e),
    ).toMatchObject({ kind: 'unavailable' });
    server.reply({ status: 404, body: { title: 'Not Found' } });
    expect(
      await make()
        .send(sms)
        .catch((e) => e),
    ).toMatchObject({ kind: 'unavailable' });
  });

  it("is built from SMS_PROVIDER=vonage with the API's receipt URL as the callback", async () => {
    const config = loadConfig({
      SMS_PROVIDER: 'vonage',
      VONAGE_API_KEY: 'k',
      VONAGE_API_SECRET: 's',
      VONAGE_FROM: 'Twofold',
      VONAGE_API_BASE_URL: server.url,
      PUBLIC_API_URL: 'https://api.example.com',
    });
    const provider = createProvider('vonage', {
      config,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as never,
      env: {},
    });
    server.reply({ status: 200, body: accepted });
    await provider.send(sms);
    expect(provider.name).toBe('vonage');
    expect(form()['callback']).toBe('https://api.example.com/webhooks/sms/vonage');
  });
});
