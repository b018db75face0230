import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { twilioSignature } from '@twofold/sms-queue';
import { INBOX_PAGE } from './inbox-page';
import {
  type FakeProvider,
  ovhDlrOf,
  ovhRequestSigned,
  type OvhStandInCredentials,
  receiptRequest,
  webhookSendSigned,
} from './receipt-senders';
import { createFakeCall, type FakeCall } from './twilio-voice-stand-in';
import { checkVonageSend, vonageAccepted, vonageReceiptRequest, vonageRefused, type VonageStandInCredentials } from './vonage-stand-in';

/**
 * A Twilio-compatible SMS gateway for development and end-to-end tests. It implements the one
 * call the worker makes (Messages create), answers exactly like Twilio, keeps an inbox, posts
 * signed status callbacks (sent, then delivered) and can be told to fail. Tests start it
 * in-process through @twofold/testing; `tools/fake-sms-gateway` is the runnable dev server.
 *
 *   POST /2010-04-01/Accounts/{sid}/Messages.json   Twilio's Messages API (Basic auth)
 *   POST /webhook/sms                               a `webhook`-provider gateway: {id,to,body,statusCallback};
 *                                                   signed receipts (X-Twofold-Timestamp/-Signature) to statusCallback
 *   POST /1.0/sms/{service}/jobs                    OVHcloud stand-in (X-Ovh-* signature checked when `ovh` is set);
 *                                                   delivery reports (GET callBack?id&dlr&description&date)
 *   GET  /1.0/sms/{service}/outgoing/{id}           OVHcloud stand-in: the message's deliveryReceipt (polling)
 *   POST /2010-04-01/Accounts/{sid}/Calls.json      Twilio's Calls API ("Call me instead"): records the call and what
 *                                                   its TwiML says (twilio-voice-stand-in.ts); GET/DELETE /__calls
 *   POST /sms/json                                  Vonage SMS API stand-in (api_key + api_secret or sig); signed
 *                                                   delivery receipts (form POST) to each message's `callback`
 *   GET  /                                          phone-like inbox page (live via /__events, polling as a fallback)
 *   GET  /__events                                  server-sent events: `change` whenever the inbox changes
 *   GET  /__messages[?to=+44...]                    the inbox as JSON
 *   DELETE /__messages                              empties the inbox
 *   POST /__control  {fail, times, retryAfter, delayMs, finalStatus, errorCode, callbacks, byProvider}   see GatewayControl
 *   POST /__reset                                   normal behaviour again
 */

export type FailMode = 'none' | '500' | '429' | 'invalid-number' | 'auth';

export interface GatewayControl {
  /** Answer the next `times` requests (all when omitted) with this failure. */
  fail?: FailMode;
  times?: number;
  /** The `Retry-After` of a `429` failure: seconds or an HTTP date (default "1"); null: no header. */
  retryAfter?: string | null;
  /** Wait this long before answering (the message is already in the inbox: Twilio accepted it). */
  delayMs?: number;
  /** Last status callback: delivered (default), undelivered or failed (with errorCode, e.g. 30003); none: the message stays sent, no final report ever comes. */
  finalStatus?: 'delivered' | 'undelivered' | 'failed' | 'none';
  errorCode?: string;
  /** Send status callbacks at all (default true). */
  callbacks?: boolean;
  /**
   * The same settings for one side only, over the ones above: the gateway then plays two providers
   * that behave differently (e.g. `{"byProvider": {"webhook": {"finalStatus": "undelivered"}}}`
   * while OVHcloud delivers), for the receipt-driven fallback's tests.
   */
  byProvider?: Partial<Record<FakeProvider, Omit<GatewayControl, 'byProvider'>>>;
}

export interface CallbackRecord {
  status: string;
  httpStatus: number | null;
  attempts: number;
}

export interface FakeSms {
  /** Which API the message came in by; its receipts go back the same provider's way. */
  provider: FakeProvider;
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  statusCallback: string | null;
  dateCreated: string;
  callbacks: CallbackRecord[];
}

