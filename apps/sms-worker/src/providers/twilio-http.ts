import { TWILIO_PERMANENT_ERROR_CODES, twilioErrorMeaning } from '@twofold/sms-queue';
import { field, httpRequest, retryAfterMs, type HttpAnswer } from './http';
import { PermanentSmsError, TransientSmsError } from './sms-provider';

/** What both Twilio APIs (Messages, Calls) need to be called: the account, its token, the base URL. */
export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
}

/** POST a form to `{apiBaseUrl}/2010-04-01/Accounts/{SID}/{resource}` with HTTP Basic auth (SID : token). */
export function postTwilioForm(provider: string, account: TwilioAccount, resource: string, form: URLSearchParams, timeoutMs: number): Promise<HttpAnswer> {
  const url = `${account.apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/${resource}`;
  return httpRequest(
    provider,
    url,
    {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: form.toString(),
    },
    timeoutMs,
  );
}

/**
 * The `sid` of an accepted request (200/201), or the error that says why not. Twilio's error body is
 * { code, message, more_info, status }; its `message` may quote the number, so only the code and
 * our own wording go into the error. `label` prefixes every message (`twilio`, `twilio-voice`),
 * `what` names the resource (`message`, `call`).
 */
export function twilioSidOrThrow(provider: string, label: string, what: 'message' | 'call', res: HttpAnswer): string {
  if (res.status === 200 || res.status === 201) {
    const sid = field(res.json, 'sid');
    if (typeof sid !== 'string' || !sid) throw new TransientSmsError(provider, 'server', `${label}: HTTP ${res.status} without a ${what} sid`);
    return sid;
  }
  const rawCode = field(res.json, 'code');
  const code = rawCode === undefined || rawCode === null ? undefined : String(rawCode);
  const described = code ? `${code} ${twilioErrorMeaning(code)}` : 'no error code';
  if (res.status === 401 || res.status === 403 || code === '20003') throw new TransientSmsError(provider, 'auth', `${label}: authentication refused (HTTP ${res.status}, ${described})`);
  if (res.status === 429 || code === '20429') throw new TransientSmsError(provider, 'rate-limited', `${label}: rate limited (HTTP ${res.status})`, retryAfterMs(res.headers));
  if (res.status >= 500) throw new TransientSmsError(provider, 'server', `${label}: server error (HTTP ${res.status})`);
  if (res.status === 404) throw new TransientSmsError(provider, 'unavailable', `${label}: account or endpoint not found (HTTP 404, ${described})`);
  if (code && TWILIO_PERMANENT_ERROR_CODES.includes(code)) throw new PermanentSmsError(provider, `${label}: ${twilioErrorMeaning(code)} (error ${code})`, code);
  // Any other 4xx (for a call: 21211 invalid number, 21215 no permission for that country, 21210
  // From not a voice number, …) is a request Twilio will not accept as it is: retrying cannot help.
  throw new PermanentSmsError(provider, `${label}: ${what} refused (HTTP ${res.status}, ${described})`, code);
}
