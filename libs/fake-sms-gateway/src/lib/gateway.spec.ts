import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyTwilioSignature } from '@twofold/sms-queue';
import { FakeSmsGateway, startFakeSmsGateway } from './gateway';

describe('fake SMS gateway', () => {
  let gateway: FakeSmsGateway;
  let callbackServer: Server;
  let callbackUrl: string;
  const callbacks: { params: Record<string, string>; signature: string | undefined }[] = [];
  const sid = 'ACtest';
  const token = 'test-token';
  const auth = 'Basic ' + Buffer.from(`${sid}:${token}`).toString('base64');

  const send = (form: Record<string, string>, authorization = auth) =>
    fetch(`${gateway.url}/2010-04-01/Accounts/${sid}/Messages.json`, {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  beforeAll(async () => {
    gateway = await startFakeSmsGateway({ authToken: token, callbackDelayMs: 5 });
    callbackServer = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        callbacks.push({
          params: Object.fromEntries(new URLSearchParams(body)),
          signature: req.headers['x-twilio-signature'] as string | undefined,
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => callbackServer.listen(0, '127.0.0.1', r));
    callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/webhooks/sms/twilio`;
  });
  afterAll(async () => {
    await gateway.close();
    await new Promise((r) => callbackServer.close(r));
  });
  beforeEach(() => {
    gateway.reset();
    gateway.messages.splice(0);
    callbacks.splice(0);
  });

  it('accepts a message like Twilio and posts signed sent/delivered callbacks', async () => {
    const res = await send({ To: '+447700900123', From: '+15005550006', Body: 'hello', StatusCallback: callbackUrl });
    expect(res.status).toBe(201);
    const json = (await res.json()) as { sid: string };
    expect(json).toMatchObject({ status: 'queued', to: '+447700900123', body: 'hello', account_sid: sid });
    expect(json.sid).toMatch(/^SM[0-9a-f]{32}$/);
    await gateway.idle();
    expect(callbacks.map((c) => c.params['MessageStatus'])).toEqual(['sent', 'delivered']);
    for (const c of callbacks) {
      expect(c.params['MessageSid']).toBe(json.sid);
      expect(verifyTwilioSignature(token, callbackUrl, c.params, c.signature)).toBe(true);
    }
    const inbox = (await (await fetch(`${gateway.url}/__messages`)).json()) as { messages: unknown[] };
    expect(inbox.messages).toHaveLength(1);
    expect(inbox.messages[0]).toMatchObject({ sid: json.sid, status: 'delivered', body: 'hello' });
  });

  it('refuses a wrong token with Twilio 20003', async () => {
    const res = await send(
      { To: '+447700900123', From: '+1', Body: 'x' },
      'Basic ' + Buffer.from(`${sid}:nope`).toString('base64'),
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 20003 });
  });

  it('fails on demand: 500, 429, invalid number (for N requests), and reports undelivered', async () => {
    await fetch(`${gateway.url}/__control`, { method: 'POST', body: JSON.stringify({ fail: '500', times: 1 }) });
    expect((await send({ To: '+447700900123', From: '+1', Body: 'x' })).status).toBe(500);
    expect((await send({ To: '+447700900123', From: '+1', Body: 'x' })).status).toBe(201);
    gateway.control({ fail: '429' });
    const limited = await send({ To: '+447700900123', From: '+1', Body: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    gateway.control({ fail: 'invalid-number' });
    expect(await (await send({ To: '+447700900123', From: '+1', Body: 'x' })).json()).toMatchObject({
      code: 21211,
      status: 400,
    });
    gateway.control({ finalStatus: 'undelivered', errorCode: '30003' });
    await send({ To: '+447700900123', From: '+1', Body: 'x', StatusCallback: callbackUrl });
    await gateway.idle();
    expect(callbacks.at(-1)?.params).toMatchObject({ MessageStatus: 'undelivered', ErrorCode: '30003' });
  });

  it('answers slowly on demand, with the message already in the inbox', async () => {
    gateway.control({ delayMs: 300 });
    const started = Date.now();
    const pending = send({ To: '+447700900123', From: '+1', Body: 'slow' });
    await gateway.waitForMessages(1, { timeoutMs: 2000 });
    expect((await pending).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('pushes a server-sent event when an SMS arrives', async () => {
    const controller = new AbortController();
    const res = await fetch(`${gateway.url}/__events`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await readUntil('data: 0');
    await send({ To: '+447700900123', From: '+1', Body: 'live' });
    await readUntil('data: 1');
    expect(text).toContain('event: change');
    controller.abort();
  });

  it('answers a 429 with the Retry-After it is given (or none), and counts every send request per side', async () => {
    gateway.reset();
    gateway.control({ fail: '429', retryAfter: 'Thu, 03 Dec 2026 09:00:30 GMT', times: 1 });
    const limited = await send({ To: '+447700900123', From: '+1', Body: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('Thu, 03 Dec 2026 09:00:30 GMT');
    gateway.control({ fail: '429', retryAfter: null, times: 1 });
    expect((await send({ To: '+447700900123', From: '+1', Body: 'x' })).headers.get('retry-after')).toBeNull();
    gateway.control({ fail: '429', times: 1 });
    expect((await send({ To: '+447700900123', From: '+1', Body: 'x' })).headers.get('retry-after')).toBe('1');
    expect((await send({ To: '+447700900123', From: '+1', Body: 'x' })).status).toBe(201);
    expect(gateway.requests).toEqual({ twilio: 4 });
    gateway.reset();
    expect(gateway.requests).toEqual({});
  });

  it('serves the inbox page', async () => {
    const res = await fetch(`${gateway.url}/`);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('/__messages');
  });
});