export interface FakeSmsGatewayOptions {
  port?: number;
  host?: string;
  /** Auth token clients must present, and the key of X-Twilio-Signature on callbacks. */
  authToken: string;
  /** When set, only this account SID is accepted. */
  accountSid?: string;
  /** Key of the `webhook` provider's receipts (SMS_WEBHOOK_SECRET); receipts go unsigned without it. */
  webhookSecret?: string;
  /** OVHcloud credentials the stand-in checks the X-Ovh-* signature against (not checked when absent). */
  ovh?: OvhStandInCredentials;
  /** Vonage credentials the stand-in checks (any key is accepted when absent) and signs receipts with. */
  vonage?: VonageStandInCredentials;
  /** Delay before each status callback (default 30 ms). */
  callbackDelayMs?: number;
  log?: (line: string) => void;
}

export interface FakeSmsGateway {
  url: string;
  port: number;
  messages: FakeSms[];
  /** Calls placed through the Calls API stand-in, oldest first. */
  calls: FakeCall[];
  /** Send requests received per provider side, failed ones included (reset() empties it). */
  requests: Partial<Record<FakeProvider, number>>;
  control(c: GatewayControl): void;
  reset(): void;
  /** Resolves when the inbox holds at least `count` messages (optionally matching). */
  waitForMessages(count: number, opts?: { timeoutMs?: number; filter?: (m: FakeSms) => boolean }): Promise<FakeSms[]>;
  /** Resolves when at least `count` calls (optionally matching) were placed. */
  waitForCalls(count: number, opts?: { timeoutMs?: number; filter?: (c: FakeCall) => boolean }): Promise<FakeCall[]>;
  /** Resolves when every status callback has been posted. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const E164 = /^\+[1-9][0-9]{6,14}$/;

function twilioError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function retryAfterHeader(c: GatewayControl): Record<string, string> {
  return c.retryAfter === null ? {} : { 'Retry-After': c.retryAfter ?? '1' };
}

export async function startFakeSmsGateway(options: FakeSmsGatewayOptions): Promise<FakeSmsGateway> {
  const messages: FakeSms[] = [];
  const calls: FakeCall[] = [];
  const log = options.log ?? (() => undefined);
  const callbackDelayMs = options.callbackDelayMs ?? 30;
  let control: GatewayControl = {};
  /** The control of one side: the general one, overridden by its `byProvider` entry. */
  const controlFor = (provider: FakeProvider): GatewayControl => ({ ...control, ...(control.byProvider?.[provider] ?? {}) });
  let failuresLeft = Infinity;
  const requests: Partial<Record<FakeProvider, number>> = {};
  const count = (provider: FakeProvider) => (requests[provider] = (requests[provider] ?? 0) + 1);
  const pending = new Set<Promise<void>>();
  const waiters = new Set<() => void>();
  let closed = false;

  const streams = new Set<ServerResponse>();
  const notify = () => {
    waiters.forEach((w) => w());
    // The inbox page listens on /__events and refetches /__messages on each event.
    for (const res of streams) res.write(`event: change\ndata: ${messages.length}\n\n`);
  };

  async function postCallback(sms: FakeSms, status: string, errorCode?: string): Promise<void> {
    if (!sms.statusCallback) return;
    if (sms.provider !== 'twilio') return postOtherReceipt(sms, sms.provider, sms.statusCallback, status, errorCode);
    const params: Record<string, string> = {
      AccountSid: sms.accountSid,
      ApiVersion: '2010-04-01',
      From: sms.from,
      MessageSid: sms.sid,
      MessageStatus: status,
      SmsSid: sms.sid,
      SmsStatus: status,
      To: sms.to,
    };
    if (errorCode) params['ErrorCode'] = errorCode;
    const record: CallbackRecord = { status, httpStatus: null, attempts: 0 };
    sms.callbacks.push(record);
    if (!(await postTwilioSigned(sms.statusCallback, params, record))) {
      log(`fake-sms-gateway: status callback ${status} for ${sms.sid} not accepted (last HTTP ${record.httpStatus})`);
    }
  }

