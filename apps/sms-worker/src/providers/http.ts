import { TransientSmsError } from './sms-provider';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/**
 * One HTTP request with a hard timeout. Network failures and timeouts become
 * TransientSmsError; the caller maps status codes. Nothing of the request body is put in
 * error messages.
 */
export async function httpRequest(
  provider: string,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<HttpAnswer> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      throw new TransientSmsError(provider, 'timeout', `${provider}: no answer within ${timeoutMs} ms`);
    }
    throw new TransientSmsError(provider, 'network', `${provider}: connection failed (${e.cause?.code ?? e.name})`);
  }
  let text: string;
  try {
    text = await res.text();
  } catch {
    throw new TransientSmsError(
      provider,
      'network',
      `${provider}: connection closed while reading the answer (HTTP ${res.status})`,
    );
  }
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds. */
export function retryAfterMs(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function field(json: unknown, name: string): unknown {
  return json && typeof json === 'object' ? (json as Record<string, unknown>)[name] : undefined;
}
