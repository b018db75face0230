import { createHash } from 'node:crypto';
import { LocalServer, startLocalServer } from '../test/local-server';
import { OvhSmsProvider, ovhSignature } from './ovh.provider';
import { PermanentSmsError } from './sms-provider';

// Answers as documented for POST /sms/{serviceName}/jobs (https://eu.api.ovh.com/console/#/sms/%7BserviceName%7D/jobs~POST)
const created = {
  totalCreditsRemoved: 1,
  invalidReceivers: [],
  ids: [219263524],
  validReceivers: ['+33612345678'],
  tag: '',
};

describe('OvhSmsProvider', () => {
  let server: LocalServer;
  let provider: OvhSmsProvider;
  const config = {
    endpoint: '',
    appKey: 'appKey123',
    appSecret: 'appSecret456',
    consumerKey: 'consumer789',
    service: 'sms-ab12345-1',
    sender: 'Twofold',
  };
  const sms = { messageId: 'm-1', to: '+33612345678', body: 'Twofold security code: 654321.' };

  beforeAll(async () => {
    server = await startLocalServer();
    config.endpoint = server.url;
    provider = new OvhSmsProvider(config, 5000, () => 1764370000);
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  it('gives each job its callBack URL for delivery reports', async () => {
    server.reply({ status: 200, body: created });
    const withCallback = new OvhSmsProvider(config, 5000, () => 1764370000, (id) => `https://api.example/webhooks/sms/ovh?m=${id}&t=tok`);
    await withCallback.send(sms);
    expect(JSON.parse(server.requests[0].body)).toMatchObject({ callBack: 'https://api.example/webhooks/sms/ovh?m=m-1&t=tok' });
  });

  it('signs and posts the documented JSON job', async () => {
    server.reply({ status: 200, body: created });
    await expect(provider.send(sms)).resolves.toEqual({ providerMessageId: '219263524' });
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/1.0/sms/sms-ab12345-1/jobs');
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual({
      message: sms.body,
      receivers: ['+33612345678'],
      sender: 'Twofold',
      noStopClause: true,
      priority: 'high',
    });
    expect(req.headers['x-ovh-application']).toBe('appKey123');
    expect(req.headers['x-ovh-consumer']).toBe('consumer789');
    expect(req.headers['x-ovh-timestamp']).toBe('1764370000');
    // Computed independently: $1$ + sha1(AS+CK+METHOD+URL+BODY+TSTAMP)
    const expected =
      '$1$' +
      createHash('sha1')
        .update(`appSecret456+consumer789+POST+${server.url}/1.0/sms/sms-ab12345-1/jobs+${req.body}+1764370000`)
        .digest('hex');
    expect(req.headers['x-ovh-signature']).toBe(expected);
    expect(
      ovhSignature(
        'appSecret456',
        'consumer789',
        'POST',
        `${server.url}/1.0/sms/sms-ab12345-1/jobs`,
        req.body,
        1764370000,
      ),
    ).toBe(expected);
  });

  it('fails at once when OVHcloud lists the receiver as invalid', async () => {
    server.reply({
      status: 200,
      body: { totalCreditsRemoved: 0, invalidReceivers: ['+33612345678'], ids: [], validReceivers: [], tag: '' },
    });
    const err = await provider.send(sms).catch((e) => e);
    expect(err).toBeInstanceOf(PermanentSmsError);
    expect(err.message).not.toContain('612345678');
  });

  it('maps auth, rate-limit, server and request errors', async () => {
    server.reply({
      status: 403,
      body: { errorCode: 'INVALID_CREDENTIAL', httpCode: '403 Forbidden', message: 'This credential is not valid' },
    });
    expect(await provider.send(sms).catch((e) => e)).toMatchObject({ name: 'TransientSmsError', kind: 'auth' });
    server.reply({ status: 429, body: { message: 'Too many requests' } });
    expect(await provider.send(sms).catch((e) => e)).toMatchObject({ kind: 'rate-limited' });
    server.reply({ status: 500, body: { message: 'Internal server error' } });
    expect(await provider.send(sms).catch((e) => e)).toMatchObject({ kind: 'server' });
    server.reply({ status: 400, body: { message: 'Invalid receiver +33612345678' } });
    const bad = await provider.send(sms).catch((e) => e);
    expect(bad).toBeInstanceOf(PermanentSmsError);
    expect(bad.message).not.toContain('612345678');
  });
});
