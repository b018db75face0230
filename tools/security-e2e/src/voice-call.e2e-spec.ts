import { COMPLETE_SMS, errorCode, sleep, startSystem, waitUntil, type System } from './harness';

const CALL_LOGIN = `mutation($input: CallLoginCodeInput!) { callLoginCode(input: $input) { id channel status expiresAt resendAvailableAt } }`;
const DISPATCH = `query($id: ID!, $ticket: String) { smsDispatch(id: $id, ticket: $ticket) { id channel status attempts { provider status } } }`;

/**
 * "Call me instead" (issue 14 item 3) through the built API and worker with the fake gateway's
 * Twilio Calls API stand-in: a call at login reads out the live SMS code (the same value, twice,
 * digit by digit, in the account's language), Twilio's call callback makes it DELIVERED, that code
 * completes the login, and neither the code
 * nor the TwiML is in PostgreSQL, Redis or the logs (debug level).
 */
let sys: System;
beforeAll(async () => {
  sys = await startSystem({ label: 'secvoice', env: { LOG_LEVEL: 'debug', SMS_RESEND_COOLDOWN_SECONDS: '1' } });
});
afterAll(async () => {
  await sys?.stop();
});

/** A 6-digit code as a run of exactly those digits (not inside a longer number, a hex id or base64). */
const shows = (haystack: string, code: string) => new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`).test(haystack);

it('a call at login reads out the live SMS code twice; it completes the login; nothing of it is at rest or in the logs', async () => {
  const account = await sys.twoFactorAccount();
  const ticket = await sys.loginTicket(account.email);
  const smsCode = await sys.loginCode(ticket, account.methodId, account.number);
  await sleep(1100); // the resend cooldown holds between an SMS and a call

  const res = await sys.gql(CALL_LOGIN, { input: { ticket, methodId: account.methodId } });
  expect(res.errors).toBeUndefined();
  const dispatch = res.data!['callLoginCode'];
  expect(dispatch.channel).toBe('VOICE');
  const [call] = await sys.gateway.waitForCalls(1, { timeoutMs: 15000, filter: (c) => c.to === account.number });
  expect(call.from).toBe('+15005550006');
  expect(call.language).toBe('en-GB');
  expect(call.digits).toBe(smsCode + smsCode);
  expect(call.said[0]).toBe('Hello. Your Twofold security code is:');
  // No SMS went with it: the call went through Twilio's Calls API only.
  expect(sys.codes(account.number).filter((c) => c === smsCode)).toHaveLength(1);

  // Twilio's signed call callback (completed: the code was read out) makes the call DELIVERED.
  await waitUntil('the call reported completed', async () => (await sys.gql(DISPATCH, { id: dispatch.id, ticket })).data?.['smsDispatch']?.status === 'DELIVERED', 10000, [sys.api]);
  const seen = (await sys.gql(DISPATCH, { id: dispatch.id, ticket })).data!['smsDispatch'];
  expect(seen).toMatchObject({ channel: 'VOICE', attempts: [{ provider: 'twilio-voice', status: 'DELIVERED' }] });
  expect(call.status).toBe('completed');
  const { rows } = await sys.pg.query(`SELECT provider, provider_message_id FROM sms_message WHERE id = $1`, [dispatch.id]);
  expect(rows[0]).toEqual({ provider: 'twilio-voice', provider_message_id: call.sid });

  const done = await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: account.methodId, code: call.digits.slice(0, 6) } });
  expect(done.errors).toBeUndefined();
  sys.remember(done.data!['completeLoginWithSms'].token as string);

  const everywhere = [await sys.dumpDatabase(), await sys.dumpRedis(), sys.logs()].join('\n');
  expect(shows(everywhere, smsCode)).toBe(false);
  expect(everywhere).not.toContain('<Say');
});

it('speaks French to a French account, and a call without a live code carries a new one that works', async () => {
  const account = await sys.twoFactorAccount();
  expect((await sys.gql(`mutation { updateAccount(input: { locale: "fr" }) { locale } }`, {}, { token: account.token })).errors).toBeUndefined();
  const ticket = await sys.loginTicket(account.email);
  const res = await sys.gql(CALL_LOGIN, { input: { ticket, methodId: account.methodId } });
  expect(res.errors).toBeUndefined();
  // At once, within the cooldown: a second call is refused like a resend.
  expect(errorCode(await sys.gql(CALL_LOGIN, { input: { ticket, methodId: account.methodId } }))).toBe('RATE_LIMITED');
  const [call] = await sys.gateway.waitForCalls(1, { timeoutMs: 15000, filter: (c) => c.to === account.number });
  expect(call.language).toBe('fr-FR');
  expect(call.said[0]).toBe('Bonjour. Votre code de sécurité Twofold est :');
  const code = call.digits.slice(0, 6);
  expect(call.digits).toBe(code + code);
  sys.remember(code);
  expect((await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: account.methodId, code } })).errors).toBeUndefined();
});
