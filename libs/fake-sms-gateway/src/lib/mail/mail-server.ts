import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { MAIL_INBOX_PAGE } from './mail-inbox-page';
import { parseMail } from './mime';

/**
 * The fake gateway's e-mail side: an SMTP server (smtp-server, no TLS, any or no login) that keeps
 * every message in an inbox, and a small HTTP server beside the SMS one:
 *
 *   GET  /                 the mail inbox page (newest first, plain text or HTML view)
 *   GET  /__mails[?to=…]   the inbox as JSON
 *   DELETE /__mails        empties it
 *   POST /__control {fail: 451 | 550, times}   the next `times` messages (all when omitted) refused with that SMTP code
 *   POST /__reset          normal behaviour again
 */
export interface FakeMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: string;
}

export interface FakeMailServer {
  smtpPort: number;
  /** smtp://127.0.0.1:port, for SMTP_URL. */
  smtpUrl: string;
  /** The inbox page and JSON API. */
  url: string;
  mails: FakeMail[];
  control(c: { fail?: 451 | 550 | null; times?: number }): void;
  waitForMails(count: number, opts?: { timeoutMs?: number; filter?: (m: FakeMail) => boolean }): Promise<FakeMail[]>;
  close(): Promise<void>;
}

export interface FakeMailServerOptions {
  smtpPort?: number;
  httpPort?: number;
  host?: string;
  log?: (line: string) => void;
}

const listen = (server: { listen(port: number, host: string, cb: () => void): unknown }, port: number, host: string) =>
  new Promise<void>((resolve) => server.listen(port, host, () => resolve()));

export async function startFakeMailServer(options: FakeMailServerOptions = {}): Promise<FakeMailServer> {
  const host = options.host ?? '127.0.0.1';
  const mails: FakeMail[] = [];
  let failure: { code: 451 | 550; left: number } | null = null;
  const waiters = new Set<() => void>();
  const changed = () => waiters.forEach((w) => w());

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1024 * 1024,
    onAuth(_auth, _session, cb) {
      cb(null, { user: 'fake' });
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failure && failure.left !== 0) {
          const code = failure.code;
          if (failure.left > 0) failure.left--;
          return cb(Object.assign(new Error(code === 451 ? 'Try again later' : 'Mailbox unavailable'), { responseCode: code }));
        }
        const parsed = parseMail(Buffer.concat(chunks).toString('utf8'));
        const mail: FakeMail = {
          id: randomUUID(),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject,
          text: parsed.text,
          html: parsed.html,
          messageId: parsed.headers['message-id'] ?? '',
          date: new Date().toISOString(),
        };
        mails.push(mail);
        options.log?.(`fake mail: message to ${mail.to.length} recipient(s) accepted`);
        changed();
        cb(null, `Queued as ${mail.id}`);
      });
    },
  });
  smtp.on('error', (err) => options.log?.(`fake mail: ${err.message}`));
  await listen(smtp, options.smtpPort ?? 0, host);
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let s = '';
      req.on('data', (c) => (s += c));
      req.on('end', () => resolve(s));
    });
  const http: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(MAIL_INBOX_PAGE);
    }
    if (url.pathname === '/__mails' && req.method === 'GET') {
      const to = url.searchParams.get('to')?.toLowerCase();
      return json(res, 200, to ? mails.filter((m) => m.to.some((t) => t.toLowerCase() === to)) : mails);
    }
    if (url.pathname === '/__mails' && req.method === 'DELETE') {
      mails.length = 0;
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/__control' && req.method === 'POST') {
      return void readBody(req).then((b) => {
        const c = JSON.parse(b || '{}') as { fail?: 451 | 550; times?: number };
        api.control(c);
        json(res, 200, { ok: true });
      });
    }
    if (url.pathname === '/__reset' && req.method === 'POST') {
      failure = null;
      return json(res, 200, { ok: true });
    }
    json(res, 404, { error: 'not found' });
  });
  await listen(http, options.httpPort ?? 0, host);
  const httpPort = (http.address() as AddressInfo).port;

  const api: FakeMailServer = {
    smtpPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    url: `http://${host}:${httpPort}`,
    mails,
    control(c) {
      failure = c.fail ? { code: c.fail, left: c.times ?? -1 } : null;
    },
    waitForMails(count, opts = {}) {
      const pick = () => mails.filter(opts.filter ?? (() => true));
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = pick();
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake mail: ${pick().length} of ${count} e-mails after ${opts.timeoutMs ?? 10000} ms`));
        }, opts.timeoutMs ?? 10000);
        waiters.add(check);
        check();
      });
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return api;
}
