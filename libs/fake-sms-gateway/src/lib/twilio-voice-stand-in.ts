import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * The fake gateway's stand-in for Twilio's Calls API ("Call me instead"): it takes
 * POST /2010-04-01/Accounts/{sid}/Calls.json (Basic auth, form To, From, Twiml), answers like
 * Twilio (201, a CA… sid, status queued) and records the call with what its TwiML says, so the
 * inbox page and tests see the code a person would hear. No call is placed; the gateway then posts
 * the call's final status, signed, to its StatusCallback (gateway.ts).
 */
export interface FakeCall {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  twiml: string;
  /** The text of each <Say>, in order (XML entities decoded). */
  said: string[];
  /** The `language` of the first <Say> (en-GB, fr-FR, …). */
  language: string | null;
  /** The single digits said, in order: a code read out twice is its digits twice. */
  digits: string;
  /** queued, then the final status its StatusCallback reports (completed, or no-answer when told to fail). */
  status: 'queued' | 'completed' | 'no-answer';
  statusCallback: string | null;
  dateCreated: string;
}

const E164 = /^\+[1-9][0-9]{6,14}$/;

function xmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What a TwiML document says: each <Say>'s text, its first language, and the digits said one by one. */
export function readTwiml(twiml: string): { said: string[]; language: string | null; digits: string } {
  const says = [...twiml.matchAll(/<Say\b([^>]*)>([\s\S]*?)<\/Say>/g)];
  const said = says.map((m) => xmlText(m[2]).trim());
  const language = says.length ? (/\blanguage="([^"]*)"/.exec(says[0][1])?.[1] ?? null) : null;
  return { said, language, digits: said.filter((t) => /^[0-9]$/.test(t)).join('') };
}

type Refuse = (res: ServerResponse, status: number, code: number, message: string) => void;

/** Validates a Calls.json form like Twilio; records and answers the call, or refuses it. */
export function createFakeCall(res: ServerResponse, accountSid: string, form: Record<string, string>, calls: FakeCall[], refuse: Refuse, onRecorded: () => void): void {
  if (!form['To'] || !E164.test(form['To'])) return refuse(res, 400, 21211, `The 'To' number ${form['To'] ?? ''} is not a valid phone number.`);
  if (!form['From'] || !E164.test(form['From'])) return refuse(res, 400, 21210, "The source 'From' phone number is not a voice-capable number.");
  const twiml = form['Twiml'];
  if (!twiml && !form['Url']) return refuse(res, 400, 21205, 'Url or Twiml is required.');
  if (twiml && !/^(<\?xml[^>]*\?>)?\s*<Response>[\s\S]*<\/Response>\s*$/.test(twiml)) return refuse(res, 400, 12100, 'Document parse failure');
  const call: FakeCall = {
    sid: 'CA' + randomBytes(16).toString('hex'),
    accountSid,
    to: form['To'],
    from: form['From'],
    twiml: twiml ?? '',
    ...readTwiml(twiml ?? ''),
    status: 'queued',
    statusCallback: form['StatusCallback'] || null,
    dateCreated: new Date().toISOString(),
  };
  calls.push(call);
  onRecorded();
  const now = new Date(call.dateCreated).toUTCString();
  res.writeHead(201, { 'Content-Type': 'application/json' });
  res.end(
    JSON.stringify({
      account_sid: accountSid,
      api_version: '2010-04-01',
      date_created: now,
      date_updated: now,
      direction: 'outbound-api',
      from: call.from,
      sid: call.sid,
      status: 'queued',
      to: call.to,
      uri: `/2010-04-01/Accounts/${accountSid}/Calls/${call.sid}.json`,
    }),
  );
}
