import { CLAIM_SMS_MESSAGE, MARK_SMS_SENT_FIRST_ATTEMPT } from '@twofold/persistence';
import { twilioSignature } from '@twofold/sms-queue';
import { errorCode, startApi, type TestApi } from './harness';
import { COMPLETE_SMS, enableNumber, phone, signUp } from './journey';
import { addNumber, challenge, confirm, dumpTable, RESEND, sendLoginCode, startAnotherInstance, wrongCode, type ApiInstance } from './two-factor-helpers';

const CALL_LOGIN = `mutation($input: CallLoginCodeInput!) { callLoginCode(input: $input) { id channel status maskedPhoneNumber expiresAt resendAvailableAt } }`;
const CALL_METHOD = `mutation($id: ID!) { callSmsMethodCode(methodId: $id) { id channel status expiresAt resendAvailableAt } }`;
const OPTIONS = `{ codeDeliveryOptions { voiceCalls } }`;
const DISPATCH = `query($id: ID!, $ticket: String) { smsDispatch(id: $id, ticket: $ticket) { id channel status } }`;

/**
 * "Call me instead" (issue 14 item 3): a call is the SMS path with channel VOICE. It shares every
 * limit and budget with SMS, reads out the live code (never a second live value), follows the
 * ticket and pending-number rules, and is refused with VOICE_UNAVAILABLE where Twilio voice is not
 * configured. Twilio here is configured only for the API's config (the worker is not running).
 */
