import { FakeSmsGateway, startFakeSmsGateway } from './gateway';
import { readTwiml } from './twilio-voice-stand-in';

describe('fake gateway: Twilio Calls API stand-in', () => {
  let gateway: FakeSmsGateway;
  const sid = 'ACtest';
  const auth = 'Basic ' + Buffer.from(`${sid}:test-token`).toString('base64');
  const twiml =
    '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="fr-FR" voice="Polly.Lea">Votre code :</Say><Pause length="1"/>' +
    '<Say language="fr-FR">0</Say><Say language="fr-FR">4</Say><Say language="fr-FR">2</Say><Say language="fr-FR">Je r&#233;p&amp;te</Say>' +
    '<Say language="fr-FR">0</Say><Say language="fr-FR">4</Say><Say language="fr-FR">2</Say></Response>';
  const call = (form: Record<string, string>, authorization = auth) =>
    fetch(`${gateway.url}/2010-04-01/Accounts/${sid}/Calls.json`, {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  beforeAll(async () => {
    gateway = await startFakeSmsGateway({ authToken: 'test-token', callbackDelayMs: 5 });
  });
  afterAll(() => gateway.close());
  beforeEach(() => {
    gateway.reset();
    gateway.calls.splice(0);
  });

  it('records a call like Twilio answers it, with what its TwiML says', async () => {
    const res = await call({ To: '+447700900123', From: '+15005550006', Twiml: twiml });
    expect(res.status).toBe(201);
    const json = (await res.json()) as { sid: string; status: string; to: string };
    expect(json.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(json).toMatchObject({ status: 'queued', to: '+447700900123' });
    const [recorded] = await gateway.waitForCalls(1);
    expect(recorded).toMatchObject({ sid: json.sid, to: '+447700900123', from: '+15005550006', language: 'fr-FR', digits: '042042' });
    expect(recorded.said[0]).toBe('Votre code :');
    const listed = (await (await fetch(`${gateway.url}/__calls?to=%2B447700900123`)).json()) as { calls: { sid: string }[] };
    expect(listed.calls.map((c) => c.sid)).toEqual([json.sid]);
    // The inbox page lists calls too; emptying the inbox empties them.
    expect(await (await fetch(gateway.url)).text()).toContain('/__calls');
    await fetch(`${gateway.url}/__messages`, { method: 'DELETE' });
    expect(gateway.calls).toHaveLength(0);
  });

  it('refuses what Twilio refuses: bad auth, a bad number, no TwiML, a configured failure', async () => {
    expect((await call({ To: '+447700900123', From: '+15005550006', Twiml: twiml }, 'Basic eDp5')).status).toBe(401);
    const bad = await call({ To: '07700', From: '+15005550006', Twiml: twiml });
    expect([bad.status, ((await bad.json()) as { code: number }).code]).toEqual([400, 21211]);
    expect((await call({ To: '+447700900123', From: '+15005550006' })).status).toBe(400);
    expect((await call({ To: '+447700900123', From: '+15005550006', Twiml: '<Say>x</Say>' })).status).toBe(400);
    gateway.control({ fail: '500', times: 1 });
    expect((await call({ To: '+447700900123', From: '+15005550006', Twiml: twiml })).status).toBe(500);
    expect((await call({ To: '+447700900123', From: '+15005550006', Twiml: twiml })).status).toBe(201);
    expect(gateway.calls).toHaveLength(1);
  });

  it('reads the digits said one by one out of a TwiML document', () => {
    expect(readTwiml('<Response><Say>Code</Say><Say>1</Say><Say>&lt;2&gt;</Say><Say>3</Say></Response>')).toEqual({ said: ['Code', '1', '<2>', '3'], language: null, digits: '13' });
  });
});