  /**
   * A form POST signed as Twilio signs its callbacks (X-Twilio-Signature over the URL and the sorted
   * parameters), retried a few times on errors: the worker may record the sid a moment after our
   * 201. True once it was accepted; `record` follows the attempts.
   */
  async function postTwilioSigned(url: string, params: Record<string, string>, record: Omit<CallbackRecord, 'status'> = { httpStatus: null, attempts: 0 }): Promise<boolean> {
    for (let attempt = 1; attempt <= 6 && !closed; attempt++) {
      record.attempts = attempt;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-Twilio-Signature': twilioSignature(options.authToken, url, params),
            'User-Agent': 'TwilioProxy/1.1',
          },
          body: new URLSearchParams(params).toString(),
          signal: AbortSignal.timeout(5000),
        });
        await res.arrayBuffer().catch(() => undefined);
        record.httpStatus = res.status;
        if (res.ok) return true;
      } catch {
        record.httpStatus = null;
      }
      await sleep(100 * 2 ** attempt);
    }
    return false;
  }

  async function postOtherReceipt(
    sms: FakeSms,
    provider: 'webhook' | 'ovh' | 'vonage',
    callback: string,
    status: string,
    errorCode?: string,
  ): Promise<void> {
    const record: CallbackRecord = { status, httpStatus: null, attempts: 0 };
    sms.callbacks.push(record);
    for (let attempt = 1; attempt <= 6 && !closed; attempt++) {
      record.attempts = attempt;
      try {
        // Signed afresh each attempt (a new timestamp), as a real sender retries.
        const { url, init } =
          provider === 'vonage'
            ? vonageReceiptRequest(options.vonage, { ...sms, statusCallback: callback }, status, errorCode)
            : receiptRequest(provider, { sid: sms.sid, statusCallback: callback }, status, errorCode, options.webhookSecret);
        const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer().catch(() => undefined);
        record.httpStatus = res.status;
        if (res.ok) return;
      } catch {
        record.httpStatus = null;
      }
      await sleep(100 * 2 ** attempt);
    }
    log(`fake-sms-gateway: ${provider} receipt ${status} for ${sms.sid} not accepted (last HTTP ${record.httpStatus})`);
  }

  /** Answers a configured failure for the webhook and OVHcloud sides; true when it did. */
  function failOther(res: ServerResponse, provider?: FakeProvider): boolean {
    const c = provider ? controlFor(provider) : control;
    if (!c.fail || c.fail === 'none' || failuresLeft <= 0) return false;
    failuresLeft--;
    const status = c.fail === '500' ? 500 : c.fail === '429' ? 429 : c.fail === 'auth' ? 403 : 400;
    res.writeHead(status, { 'Content-Type': 'application/json', ...(status === 429 ? retryAfterHeader(c) : {}) });
    res.end(JSON.stringify({ message: `fake failure ${c.fail}` }));
    return true;
  }

  function accept(provider: FakeProvider, sid: string, to: string, body: string, callback: string | null): FakeSms {
    const sms: FakeSms = {
      provider,
      sid,
      accountSid: provider,
      to,
      from: provider,
      body,
      status: 'queued',
      statusCallback: callback,
      dateCreated: new Date().toISOString(),
      callbacks: [],
    };
    messages.push(sms);
    notify();
    return sms;
  }

  async function webhookSend(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (!webhookSendSigned(options.webhookSecret, req.headers, raw))
      return void res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"bad signature"}');
    count('webhook');
    if (failOther(res, 'webhook')) return;
    let msg: { id?: unknown; to?: unknown; body?: unknown; statusCallback?: unknown };
    try {
      msg = JSON.parse(raw) as typeof msg;
    } catch {
      return void res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"message":"JSON expected"}');
    }
    if (typeof msg.to !== 'string' || !E164.test(msg.to) || typeof msg.body !== 'string' || !msg.body)
      return void res.writeHead(422, { 'Content-Type': 'application/json' }).end('{"message":"to and body expected"}');
    const c = controlFor('webhook');
    const sms = accept('webhook', 'wh-' + randomBytes(12).toString('hex'), msg.to, msg.body, typeof msg.statusCallback === 'string' ? msg.statusCallback : null);
    if (c.delayMs) await sleep(c.delayMs);
    if (!res.destroyed) res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: sms.sid }));
    scheduleCallbacks(sms, c);
  }

  async function vonageSend(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let form: Record<string, string>;
    try {
      form = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as Record<string, string>) : Object.fromEntries(new URLSearchParams(raw));
    } catch {
      return void res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"title":"Bad Request"}');
    }
    count('vonage');
    if (failOther(res)) return;
    const verdict = checkVonageSend(options.vonage, form);
    // Vonage answers 200 with the verdict in messages[0].status, refusals included.
    if (!verdict.ok) return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(vonageRefused(verdict.status, verdict.errorText)));
    const c = control;
    const sms = accept('vonage', randomBytes(8).toString('hex').toUpperCase() + '1', verdict.to, verdict.text, verdict.callback);
    if (c.delayMs) await sleep(c.delayMs);
    if (!res.destroyed) res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(vonageAccepted(sms.sid, sms.to, verdict.clientRef)));
    scheduleCallbacks(sms, c);
  }

  let ovhNextId = 200000000 + Math.floor(Math.random() * 1000000);
  async function ovhJob(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const fullUrl = `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? ''}`;
    if (!ovhRequestSigned(options.ovh, req.headers, 'POST', fullUrl, raw))
      return void res
        .writeHead(403, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ errorCode: 'INVALID_SIGNATURE', httpCode: '403 Forbidden', message: 'Invalid signature' }));
    count('ovh');
    if (failOther(res, 'ovh')) return;
    let job: { message?: unknown; receivers?: unknown; callBack?: unknown };
    try {
      job = JSON.parse(raw) as typeof job;
    } catch {
      return void res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"message":"Invalid JSON"}');
    }
    const to = Array.isArray(job.receivers) ? job.receivers[0] : undefined;
    if (typeof to !== 'string' || !E164.test(to))
      return void res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ totalCreditsRemoved: 0, invalidReceivers: [to], ids: [], validReceivers: [], tag: '' }));
    if (typeof job.message !== 'string' || !job.message)
      return void res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"message":"Missing message"}');
    const c = controlFor('ovh');
    const sms = accept('ovh', String(ovhNextId++), to, job.message, typeof job.callBack === 'string' ? job.callBack : null);
    if (c.delayMs) await sleep(c.delayMs);
    if (!res.destroyed)
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ totalCreditsRemoved: 1, invalidReceivers: [], ids: [Number(sms.sid)], validReceivers: [to], tag: '' }));
    scheduleCallbacks(sms, c);
  }

  function ovhOutgoing(res: ServerResponse, id: string): void {
    const sms = messages.find((m) => m.provider === 'ovh' && m.sid === id);
    if (!sms)
      return void res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ message: `The requested object (id = ${id}) does not exist` }));
    const dlr = sms.status === 'queued' ? '4' : ovhDlrOf(sms.status);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({ id: Number(sms.sid), receiver: sms.to, message: sms.body, creationDatetime: sms.dateCreated, deliveryReceipt: Number(dlr) }),
    );
  }

  /** The message moves on (sent, then delivered or the configured final status) like Twilio's; callbacks when asked for. */
  function scheduleCallbacks(sms: FakeSms, c: GatewayControl): void {
    const final = c.finalStatus ?? 'delivered';
    const post = c.callbacks !== false && !!sms.statusCallback;
    const job = (async () => {
      await sleep(callbackDelayMs);
      sms.status = 'sent';
      notify();
      if (post) await postCallback(sms, 'sent');
      if (final === 'none') return;
      await sleep(callbackDelayMs);
      sms.status = final;
      notify();
      if (post) await postCallback(sms, final, final === 'delivered' ? undefined : (c.errorCode ?? '30003'));
    })();
    pending.add(job);
    void job.finally(() => pending.delete(job));
  }

  /** Twilio's HTTP Basic auth (account SID : auth token) for the account of the path. */
  function twilioAuthorized(req: IncomingMessage, accountSid: string): boolean {
    const auth = req.headers['authorization'] ?? '';
    const [user, pass] = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':') : [];
    return !!user && pass === options.authToken && user === accountSid && (!options.accountSid || user === options.accountSid);
  }

  /** Answers the configured Twilio failure (Messages and Calls alike); true when it did. */
  function twilioFailure(res: ServerResponse, c: GatewayControl, form: Record<string, string>): boolean {
    if (!c.fail || c.fail === 'none' || failuresLeft <= 0) return false;
    failuresLeft--;
    if (c.fail === '500') twilioError(res, 500, 20500, 'Internal Server Error');
    else if (c.fail === '429') twilioError(res, 429, 20429, 'Too Many Requests', retryAfterHeader(c));
    else if (c.fail === 'auth') twilioError(res, 401, 20003, 'Authenticate');
    else if (c.fail === 'invalid-number') twilioError(res, 400, 21211, `The 'To' number ${form['To'] ?? ''} is not a valid phone number.`);
    else return false;
    return true;
  }

  async function createMessage(req: IncomingMessage, res: ServerResponse, accountSid: string): Promise<void> {
    if (!twilioAuthorized(req, accountSid)) return twilioError(res, 401, 20003, 'Authenticate');
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    count('twilio');
    const c = controlFor('twilio');
    if (twilioFailure(res, c, form)) return;
    if (!form['To'] || !E164.test(form['To']))
      return twilioError(res, 400, 21211, `The 'To' number ${form['To'] ?? ''} is not a valid phone number.`);
    if (!form['From']) return twilioError(res, 400, 21603, "A 'From' phone number is required.");
    if (!form['Body']) return twilioError(res, 400, 21602, 'Message body is required.');

    const sms: FakeSms = {
      provider: 'twilio',
      sid: 'SM' + randomBytes(16).toString('hex'),
      accountSid,
      to: form['To'],
      from: form['From'],
      body: form['Body'],
      status: 'queued',
      statusCallback: form['StatusCallback'] || null,
      dateCreated: new Date().toISOString(),
      callbacks: [],
    };
    messages.push(sms);
    notify();
    if (c.delayMs) await sleep(c.delayMs);
    if (!res.destroyed) {
      const now = new Date(sms.dateCreated).toUTCString();
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          account_sid: accountSid,
          api_version: '2010-04-01',
          body: sms.body,
          date_created: now,
          date_sent: null,
          date_updated: now,
          direction: 'outbound-api',
          error_code: null,
          error_message: null,
          from: sms.from,
          messaging_service_sid: null,
          num_media: '0',
          num_segments: '1',
          price: null,
          price_unit: 'USD',
          sid: sms.sid,
          status: 'queued',
          subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sms.sid}/Media.json` },
          to: sms.to,
          uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sms.sid}.json`,
        }),
      );
    }
    scheduleCallbacks(sms, c);
  }

  /** Calls.json: Twilio's Basic auth and the configured Twilio failures, then the stand-in. */
  async function createCall(req: IncomingMessage, res: ServerResponse, accountSid: string): Promise<void> {
    if (!twilioAuthorized(req, accountSid)) return twilioError(res, 401, 20003, 'Authenticate');
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    const c = controlFor('twilio');
    if (twilioFailure(res, c, form)) return;
    const before = calls.length;
    createFakeCall(res, accountSid, form, calls, twilioError, notify);
    if (calls.length > before) finishCall(calls[calls.length - 1], c);
  }

  /**
   * A moment later the call ends as told (`finalStatus`: delivered → completed, undelivered or
   * failed → no-answer, none → no report) and, like Twilio, its final status is posted signed to
   * the call's StatusCallback (CallSid, CallStatus; retried on errors).
   */
  function finishCall(call: FakeCall, c: GatewayControl): void {
    if (c.finalStatus === 'none') return;
    const job = (async () => {
      await sleep(callbackDelayMs);
      call.status = c.finalStatus === 'failed' || c.finalStatus === 'undelivered' ? 'no-answer' : 'completed';
      notify();
      if (!call.statusCallback || c.callbacks === false) return;
      const params: Record<string, string> = { AccountSid: call.accountSid, ApiVersion: '2010-04-01', CallSid: call.sid, CallStatus: call.status, Direction: 'outbound-api', From: call.from, To: call.to };
      if (!(await postTwilioSigned(call.statusCallback, params))) log(`fake-sms-gateway: call status ${call.status} for ${call.sid} not accepted`);
    })();
    pending.add(job);
    void job.finally(() => pending.delete(job));
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const handle = async () => {
      const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
      if (m && req.method === 'POST') return createMessage(req, res, decodeURIComponent(m[1]));
      const call = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\.json$/.exec(path);
      if (call && req.method === 'POST') return createCall(req, res, decodeURIComponent(call[1]));
      if (path === '/__calls' && req.method === 'GET') {
        const to = url.searchParams.get('to');
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        return void res.end(JSON.stringify({ calls: to ? calls.filter((x) => x.to === to) : calls }));
      }
      if (path === '/__calls' && req.method === 'DELETE') {
        calls.splice(0);
        notify();
        return void res.writeHead(204).end();
      }
      if (path === '/webhook/sms' && req.method === 'POST') return webhookSend(req, res);
      if (path === '/sms/json' && req.method === 'POST') return vonageSend(req, res);
      if (/^\/1\.0\/sms\/[^/]+\/jobs$/.test(path) && req.method === 'POST') return ovhJob(req, res);
      const outgoing = /^\/1\.0\/sms\/[^/]+\/outgoing\/([0-9]+)$/.exec(path);
      if (outgoing && req.method === 'GET') {
        if (!ovhRequestSigned(options.ovh, req.headers, 'GET', `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? ''}`, ''))
          return void res.writeHead(403, { 'Content-Type': 'application/json' }).end('{"errorCode":"INVALID_SIGNATURE"}');
        if (failOther(res, 'ovh')) return;
        return ovhOutgoing(res, outgoing[1]);
      }
      if (path === '/' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end(INBOX_PAGE);
      }
      if (path === '/__events' && req.method === 'GET') {
        res.writeHead(200, {
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        res.write(`retry: 1000\nevent: change\ndata: ${messages.length}\n\n`);
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (path === '/__messages' && req.method === 'GET') {
        const to = url.searchParams.get('to');
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        return void res.end(JSON.stringify({ messages: to ? messages.filter((x) => x.to === to) : messages }));
      }
      if (path === '/__messages' && req.method === 'DELETE') {
        // The whole inbox: SMS and calls.
        messages.splice(0);
        calls.splice(0);
        notify();
        return void res.writeHead(204).end();
      }
      if (path === '/__control' && req.method === 'POST') {
        const body = await readBody(req);
        try {
          api.control(body ? (JSON.parse(body) as GatewayControl) : {});
        } catch {
          return void res
            .writeHead(400, { 'Content-Type': 'application/json' })
            .end(JSON.stringify({ error: 'JSON body expected' }));
        }
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ control }));
      }
      if (path === '/__reset' && req.method === 'POST') {
        api.reset();
        return void res.writeHead(204).end();
      }
      twilioError(res, 404, 20404, 'The requested resource was not found');
    };
    handle().catch((err: Error) => {
      log(`fake-sms-gateway: ${err.message}`);
      if (!res.headersSent) twilioError(res, 500, 20500, 'Internal Server Error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const api: FakeSmsGateway = {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    port,
    messages,
    calls,
    requests,
    control(c) {
      control = { ...c };
      failuresLeft = c.times ?? Infinity;
    },
    reset() {
      control = {};
      failuresLeft = Infinity;
      for (const k of Object.keys(requests)) delete requests[k as FakeProvider];
    },
    waitForMessages(count, opts = {}) {
      const { timeoutMs = 10000, filter = () => true } = opts;
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.filter(filter);
          if (found.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`fake-sms-gateway: ${messages.filter(filter).length} of ${count} messages after ${timeoutMs} ms`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    waitForCalls(count, opts = {}) {
      const { timeoutMs = 10000, filter = () => true } = opts;
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = calls.filter(filter);
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake-sms-gateway: ${calls.filter(filter).length} of ${count} calls after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
    async close() {
      closed = true;
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...pending]);
    },
  };
  return api;
}
