import { Agent as HttpAgent, IncomingMessage, request as httpRequestRaw, RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequestRaw } from 'node:https';
import { TransientSmsError } from './sms-provider';

/** The answer's headers, read by (lower- or any-case) name; a repeated header is joined with ", ". */
export interface HttpHeaders {
  get(name: string): string | null;
}

export interface HttpAnswer {
  status: number;
  headers: HttpHeaders;
  text: string;
  json: unknown;
}

export interface HttpRequestInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Keep-alive connection pools shared by every provider: one TCP (TLS) connection per request in
 * flight, reused for the next SMS instead of a new handshake each time. Node's agents pool per
 * origin (host, port and, for https, TLS options). `fetch` (undici's global dispatcher) cost
 * about three times the CPU of node:http per request here (streams, AbortSignal, Headers objects).
 */
const AGENT_OPTIONS = { keepAlive: true, scheduling: 'lifo', maxFreeSockets: 1024 } as const;
const httpAgent = new HttpAgent(AGENT_OPTIONS);
const httpsAgent = new HttpsAgent(AGENT_OPTIONS);

class AnswerHeaders implements HttpHeaders {
  constructor(private readonly raw: IncomingMessage['headers']) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(', ') : v;
  }
}

/** Parsed target URLs, by string (a provider posts to one or two fixed URLs). */
const targets = new Map<string, { https: boolean; options: RequestOptions }>();
function target(url: string): { https: boolean; options: RequestOptions } {
  let t = targets.get(url);
  if (!t) {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`unsupported URL scheme ${u.protocol}`);
    const https = u.protocol === 'https:';
    t = {
      https,
      options: {
        protocol: u.protocol,
        hostname: u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname,
        port: u.port || (https ? 443 : 80),
        path: u.pathname + u.search,
        auth:
          u.username || u.password ? `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}` : undefined,
        agent: https ? httpsAgent : httpAgent,
      },
    };
    if (targets.size > 100) targets.clear();
    targets.set(url, t);
  }
  return t;
}

/**
 * One HTTP request with a hard timeout over the whole exchange (connect, answer and body).
 * Network failures and timeouts become TransientSmsError; the caller maps status codes. A
 * redirect is not followed (a provider API does not redirect a POST): it is a connection
 * failure. Nothing of the request body is put in error messages.
 */
export function httpRequest(
  provider: string,
  url: string,
  init: HttpRequestInit,
  timeoutMs: number,
): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    let t: ReturnType<typeof target>;
    try {
      t = target(url);
    } catch (err) {
      reject(new TransientSmsError(provider, 'network', `${provider}: connection failed (${(err as Error).name})`));
      return;
    }
    const body = init.body;
    const headers: Record<string, string | number> = { ...init.headers };
    if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
    let settled = false;
    let status = 0;
    const fail = (err: TransientSmsError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
      req.destroy();
    };
    const req = (t.https ? httpsRequestRaw : httpRequestRaw)({ ...t.options, method: init.method, headers }, (res) => {
      status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        fail(
          new TransientSmsError(
            provider,
            'network',
            `${provider}: connection failed (unexpected redirect, HTTP ${status})`,
          ),
        );
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      const closedEarly = () =>
        fail(
          new TransientSmsError(
            provider,
            'network',
            `${provider}: connection closed while reading the answer (HTTP ${status})`,
          ),
        );
      res.on('aborted', closedEarly);
      res.on('error', closedEarly);
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        let json: unknown = undefined;
        if (text) {
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
        }
        resolve({ status, headers: new AnswerHeaders(res.headers), text, json });
      });
    });
    const timer = setTimeout(
      () =>
        fail(
          status
            ? new TransientSmsError(
                provider,
                'network',
                `${provider}: connection closed while reading the answer (HTTP ${status})`,
              )
            : new TransientSmsError(provider, 'timeout', `${provider}: no answer within ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
    req.on('error', (err: Error & { code?: string }) =>
      fail(new TransientSmsError(provider, 'network', `${provider}: connection failed (${err.code ?? err.name})`)),
    );
    req.end(body);
  });
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function retryAfterMs(headers: HttpHeaders, nowMs = Date.now()): number | undefined {
  return parseRetryAfter(headers.get('retry-after'), nowMs);
}

const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/**
 * RFC 9110 `Retry-After`: delay-seconds (digits only) or an HTTP-date (IMF-fixdate; the obsolete
 * RFC 850 and asctime forms too, asctime read as GMT), as milliseconds after `nowMs` (0 for a
 * date already past). Anything else (negative, fractional, an ISO date, garbage) is undefined.
 */
export function parseRetryAfter(raw: string | null | undefined, nowMs: number): number | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  const at = Date.parse(/(GMT|UTC)$/i.test(value) ? value : `${value} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export function field(json: unknown, name: string): unknown {
  return json && typeof json === 'object' ? (json as Record<string, unknown>)[name] : undefined;
}