describe('voice calls', () => {
  let api: TestApi;
  let noVoice: ApiInstance;
  let ip = 0;
  const fromNewIp = () => ({ 'x-forwarded-for': `198.51.100.${++ip}` });
  const cooldown = () => api.config.timings.smsResendCooldownSeconds;

  beforeAll(async () => {
    api = await startApi({ TRUST_PROXY: '1', SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000', TWILIO_AUTH_TOKEN: 'not-used-by-the-api', TWILIO_FROM: '+15005550006' });
    noVoice = await startAnotherInstance(api, { sms: { ...api.config.sms, voice: undefined } });
  });
  afterAll(async () => {
    await noVoice.close();
    await api.close();
  });

  /** The newest message to `number`: its channel and opened body. */
  const newest = async (number: string) => {
    const m = await api.lastSms(number);
    const { rows } = await api.pg.query(`SELECT channel FROM sms_message WHERE id = $1`, [m!.id]);
    return { id: m!.id, body: m!.body, channel: rows[0].channel as string };
  };
  const liveCodes = async (methodId: string) =>
    (await api.pg.query(`SELECT id, message_id FROM sms_code WHERE method_id = $1 AND consumed_at IS NULL AND replaced_at IS NULL`, [methodId])).rows as { id: string; message_id: string }[];

  async function enabledAccount() {
    const account = await signUp(api);
    const number = phone();
    const { methodId } = await enableNumber(api, account.token, number);
    api.clock.advance(cooldown());
    return { ...account, number, methodId };
  }

  it('is offered only where Twilio voice is configured; elsewhere VOICE_UNAVAILABLE, and nothing is spent', async () => {
    expect((await api.gql(OPTIONS)).data).toEqual({ codeDeliveryOptions: { voiceCalls: true } });
    expect((await noVoice.gql(OPTIONS)).data).toEqual({ codeDeliveryOptions: { voiceCalls: false } });
    const a = await enabledAccount();
    const c = await challenge(api, a.email);
    const before = (await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE phone_number = $1`, [a.number])).rows[0].n;
    const refused = await noVoice.gql(CALL_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } });
    expect(errorCode(refused)).toBe('VOICE_UNAVAILABLE');
    expect(refused.errors![0].message).toMatch(/phone call/);
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE phone_number = $1`, [a.number])).rows[0].n).toBe(before);
  });

  it('at login: after the cooldown, the call reads out the live SMS code (one live value), which completes the login', async () => {
    const a = await enabledAccount();
    const c = await challenge(api, a.email);
    const headers = fromNewIp();
    const sms = await sendLoginCode(api, c.ticket, a.methodId, a.number, headers);
    // The resend cooldown holds between an SMS and a call.
    const early = await api.gql(CALL_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } }, { headers });
    expect(errorCode(early)).toBe('RATE_LIMITED');
    api.clock.advance(cooldown());
    const res = await api.gql(CALL_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } }, { headers });
    expect(res.errors).toBeUndefined();
    const call = res.data!['callLoginCode'];
    expect(call).toMatchObject({ channel: 'VOICE', status: 'QUEUED' });
    expect(call.id).not.toBe(sms.dispatch.id);
    expect(call.expiresAt).toBe(sms.dispatch.expiresAt);
    const carrier = await newest(a.number);
    expect(carrier).toEqual({ id: call.id, channel: 'VOICE', body: sms.code });
    // One live code, now carried by the call; the ticket reads the call's dispatch.
    expect((await liveCodes(a.methodId)).map((r) => r.message_id)).toEqual([call.id]);
    expect((await api.gql(DISPATCH, { id: call.id, ticket: c.ticket })).data!['smsDispatch']).toMatchObject({ channel: 'VOICE' });
    // Nothing of the code in clear at rest.
    for (const table of ['sms_message', 'sms_code'] as const) expect(await dumpTable(api, table)).not.toContain(sms.code);
    const done = await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code: sms.code } });
    expect(done.errors).toBeUndefined();
    // The call that carried it is the one marked as entered (the SMS-pumping guard's conversion signal).
    const { rows } = await api.pg.query(`SELECT id FROM sms_message WHERE verified_at IS NOT NULL AND phone_number = $1 AND purpose = 'LOGIN'`, [a.number]);
    expect(rows.map((r: { id: string }) => r.id)).toEqual([call.id]);
  });

  it('carries a new code that replaces the old one when the live code has less than a minute left', async () => {
    const a = await enabledAccount();
    const c = await challenge(api, a.email);
    const headers = fromNewIp();
    const sms = await sendLoginCode(api, c.ticket, a.methodId, a.number, headers);
    api.clock.advance(api.config.timings.smsCodeTtlSeconds - 30);
    const res = await api.gql(CALL_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } }, { headers });
    expect(res.errors).toBeUndefined();
    const spoken = (await newest(a.number)).body;
    expect(spoken).toMatch(/^[0-9]{6}$/);
    expect(Date.parse(res.data!['callLoginCode'].expiresAt)).toBeGreaterThan(Date.parse(sms.dispatch.expiresAt));
    expect(await liveCodes(a.methodId)).toHaveLength(1);
    if (spoken !== sms.code) expect(errorCode(await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code: sms.code } }))).toBe('INVALID_CODE');
    expect((await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code: spoken } })).errors).toBeUndefined();
  });

  it('shares the per-number budget with SMS: 5 sends an hour whatever the mix, then RATE_LIMITED for calls and SMS alike', async () => {
    const a = await enabledAccount(); // its confirmation SMS is send 1 of the number's hour (the number is this account's)
    const c = await challenge(api, a.email);
    const ticketIp = fromNewIp();
    const send = (i: number) =>
      i % 2 === 0
        ? api.gql(CALL_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } }, { headers: ticketIp })
        : api.gql(`mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id } }`, { input: { ticket: c.ticket, methodId: a.methodId } }, { headers: ticketIp });
    for (let i = 0; i < 4; i++) {
      expect((await send(i)).errors).toBeUndefined(); // sends 2..5: call, SMS, call, SMS
      api.clock.advance(cooldown());
    }
    const call = await api.gql(CALL_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } }, { headers: ticketIp });
    expect(errorCode(call)).toBe('RATE_LIMITED');
    expect(call.errors![0].extensions['retryAfterSeconds']).toBeGreaterThan(3000);
    expect(errorCode(await send(1))).toBe('RATE_LIMITED');
    const channels = (await api.pg.query(`SELECT channel, count(*)::int AS n FROM sms_message WHERE phone_number = $1 GROUP BY channel ORDER BY channel`, [a.number])).rows;
    expect(channels).toEqual([{ channel: 'SMS', n: 3 }, { channel: 'VOICE', n: 2 }]);
  });

  it('follows the ticket rules: an unknown or used ticket, another account\'s number, a wrong code still counted', async () => {
    const a = await enabledAccount();
    const b = await enabledAccount();
    const c = await challenge(api, a.email);
    expect(errorCode(await api.gql(CALL_LOGIN, { input: { ticket: 'x'.repeat(43), methodId: a.methodId } }))).toBe('TICKET_EXPIRED');
    expect(errorCode(await api.gql(CALL_LOGIN, { input: { ticket: c.ticket, methodId: b.methodId } }))).toBe('NOT_FOUND');
    const first = await api.gql(CALL_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } }, { headers: fromNewIp() });
    expect(first.errors).toBeUndefined();
    // No SMS before it: the call carries a new code.
    const code = (await newest(a.number)).body;
    const wrong = await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code: wrongCode(code) } });
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'INVALID_CODE', remainingAttempts: 4 });
    expect((await api.gql(COMPLETE_SMS, { input: { ticket: c.ticket, methodId: a.methodId, code } })).errors).toBeUndefined();
    api.clock.advance(cooldown());
    expect(errorCode(await api.gql(CALL_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } }))).toBe('TICKET_EXPIRED');
  });

  it('applies how a call ended from Twilio\'s signed call callback: completed is DELIVERED, no-answer FAILED; unsigned or unknown is refused', async () => {
    const callbackUrl = `${api.config.publicApiUrl}/webhooks/voice/twilio`;
    const post = (target: { url: string }, params: Record<string, string>, signature: string | null = twilioSignature(api.config.sms.voice!.authToken, callbackUrl, params)) =>
      fetch(`${target.url}/webhooks/voice/twilio`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(signature ? { 'X-Twilio-Signature': signature } : {}) },
        body: new URLSearchParams(params).toString(),
      });
    /** A call as the worker leaves it once Twilio took it: SENT, its attempt under provider twilio-voice and the call sid. */
    const placedCall = async () => {
      const a = await enabledAccount();
      const c = await challenge(api, a.email);
      const res = await api.gql(CALL_LOGIN, { input: { ticket: c.ticket, methodId: a.methodId } }, { headers: fromNewIp() });
      const id = res.data!['callLoginCode'].id as string;
      const sid = 'CA' + id.replace(/-/g, '');
      await api.pg.query(CLAIM_SMS_MESSAGE.text, [id, new Date()]);
      expect((await api.pg.query(MARK_SMS_SENT_FIRST_ATTEMPT.text, [id, 'twilio-voice', sid, new Date(), null])).rowCount).toBe(1);
      return { id, sid, ticket: c.ticket };
    };
    const state = async (id: string) => (await api.pg.query(`SELECT status, failure_reason FROM sms_message WHERE id = $1`, [id])).rows[0];

    const answered = await placedCall();
    const completed = { AccountSid: 'AC00000000000000000000000000000000', CallSid: answered.sid, CallStatus: 'completed' };
    expect((await post(api, completed, null)).status).toBe(403);
    expect((await post(api, completed, twilioSignature('another-token', callbackUrl, completed))).status).toBe(403);
    expect((await post(noVoice, completed)).status).toBe(403);
    expect((await state(answered.id)).status).toBe('SENT');
    expect((await post(api, completed)).status).toBe(204);
    expect((await post(api, completed)).status).toBe(204); // idempotent
    expect(await state(answered.id)).toEqual({ status: 'DELIVERED', failure_reason: null });
    expect((await api.gql(DISPATCH, { id: answered.id, ticket: answered.ticket })).data!['smsDispatch']).toMatchObject({ channel: 'VOICE', status: 'DELIVERED' });

    const unanswered = await placedCall();
    expect((await post(api, { CallSid: unanswered.sid, CallStatus: 'no-answer' })).status).toBe(204);
    expect(await state(unanswered.id)).toEqual({ status: 'FAILED', failure_reason: 'twilio-voice: the call was not answered' });
    // A late "completed" does not undo the final state of the attempt.
    expect((await post(api, { CallSid: unanswered.sid, CallStatus: 'completed' })).status).toBe(204);
    expect((await state(unanswered.id)).status).toBe('FAILED');
    expect((await post(api, { CallSid: 'CA' + '0'.repeat(32), CallStatus: 'completed' })).status).toBe(404);
  });

  it('at a number\'s confirmation: the call reads out the confirmation code, which confirms the number; only the owner may ask', async () => {
    const a = await signUp(api);
    const number = phone();
    const headers = fromNewIp();
    const { methodId } = await addNumber(api, a.token, number, headers);
    const smsCode = await api.lastCode(number);
    expect(errorCode(await api.gql(CALL_METHOD, { id: methodId }, { token: a.token, headers }))).toBe('RATE_LIMITED');
    api.clock.advance(cooldown());
    const other = await signUp(api);
    expect(errorCode(await api.gql(CALL_METHOD, { id: methodId }, { token: other.token, headers }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(CALL_METHOD, { id: methodId }, { headers }))).toBe('UNAUTHENTICATED');
    const res = await api.gql(CALL_METHOD, { id: methodId }, { token: a.token, headers });
    expect(res.data!['callSmsMethodCode']).toMatchObject({ channel: 'VOICE' });
    expect(await newest(number)).toMatchObject({ channel: 'VOICE', body: smsCode });
    // Resending by SMS afterwards is the same budget and cooldown.
    expect(errorCode(await api.gql(RESEND, { methodId }, { token: a.token, headers }))).toBe('RATE_LIMITED');
    expect((await confirm(api, a.token, methodId, smsCode)).errors).toBeUndefined();
    api.clock.advance(cooldown());
    expect(errorCode(await api.gql(CALL_METHOD, { id: methodId }, { token: a.token, headers }))).toBe('BAD_USER_INPUT');
  });
});
