import { COMPLETE_SMS, CONFIRM, errorCode, RESEND, sleep, startSystem, type System } from './harness';

/** Expired codes with the right digits, with a 2-second TTL and a real wait (no clock to move in a built process). */
const TTL_SECONDS = 2;
let sys: System;
beforeAll(async () => {
  sys = await startSystem({ label: 'secexpiry', env: { SMS_CODE_TTL_SECONDS: String(TTL_SECONDS) } });
});
afterAll(async () => {
  await sys?.stop();
});

it('an expired confirmation code with the right digits fails with CODE_EXPIRED; nothing enabled, no SMS', async () => {
  const { token } = await sys.signUp();
  const issued = Date.now();
  const { methodId, code } = await sys.addNumber(token);
  await sleep(Math.max(0, issued + TTL_SECONDS * 1000 + 700 - Date.now()));
  const sms = await sys.smsRows();
  const res = await sys.gql(CONFIRM, { input: { methodId, code } }, { token });
  expect(errorCode(res)).toBe('CODE_EXPIRED');
  expect(res.data).toBeNull();
  expect(await sys.count(`SELECT count(*) FROM sms_method WHERE id = $1 AND status = 'ENABLED'`, [methodId])).toBe(0);
  expect(await sys.count(`SELECT count(*) FROM backup_code`)).toBe(0);
  expect(await sys.smsRows()).toBe(sms);
});

it('an expired login code with the right digits fails with CODE_EXPIRED; no session', async () => {
  const { token, accountId, email } = await sys.signUp();
  // Confirm within the 2 s; on a loaded machine the SMS may arrive late, so ask again (no cooldown here).
  const { methodId, code: first, number } = await sys.addNumber(token);
  let code = first;
  for (let attempt = 1; ; attempt++) {
    const confirmed = await sys.gql(CONFIRM, { input: { methodId, code } }, { token });
    if (!confirmed.errors) break;
    expect(errorCode(confirmed)).toBe('CODE_EXPIRED');
    if (attempt === 4) throw new Error('could not confirm a number within the 2-second TTL four times');
    code = (await sys.withCode(number, () => sys.gql(RESEND, { id: methodId }, { token }))).code;
  }
  const ticket = await sys.loginTicket(email);
  const issued = Date.now();
  const loginCode = await sys.loginCode(ticket, methodId, number);
  await sleep(Math.max(0, issued + TTL_SECONDS * 1000 + 700 - Date.now()));
  const sessions = await sys.sessionsOf(accountId);
  const sms = await sys.smsRows();
  const res = await sys.gql(COMPLETE_SMS, { input: { ticket, methodId, code: loginCode } });
  expect(errorCode(res)).toBe('CODE_EXPIRED');
  expect(res.data).toBeNull();
  expect(await sys.sessionsOf(accountId)).toBe(sessions);
  expect(await sys.smsRows()).toBe(sms);
});
