import { createHmac } from 'node:crypto';
import { LocalServer, startLocalServer } from '../test/local-server';
import { PermanentSmsError } from './sms-provider';
import { WebhookSmsProvider } from './webhook.provider';

describe('WebhookSmsProvider', () => {
  let server: LocalServer;
  const sms = { messageId: 'm-42', to: '+447700900123', body: 'Twofold security code: 111222.' };

  beforeAll(async () => {
    server = await startLocalServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  it('posts {id,to,body} as JSON, signed with HMAC-SHA256 when a secret is set', async () => {
    server.reply({ status: 202, body: { id: 'gw-7' } });
    const provider = new WebhookSmsProvider({ url: `${server.url}/send?x=1`, secret: 's3cret' }, 5000);
    await expect(provider.send(sms)).resolves.toEqual({ providerMessageId: 'gw-7' });
    const [req] = server.requests;
    expect(req.path).toBe('/send?x=1');
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual({ id: 'm-42', to: '+447700900123', body: sms.body });
    expect(req.headers['x-twofold-signature']).toBe(
      'sha256=' + createHmac('sha256', 's3cret').update(req.body).digest('hex'),
    );
  });

  it('names where the gateway posts signed receipts (statusCallback)', async () => {
    server.reply({ status: 200, body: { id: 'gw-8' } });
    const provider = new WebhookSmsProvider({ url: server.url, secret: 's3cret' }, 5000, 'https://api.example/webhooks/sms/webhook');
    await provider.send(sms);
    expect(JSON.parse(server.requests[0].body)).toEqual({
      id: 'm-42',
      to: '+447700900123',
      body: sms.body,
      statusCallback: 'https://api.example/webhooks/sms/webhook',
    });
  });

  it('sends no signature without a secret and falls back to our id', async () => {
    server.reply({ status: 200, body: '' });
    const provider = new WebhookSmsProvider({ url: server.url }, 5000);
    await expect(provider.send(sms)).resolves.toEqual({ providerMessageId: 'm-42' });
    expect(server.requests[0].headers['x-twofold-signature']).toBeUndefined();
  });

  it('maps errors', async () => {
    const provider = new WebhookSmsProvider({ url: server.url }, 5000);
    server.reply({ status: 503 });
    expect(await provider.send(sms).catch((e) => e)).toMatchObject({ kind: 'server' });
    server.reply({ status: 403 });
    expect(await provider.send(sms).catch((e) => e)).toMatchObject({ kind: 'auth' });
    server.reply({ status: 422 });
    expect(await provider.send(sms).catch((e) => e)).toBeInstanceOf(PermanentSmsError);
  });
});
