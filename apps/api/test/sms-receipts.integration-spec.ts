import { randomUUID } from 'node:crypto';
import {
  ovhCallbackToken,
  ovhCallbackUrl,
  ovhSignature,
  twilioBodyHash,
  twilioSignature,
  webhookReceiptSignature,
} from '@twofold/sms-queue';
import { FakeSmsGateway, startFakeSmsGateway } from '@twofold/testing';
import { SmsDeliveryReportsService } from '../src/webhooks/sms-delivery-reports.service';
import { startApi, type TestApi } from './harness';

// Delivery receipts of the `webhook` provider (signed, timestamped, replay-protected), OVHcloud
// (token in the callBack URL) and Twilio's HMAC-SHA256 variant, against real PostgreSQL.
const SECRET = 'webhook-receipt-secret-0123456789';
const TWILIO_TOKEN = 'twilio-auth-token-receipts';
const SHARED_KEY = 'twilio-shared-key-secret-receipts';
const OVH = { appKey: 'ak-receipts', appSecret: 'as-receipts', consumerKey: 'ck-receipts' };

describe('SMS delivery receipts', () => {
  let api: TestApi;
  let gateway: FakeSmsGateway;

  beforeAll(async () => {
    gateway = await startFakeSmsGateway({ authToken: TWILIO_TOKEN, webhookSecret: SECRET, ovh: OVH, callbackDelayMs: 5 });
    api = await startApi({
      SMS_PROVIDER: 'webhook,twilio,ovh',
      SMS_WEBHOOK_URL: `${gateway.url}/webhook/sms`,
      SMS_WEBHOOK_SECRET: SECRET,
      TWILIO_ACCOUNT_SID: 'ACreceipts',
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      TWILIO_FROM: '+15005550006',
      TWILIO_WEBHOOK_SHARED_KEY: SHARED_KEY,
      OVH_ENDPOINT: gateway.url,
      OVH_APP_KEY: OVH.appKey,
      OVH_APP_SECRET: OVH.appSecret,
      OVH_CONSUMER_KEY: OVH.consumerKey,
      OVH_SMS_SERVICE: 'sms-test-1',
      OVH_SMS_SENDER: 'Twofold',
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await api?.close();
  });

  async function insertMessage(provider: string, providerMessageId: string, status = 'SENT'): Promise<string> {
    const id = randomUUID();
    const now = new Date();
    await api.pg.query(
      `INSERT INTO sms_message (id, phone_number, purpose, locale, body_sealed, status, provider, provider_message_id, attempts, created_at, updated_at, sent_at)
       VALUES ($1, '+447700900123', 'LOGIN', 'en', 'v1.x.y.z', $2, $3, $4, 1, $5, $5, $6)`,
      [id, status, provider, providerMessageId, now, status === 'SENT' ? now : null],
    );
    return id;
  }
  const row = async (id: string) =>
    (
      await api.pg.query(
        `SELECT status, failure_reason, sent_at, delivered_at, failed_at, updated_at FROM sms_message WHERE id = $1`,
        [id],
      )
    ).rows[0];

  describe('webhook provider: POST /webhooks/sms/webhook', () => {
    const nowSeconds = () => Math.floor(api.clock.now().getTime() / 1000);
    const receipt = (id: string, status: string, extra: Record<string, string> = {}) => JSON.stringify({ id, status, ...extra });
    function signedHeaders(body: string, ts = nowSeconds(), secret = SECRET): Record<string, string> {
      return {
        'Content-Type': 'application/json',
        'X-Twofold-Timestamp': String(ts),
        'X-Twofold-Signature': webhookReceiptSignature(secret, String(ts), body),
      };
    }
    const post = (body: string, headers: Record<string, string> = signedHeaders(body)) =>
      fetch(`${api.url}/webhooks/sms/webhook`, { method: 'POST', headers, body });
    const gwId = () => 'gw-' + randomUUID();

    it('applies a signed receipt; the same receipt again, a late "sent" and a later "failed" change nothing', async () => {
      const pmid = gwId();
      const id = await insertMessage('webhook', pmid);
      expect((await post(receipt(pmid, 'delivered'))).status).toBe(204);
      const first = await row(id);
      expect(first.status).toBe('DELIVERED');
      expect(first.delivered_at).toBeInstanceOf(Date);
      api.clock.advance(1);
      expect((await post(receipt(pmid, 'delivered'))).status).toBe(204);
      expect((await post(receipt(pmid, 'sent'))).status).toBe(204);
      expect((await post(receipt(pmid, 'failed', { reason: 'late' }))).status).toBe(204);
      expect(await row(id)).toEqual(first);
    });

    it('is order-tolerant: delivered before the worker wrote SENT stays, failed stays failed', async () => {
      const a = gwId();
      const idA = await insertMessage('webhook', a, 'SENDING');
      expect((await post(receipt(a, 'delivered'))).status).toBe(204);
      expect((await post(receipt(a, 'sent'))).status).toBe(204);
      expect((await row(idA)).status).toBe('DELIVERED');

      const b = gwId();
      const idB = await insertMessage('webhook', b);
      expect((await post(receipt(b, 'undelivered', { reason: 'absent subscriber\n\u0007' }))).status).toBe(204);
      expect((await post(receipt(b, 'delivered'))).status).toBe(204);
      expect(await row(idB)).toMatchObject({ status: 'FAILED', failure_reason: 'webhook undelivered: absent subscriber' });
    });

    it('answers 401 with no detail to a missing, wrong or tampered signature, and changes nothing', async () => {
      const pmid = gwId();
      const id = await insertMessage('webhook', pmid);
      const body = receipt(pmid, 'delivered');
      const good = signedHeaders(body);
      const attempts: Record<string, string>[] = [
        { 'Content-Type': 'application/json' },
        { ...good, 'X-Twofold-Signature': '' },
        { 'Content-Type': 'application/json', 'X-Twofold-Signature': good['X-Twofold-Signature'] },
        signedHeaders(body, nowSeconds(), 'another-secret'),
        { ...good, 'X-Twofold-Signature': good['X-Twofold-Signature'].toUpperCase() },
        { ...good, 'X-Twofold-Signature': 'sha256=00' },
        { ...good, 'X-Twofold-Timestamp': String(nowSeconds() - 1) },
        { ...good, 'X-Twofold-Timestamp': `${nowSeconds()}.0` },
      ];
      for (const headers of attempts) {
        const res = await post(body, headers);
        expect(res.status).toBe(401);
        expect(await res.text()).not.toMatch(/signature|stale|secret|timestamp/i);
      }
      // signed over another body
      expect((await post(receipt(pmid, 'failed'), good)).status).toBe(401);
      expect((await row(id)).status).toBe('SENT');
    });

    it('refuses a timestamp more than 5 minutes away, in either direction', async () => {
      const pmid = gwId();
      const id = await insertMessage('webhook', pmid);
      const body = receipt(pmid, 'delivered');
      expect((await post(body, signedHeaders(body, nowSeconds() - 301))).status).toBe(401);
      expect((await post(body, signedHeaders(body, nowSeconds() + 301))).status).toBe(401);
      // a receipt signed now, arriving when our clock says 6 minutes later
      const headers = signedHeaders(body);
      api.clock.advance(360);
      expect((await post(body, headers)).status).toBe(401);
      expect((await row(id)).status).toBe('SENT');
      expect((await post(body, signedHeaders(body, nowSeconds() - 290))).status).toBe(204);
      expect((await row(id)).status).toBe('DELIVERED');
    });

    it('acknowledges the same signed request again (a replay) without applying it again', async () => {
      const pmid = gwId();
      const id = await insertMessage('webhook', pmid);
      const body = receipt(pmid, 'delivered');
      const headers = signedHeaders(body);
      const apply = jest.spyOn(api.app.get(SmsDeliveryReportsService), 'apply');
      try {
        expect((await post(body, headers)).status).toBe(204);
        expect((await post(body, headers)).status).toBe(204);
        expect((await post(body, headers)).status).toBe(204);
        expect(apply).toHaveBeenCalledTimes(1);
      } finally {
        apply.mockRestore();
      }
      expect((await row(id)).status).toBe('DELIVERED');
      const held = await api.pg.query(`SELECT expires_at FROM sms_receipt_replay`);
      expect(held.rows.length).toBeGreaterThanOrEqual(1);
    });

    it('applies concurrent copies of one signed request once; concurrent copies for an unknown id all stay retryable', async () => {
      const pmid = gwId();
      const id = await insertMessage('webhook', pmid);
      const body = receipt(pmid, 'delivered');
      const headers = signedHeaders(body);
      const apply = jest.spyOn(api.app.get(SmsDeliveryReportsService), 'apply');
      try {
        const answers = await Promise.all(Array.from({ length: 5 }, () => post(body, headers)));
        expect(answers.map((r) => r.status)).toEqual([204, 204, 204, 204, 204]);
        expect(apply).toHaveBeenCalledTimes(1);
      } finally {
        apply.mockRestore();
      }
      expect((await row(id)).status).toBe('DELIVERED');

      const unknown = receipt(gwId(), 'delivered');
      const unknownHeaders = signedHeaders(unknown);
      const misses = await Promise.all(Array.from({ length: 3 }, () => post(unknown, unknownHeaders)));
      expect(misses.map((r) => r.status)).toEqual([404, 404, 404]);
    });

    it('answers 404 to a correctly signed receipt for an unknown id, and takes the same request once the message exists', async () => {
      const pmid = gwId();
      const body = receipt(pmid, 'delivered');
      const headers = signedHeaders(body);
      expect((await post(body, headers)).status).toBe(404);
      // unsigned, the same unknown id is 401: no oracle without the secret
      expect((await post(body, { 'Content-Type': 'application/json' })).status).toBe(401);
      const id = await insertMessage('webhook', pmid);
      expect((await post(body, headers)).status).toBe(204);
      expect((await row(id)).status).toBe('DELIVERED');
      // another provider's message with the same id is not touched
      const twilioId = await insertMessage('twilio', 'gw-shared-id');
      expect((await post(receipt('gw-shared-id', 'delivered'))).status).toBe(404);
      expect((await row(twilioId)).status).toBe('SENT');
    });

    it('answers 400 to a correctly signed body that is not a receipt', async () => {
      for (const body of ['not json', '[]', '{}', JSON.stringify({ id: 'x', status: 'read' }), JSON.stringify({ id: 7, status: 'sent' }), JSON.stringify({ id: 'x', status: 'failed', reason: 3 }), JSON.stringify({ id: 'a b', status: 'sent' }), '']) {
        expect((await post(body)).status).toBe(400);
      }
    });

    it('answers 413 to a body over 4 KiB, signed or not', async () => {
      const body = receipt(gwId(), 'delivered', { reason: 'x'.repeat(5000) });
      expect((await post(body)).status).toBe(413);
      expect((await post(body, { 'Content-Type': 'application/json' })).status).toBe(413);
      // the API's JSON endpoints keep their own limit
      expect((await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) })).status).toBe(200);
    });

    it('takes the fake gateway’s signed receipts end to end (sent, then delivered; undelivered)', async () => {
      const send = (to: string) =>
        fetch(`${gateway.url}/webhook/sms`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ id: randomUUID(), to, body: 'hi', statusCallback: `${api.url}/webhooks/sms/webhook` }),
        });
      // The gateway checks the worker's send signature; unsigned here, so it refuses.
      expect((await send('+447700900123')).status).toBe(401);
      const signedSend = async (to: string) => {
        const body = JSON.stringify({ id: randomUUID(), to, body: 'hi', statusCallback: `${api.url}/webhooks/sms/webhook` });
        const { createHmac } = await import('node:crypto');
        const res = await fetch(`${gateway.url}/webhook/sms`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Twofold-Signature': 'sha256=' + createHmac('sha256', SECRET).update(body).digest('hex') },
          body,
        });
        expect(res.status).toBe(200);
        return ((await res.json()) as { id: string }).id;
      };
      // The gateway's clock is real time; keep ours on it.
      api.clock.advance(-Math.round((api.clock.now().getTime() - Date.now()) / 1000));
      const pmid = await signedSend('+447700900124');
      const id = await insertMessage('webhook', pmid);
      await gateway.idle();
      expect((await row(id)).status).toBe('DELIVERED');
      expect(gateway.messages.at(-1)?.callbacks.map((c) => [c.status, c.httpStatus])).toEqual([
        ['sent', 204],
        ['delivered', 204],
      ]);

      gateway.control({ finalStatus: 'undelivered', errorCode: '30005' });
      try {
        const failed = await signedSend('+447700900125');
        const failedId = await insertMessage('webhook', failed);
        await gateway.idle();
        expect(await row(failedId)).toMatchObject({ status: 'FAILED', failure_reason: 'webhook undelivered: error 30005' });
      } finally {
        gateway.reset();
      }
    });
  });

  describe('Twilio: the HMAC-SHA256 variant (X-Twilio-Webhooks-Signature-Settings)', () => {
    const url = () => `${api.config.publicApiUrl}/webhooks/sms/twilio`;
    const report = (sid: string, status: string) => ({ AccountSid: 'ACreceipts', MessageSid: sid, MessageStatus: status });
    const post = (params: Record<string, string>, headers: Record<string, string>) =>
      fetch(`${api.url}/webhooks/sms/twilio`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(params).toString(),
      });
    const SETTINGS = 'key=KS0123456789abcdef0123456789abcdef,algorithm=HMAC_SHA256';

    it('accepts HMAC-SHA256 with the SharedKey when the settings header says so, and SHA-1 with the auth token without it', async () => {
      const sid = 'SM' + randomUUID().replace(/-/g, '');
      const id = await insertMessage('twilio', sid);
      const sent = report(sid, 'sent');
      expect((await post(sent, { 'X-Twilio-Signature': twilioSignature(TWILIO_TOKEN, url(), sent) })).status).toBe(204);
      const delivered = report(sid, 'delivered');
      const sig256 = twilioSignature(SHARED_KEY, url(), delivered, 'sha256');
      expect(Buffer.from(sig256, 'base64')).toHaveLength(32);
      expect((await post(delivered, { 'X-Twilio-Signature': sig256, 'X-Twilio-Webhooks-Signature-Settings': SETTINGS })).status).toBe(204);
      expect((await row(id)).status).toBe('DELIVERED');
    });

    it('refuses SHA-256 without the settings header, the auth token under it, and an algorithm it does not know', async () => {
      const sid = 'SM' + randomUUID().replace(/-/g, '');
      const id = await insertMessage('twilio', sid);
      const p = report(sid, 'delivered');
      const cases: Record<string, string>[] = [
        { 'X-Twilio-Signature': twilioSignature(SHARED_KEY, url(), p, 'sha256') },
        { 'X-Twilio-Signature': twilioSignature(TWILIO_TOKEN, url(), p, 'sha256'), 'X-Twilio-Webhooks-Signature-Settings': SETTINGS },
        { 'X-Twilio-Signature': twilioSignature(TWILIO_TOKEN, url(), p), 'X-Twilio-Webhooks-Signature-Settings': SETTINGS },
        { 'X-Twilio-Signature': twilioSignature(SHARED_KEY, url(), p, 'sha256'), 'X-Twilio-Webhooks-Signature-Settings': 'key=KS1,algorithm=HMAC_MD5' },
        { 'X-Twilio-Webhooks-Signature-Settings': SETTINGS },
      ];
      for (const headers of cases) expect((await post(p, headers)).status).toBe(403);
      expect((await row(id)).status).toBe('SENT');
    });
  });

  describe('Twilio: JSON bodies signed through bodySHA256', () => {
    const url = () => `${api.config.publicApiUrl}/webhooks/sms/twilio`;
    const post = (body: string, query: string, headers: Record<string, string>) =>
      fetch(`${api.url}/webhooks/sms/twilio${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

    it('accepts the hash and the URL signature (SHA-1, and SHA-256 with the SharedKey); refuses a changed body, no hash, or a signature without it', async () => {
      const sid = 'SM' + randomUUID().replace(/-/g, '');
      const id = await insertMessage('twilio', sid);
      const body = JSON.stringify({ AccountSid: 'ACreceipts', MessageSid: sid, MessageStatus: 'delivered' });
      const q = `?bodySHA256=${twilioBodyHash(body)}`;
      const sig = twilioSignature(TWILIO_TOKEN, url() + q, {});
      expect((await post(body.replace('delivered', 'failed'), q, { 'X-Twilio-Signature': sig })).status).toBe(403);
      expect((await post(body, '', { 'X-Twilio-Signature': twilioSignature(TWILIO_TOKEN, url(), {}) })).status).toBe(403);
      expect((await post(body, q, { 'X-Twilio-Signature': twilioSignature(TWILIO_TOKEN, url(), {}) })).status).toBe(403);
      expect((await post(body, q, {})).status).toBe(403);
      expect((await row(id)).status).toBe('SENT');
      expect((await post(body, q, { 'X-Twilio-Signature': sig })).status).toBe(204);
      expect((await row(id)).status).toBe('DELIVERED');

      const sid2 = 'SM' + randomUUID().replace(/-/g, '');
      const id2 = await insertMessage('twilio', sid2);
      const body2 = JSON.stringify({ MessageSid: sid2, MessageStatus: 'undelivered', ErrorCode: 30003 });
      const q2 = `?bodySHA256=${twilioBodyHash(body2)}`;
      const headers2 = {
        'X-Twilio-Signature': twilioSignature(SHARED_KEY, url() + q2, {}, 'sha256'),
        'X-Twilio-Webhooks-Signature-Settings': 'key=KS0123456789abcdef0123456789abcdef,algorithm=HMAC_SHA256',
      };
      expect((await post(body2, q2, headers2)).status).toBe(204);
      expect(await row(id2)).toMatchObject({ status: 'FAILED', failure_reason: 'twilio undelivered (error 30003): Unreachable destination handset' });

      const arr = '[1]';
      const q3 = `?bodySHA256=${twilioBodyHash(arr)}`;
      expect((await post(arr, q3, { 'X-Twilio-Signature': twilioSignature(TWILIO_TOKEN, url() + q3, {}) })).status).toBe(400);
    });
  });

  describe('OVHcloud: GET/POST /webhooks/sms/ovh?m=&t= (the job’s callBack), confirmed by reading the SMS back', () => {
    const ovhUrl = (messageId: string, params: Record<string, string>, token = ovhCallbackToken(api.config.appSecret, messageId)) =>
      `${api.url}/webhooks/sms/ovh?${new URLSearchParams({ m: messageId, t: token, ...params }).toString()}`;
    const jobsUrl = () => `${gateway.url}/1.0/sms/sms-test-1/jobs`;

    /** A job posted to the OVHcloud stand-in as the worker posts it (signed X-Ovh-*). */
    async function ovhJob(job: Record<string, unknown>, appSecret = OVH.appSecret): Promise<Response> {
      const body = JSON.stringify({ message: 'hi', receivers: ['+33612345678'], sender: 'Twofold', noStopClause: true, priority: 'high', ...job });
      const ts = Math.floor(Date.now() / 1000);
      return fetch(jobsUrl(), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Ovh-Application': OVH.appKey,
          'X-Ovh-Consumer': OVH.consumerKey,
          'X-Ovh-Timestamp': String(ts),
          'X-Ovh-Signature': ovhSignature(appSecret, OVH.consumerKey, 'POST', jobsUrl(), body, ts),
        },
        body,
      });
    }
    /** An SMS the stand-in took (no callBack: the test sends the reports) and its sms_message row. */
    async function ovhSent(control: Parameters<FakeSmsGateway['control']>[0] = {}): Promise<{ id: string; pmid: string }> {
      gateway.control(control);
      try {
        const { ids } = (await (await ovhJob({})).json()) as { ids: number[] };
        const pmid = String(ids[0]);
        const id = await insertMessage('ovh', pmid);
        await gateway.idle();
        return { id, pmid };
      } finally {
        gateway.reset();
      }
    }

    it('applies what OVHcloud confirms; the same report again and late or contrary claims change nothing', async () => {
      const { id, pmid } = await ovhSent();
      expect((await fetch(ovhUrl(id, { id: pmid, dlr: '1', description: 'Delivered' }))).status).toBe(200);
      const first = await row(id);
      expect(first.status).toBe('DELIVERED');
      expect((await fetch(ovhUrl(id, { id: pmid, dlr: '1' }))).status).toBe(200);
      expect((await fetch(ovhUrl(id, { id: pmid, dlr: '8' }))).status).toBe(200);
      expect((await fetch(ovhUrl(id, { id: pmid, dlr: '2' }))).status).toBe(200);
      expect(await row(id)).toEqual(first);
    });

    it('maps a confirmed not-delivered report to FAILED, also as a form POST', async () => {
      const { id, pmid } = await ovhSent({ finalStatus: 'undelivered' });
      const res = await fetch(`${api.url}/webhooks/sms/ovh?m=${id}&t=${ovhCallbackToken(api.config.appSecret, id)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id: pmid, dlr: '2', description: 'Refused by operator' }).toString(),
      });
      expect(res.status).toBe(200);
      expect(await row(id)).toMatchObject({ status: 'FAILED', failure_reason: 'ovh not delivered (dlr 2): Refused by operator' });
    });

    it('does not apply a claim OVHcloud does not confirm (still on its way, or unknown to OVHcloud)', async () => {
      const { id, pmid } = await ovhSent({ finalStatus: 'none' });
      expect((await fetch(ovhUrl(id, { id: pmid, dlr: '1' }))).status).toBe(200);
      expect((await fetch(ovhUrl(id, { id: pmid, dlr: '2' }))).status).toBe(200);
      expect((await row(id)).status).toBe('SENT');
      const unknown = await insertMessage('ovh', '999999999');
      expect((await fetch(ovhUrl(unknown, { id: '999999999', dlr: '1' }))).status).toBe(200);
      expect((await row(unknown)).status).toBe('SENT');
    });

    it('answers 503 when OVHcloud cannot be asked, and applies nothing', async () => {
      const { id, pmid } = await ovhSent();
      gateway.control({ fail: '500' });
      try {
        expect((await fetch(ovhUrl(id, { id: pmid, dlr: '1' }))).status).toBe(503);
      } finally {
        gateway.reset();
      }
      expect((await row(id)).status).toBe('SENT');
      expect((await fetch(ovhUrl(id, { id: pmid, dlr: '1' }))).status).toBe(200);
      expect((await row(id)).status).toBe('DELIVERED');
    });

    it('answers 401 without the right token, 404 for another job id, 400 without id or dlr', async () => {
      const id = await insertMessage('ovh', '219263526');
      const other = await insertMessage('ovh', '219263527');
      const report = { id: '219263526', dlr: '1' };
      expect((await fetch(`${api.url}/webhooks/sms/ovh?${new URLSearchParams({ m: id, ...report })}`)).status).toBe(401);
      expect((await fetch(ovhUrl(id, report, 'A'.repeat(43)))).status).toBe(401);
      expect((await fetch(ovhUrl(id, report, ovhCallbackToken(api.config.appSecret, other)))).status).toBe(401);
      expect((await fetch(ovhUrl(id, report, ovhCallbackToken('another-app-secret-0123456789-abcdef', id)))).status).toBe(401);
      expect((await fetch(ovhUrl('not-a-uuid', report, ovhCallbackToken(api.config.appSecret, 'not-a-uuid')))).status).toBe(401);
      expect((await fetch(ovhUrl(other, report))).status).toBe(404);
      expect((await fetch(ovhUrl(randomUUID(), report))).status).toBe(404);
      expect((await fetch(ovhUrl(id, { id: '219263526' }))).status).toBe(400);
      expect((await fetch(ovhUrl(id, { dlr: '1' }))).status).toBe(400);
      expect((await row(id)).status).toBe('SENT');
      expect((await row(other)).status).toBe('SENT');
    });

    it('takes the OVHcloud stand-in’s reports end to end, and its outgoing status agrees', async () => {
      const messageId = randomUUID();
      const callBack = ovhCallbackUrl(api.url, api.config.appSecret, messageId);
      expect((await ovhJob({ callBack }, 'wrong-secret')).status).toBe(403);
      const res = await ovhJob({ callBack });
      expect(res.status).toBe(200);
      const { ids } = (await res.json()) as { ids: number[] };
      await api.pg.query(
        `INSERT INTO sms_message (id, phone_number, purpose, locale, body_sealed, status, provider, provider_message_id, attempts, created_at, updated_at, sent_at)
         VALUES ($1, '+33612345678', 'LOGIN', 'en', 'v1.x.y.z', 'SENT', 'ovh', $2, 1, now(), now(), now())`,
        [messageId, String(ids[0])],
      );
      await gateway.idle();
      expect((await row(messageId)).status).toBe('DELIVERED');
      expect(gateway.messages.at(-1)?.callbacks.map((c) => [c.status, c.httpStatus])).toEqual([
        ['sent', 200],
        ['delivered', 200],
      ]);
    });
  });
});

describe('OVHcloud reports on an API without OVH_* credentials', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('trusts the token-verified report (it cannot read the SMS back)', async () => {
    const id = randomUUID();
    await api.pg.query(
      `INSERT INTO sms_message (id, phone_number, purpose, locale, body_sealed, status, provider, provider_message_id, attempts, created_at, updated_at, sent_at)
       VALUES ($1, '+33612345678', 'LOGIN', 'en', 'v1.x.y.z', 'SENT', 'ovh', '219263600', 1, now(), now(), now())`,
      [id],
    );
    const url = `${api.url}/webhooks/sms/ovh?${new URLSearchParams({ m: id, t: ovhCallbackToken(api.config.appSecret, id), id: '219263600', dlr: '1' })}`;
    expect((await fetch(url)).status).toBe(200);
    const { rows } = await api.pg.query(`SELECT status FROM sms_message WHERE id = $1`, [id]);
    expect(rows[0].status).toBe('DELIVERED');
  });
});
