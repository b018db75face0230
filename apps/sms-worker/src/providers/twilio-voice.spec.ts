import { LocalServer, startLocalServer } from '../test/local-server';
import { codeCallTwiml, xmlEscape } from './code-call-twiml';
import { PermanentSmsError, TransientSmsError } from './sms-provider';
import { TwilioVoiceCaller } from './twilio-voice';

// Answers as documented in https://www.twilio.com/docs/voice/api/call-resource#create-a-call-resource
const created = { sid: 'CA1f0e8ae6ade43cb3c0ce4525424e404f', status: 'queued', to: '+447700900123', from: '+15005550006', direction: 'outbound-api' };
const twilioError = (code: number, status: number, message: string) => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

/** What each <Say> of a TwiML document says, in order. */
const spoken = (twiml: string) => [...twiml.matchAll(/<Say [^>]*>([^<]*)<\/Say>/g)].map((m) => m[1]);

describe('codeCallTwiml', () => {
  it('reads the digits one by one, each followed by a pause, twice, in English (en-GB)', () => {
    const twiml = codeCallTwiml('en', '042917');
    expect(twiml.startsWith('<?xml version="1.0" encoding="UTF-8"?><Response>')).toBe(true);
    expect(twiml.endsWith('</Response>')).toBe(true);
    expect(twiml).not.toMatch(/language="(?!en-GB")/);
    const said = spoken(twiml);
    expect(said.filter((t) => /^[0-9]$/.test(t)).join('')).toBe('042917042917');
    expect(said[0]).toBe('Hello. Your Twofold security code is:');
    // Each digit on its own and a one-second pause after it: read slowly.
    expect(twiml).toContain('>0</Say><Pause length="1"/><Say language="en-GB" voice="Polly.Amy">4</Say><Pause length="1"/>');
  });

  it('speaks French (fr-FR) for a French account, any other locale in English', () => {
    const twiml = codeCallTwiml('fr', '123456');
    expect(twiml).toContain('<Say language="fr-FR" voice="Polly.Lea">Bonjour. Votre code de sécurité Twofold est :</Say>');
    expect(twiml).not.toContain('en-GB');
    expect(codeCallTwiml('de', '123456')).toContain('language="en-GB"');
    expect(codeCallTwiml(undefined, '123456')).toContain('language="en-GB"');
  });

  it('escapes XML and refuses anything but digits', () => {
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(() => codeCallTwiml('en', '12<Say>')).toThrow('digits');
    expect(() => codeCallTwiml('en', '')).toThrow('digits');
  });
});

describe('TwilioVoiceCaller', () => {
  let server: LocalServer;
  let caller: TwilioVoiceCaller;
  const call = { messageId: '5b7d0c3e-8d2a-4c55-9f3e-1f2a3b4c5d6e', to: '+447700900123', digits: '042917', locale: 'fr' };

  beforeAll(async () => {
    server = await startLocalServer();
    caller = new TwilioVoiceCaller({ provider: 'twilio', accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'tok3n', from: '+15005550006', apiBaseUrl: server.url }, 5000, 'https://api.example.com/webhooks/voice/twilio');
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  it('posts To, From, the TwiML and the status callback to the Calls resource with Basic auth and returns the call sid', async () => {
    server.reply({ status: 201, body: created });
    await expect(caller.call(call)).resolves.toEqual({ providerMessageId: created.sid });
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls.json');
    expect(req.headers['authorization']).toBe('Basic ' + Buffer.from('AC0123456789abcdef0123456789abcdef:tok3n').toString('base64'));
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      To: '+447700900123',
      From: '+15005550006',
      Twiml: codeCallTwiml('fr', '042917'),
      StatusCallback: 'https://api.example.com/webhooks/voice/twilio',
    });
    expect(req.body).toContain('To=%2B447700900123');
    expect(caller.name).toBe('twilio-voice');
  });

  it('maps Twilio errors like the SMS adapter, never quoting the number', async () => {
    server.reply({ status: 400, body: twilioError(21211, 400, "The 'To' number +447700900123 is not a valid phone number.") });
    const refused = await caller.call(call).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(PermanentSmsError);
    expect((refused as PermanentSmsError).vendorCode).toBe('21211');
    expect((refused as Error).message).not.toContain('447700900123');

    server.reply({ status: 429, body: twilioError(20429, 429, 'Too Many Requests'), headers: { 'Retry-After': '2' } });
    const limited = (await caller.call(call).catch((e: Error) => e)) as TransientSmsError;
    expect(limited).toBeInstanceOf(TransientSmsError);
    expect([limited.kind, limited.retryAfterMs]).toEqual(['rate-limited', 2000]);

    server.reply({ status: 401, body: twilioError(20003, 401, 'Authenticate') });
    expect(((await caller.call(call).catch((e: Error) => e)) as TransientSmsError).kind).toBe('auth');

    server.reply({ status: 503, body: {} });
    expect(((await caller.call(call).catch((e: Error) => e)) as TransientSmsError).kind).toBe('server');

    server.reply({ status: 201, body: { status: 'queued' } });
    expect(((await caller.call(call).catch((e: Error) => e)) as TransientSmsError).kind).toBe('server');
  });
});
