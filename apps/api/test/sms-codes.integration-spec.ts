import { createHash } from 'node:crypto';
import { errorCode, startApi, type TestApi } from './harness';
import { phone, signUp } from './journey';
import { addNumber, confirm, DISPATCH, dumpTable, RESEND, signUpWith, wrongCode } from './two-factor-helpers';

/**
 * Contract §4 "Codes sent by SMS": format, storage, TTL, tries, replacement, single use,
 * cooldown and the message text. WEB_ORIGIN is set so the origin-bound line is checked.
 * The per-IP hourly limit is raised: every request here comes from 127.0.0.1.
 */
describe('SMS codes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ WEB_ORIGIN: 'https://secure.twofold.example:8443', SMS_LIMIT_PER_IP_PER_HOUR: '100000' });
  });
  afterAll(() => api.close());

  const ttl = () => api.config.timings.smsCodeTtlSeconds;
  const cooldown = () => api.config.timings.smsResendCooldownSeconds;

  it('the code is 6 digits and the SMS text is exactly the contract text with the WEB_ORIGIN host line', async () => {
    const { token } = await signUp(api);
    const number = phone();
    await addNumber(api, token, number);
    const sms = await api.lastSms(number);
    const code = await api.lastCode(number);
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(sms!.purpose).toBe('METHOD_CONFIRMATION');
    // The origin-bound line is the last line, `@host #code` (host only: no scheme, no port).
    expect(sms!.body).toBe(`Twofold security code: ${code}. Valid 5 minutes. Never share it.\n\n@secure.twofold.example #${code}`);
  });

  it('the SMS is in French for an account that signed up with Accept-Language: fr', async () => {
    const { token } = await signUpWith(api, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    const number = '+33612345678';
    const { method } = await addNumber(api, token, '+33 6 12 34 56 78');
    expect(method).toMatchObject({ phoneNumber: number, countryCode: 'FR', maskedPhoneNumber: '+33 • •• •• 56 78' });
    const code = await api.lastCode(number);
    expect((await api.lastSms(number))!.body).toBe(`Code de sécurité Twofold : ${code}. Valable 5 minutes. Ne le partagez jamais.\n\n@secure.twofold.example #${code}`);
  });

  it('codes are stored only as an HMAC: neither sms_code nor sms_message holds a code in clear', async () => {
    const { token, accountId } = await signUp(api);
    const number = phone();
    const { methodId } = await addNumber(api, token, number);
    const first = await api.lastCode(number);
    api.clock.advance(cooldown());
    expect((await api.gql(RESEND, { methodId }, { token })).errors).toBeUndefined();
    const second = await api.lastCode(number);
    const dump = `${await dumpTable(api, 'sms_code')}\n${await dumpTable(api, 'sms_message')}`;
    expect(dump).toContain(accountId); // the dump does hold this account's rows
    for (const code of [first, second]) {
      expect(dump).not.toContain(code);
      // Not an unkeyed hash either (a dump would give a 6-digit code away in a million tries).
      expect(dump).not.toContain(createHash('sha256').update(code).digest('hex'));
    }
    const { rows } = await api.pg.query('SELECT code_hmac FROM sms_code WHERE method_id = $1', [methodId]);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect((r.code_hmac as Buffer).length).toBe(32);
  });

  it('a code works until SMS_CODE_TTL_SECONDS, then CODE_EXPIRED even with the right digits', async () => {
    const a = await signUp(api);
    const na = phone();
    const ma = await addNumber(api, a.token, na);
    const codeA = await api.lastCode(na);
    const b = await signUp(api);
    const nb = phone();
    const mb = await addNumber(api, b.token, nb);
    const codeB = await api.lastCode(nb);

    api.clock.advance(ttl() - 60); // leaves room for real time under load
    const inTime = await confirm(api, a.token, ma.methodId, codeA);
    expect(inTime.data?.['confirmSmsMethod'].method.status).toBe('ENABLED');

    api.clock.advance(61); // b's code is now at least TTL + 1 seconds old
    const late = await confirm(api, b.token, mb.methodId, codeB);
    expect(errorCode(late)).toBe('CODE_EXPIRED');
    // A fresh code then works.
    expect((await api.gql(RESEND, { methodId: mb.methodId }, { token: b.token })).errors).toBeUndefined();
    expect((await confirm(api, b.token, mb.methodId, await api.lastCode(nb))).data?.['confirmSmsMethod'].method.status).toBe('ENABLED');
  });

  it('5 wrong tries end the confirmation: INVALID_CODE with remainingAttempts 4..0, then TOO_MANY_ATTEMPTS even with the right code', async () => {
    const { token } = await signUp(api);
    const number = phone();
    const { methodId } = await addNumber(api, token, number);
    const code = await api.lastCode(number);
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await confirm(api, token, methodId, wrongCode(code));
      expect(errorCode(res)).toBe('INVALID_CODE');
      remaining.push(res.errors![0].extensions['remainingAttempts']);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const right = await confirm(api, token, methodId, code);
    expect(errorCode(right)).toBe('TOO_MANY_ATTEMPTS');
    expect(right.errors![0].extensions).toHaveProperty('retryAfterSeconds');
    // A resend cannot reopen it.
    api.clock.advance(cooldown());
    const resent = await api.gql(RESEND, { methodId }, { token });
    expect(errorCode(resent)).toBe('TOO_MANY_ATTEMPTS');
  });

  it('a resend never resets the failure count', async () => {
    const { token } = await signUp(api);
    const number = phone();
    const { methodId } = await addNumber(api, token, number);
    const first = await api.lastCode(number);
    for (let i = 0; i < 3; i++) await confirm(api, token, methodId, wrongCode(first));
    api.clock.advance(cooldown());
    expect((await api.gql(RESEND, { methodId }, { token })).errors).toBeUndefined();
    const second = await api.lastCode(number);
    const r4 = await confirm(api, token, methodId, wrongCode(second));
    expect(r4.errors![0].extensions['remainingAttempts']).toBe(1);
    const r5 = await confirm(api, token, methodId, wrongCode(second));
    expect(r5.errors![0].extensions['remainingAttempts']).toBe(0);
    expect(errorCode(await confirm(api, token, methodId, second))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('a resend replaces the previous code: the old one fails, the new one works, once', async () => {
    const { token } = await signUp(api);
    const number = phone();
    const { methodId } = await addNumber(api, token, number);
    const old = await api.lastCode(number);
    api.clock.advance(cooldown());
    const resent = await api.gql(RESEND, { methodId }, { token });
    expect(resent.errors).toBeUndefined();
    const fresh = await api.lastCode(number);
    if (fresh !== old) {
      const res = await confirm(api, token, methodId, old);
      expect(errorCode(res)).toBe('INVALID_CODE');
      expect(res.errors![0].extensions['remainingAttempts']).toBe(4);
    }
    const ok = await confirm(api, token, methodId, fresh);
    expect(ok.data?.['confirmSmsMethod'].method.status).toBe('ENABLED');
    // Single use: the same code a second time confirms nothing.
    const again = await confirm(api, token, methodId, fresh);
    expect(again.data).toBeNull();
    expect(errorCode(again)).toBeDefined();
  });

  it('resend cooldown: RATE_LIMITED with retryAfterSeconds until resendAvailableAt, then a new code', async () => {
    const { token } = await signUp(api);
    const number = phone();
    const before = api.clock.now().getTime();
    const { methodId, dispatch } = await addNumber(api, token, number);
    const available = new Date(dispatch.resendAvailableAt).getTime();
    expect(available - before).toBeGreaterThanOrEqual(cooldown() * 1000 - 1000);
    expect(available - before).toBeLessThanOrEqual(cooldown() * 1000 + 15000);
    expect(new Date(dispatch.expiresAt).getTime() - before).toBeGreaterThanOrEqual(ttl() * 1000 - 1000);
    expect(dispatch.status).toBe('QUEUED');

    api.clock.advance(cooldown() - 10);
    const early = await api.gql(RESEND, { methodId }, { token });
    expect(errorCode(early)).toBe('RATE_LIMITED');
    const retry = early.errors![0].extensions['retryAfterSeconds'];
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(11);
    expect(Math.abs(retry * 1000 - (available - api.clock.now().getTime()))).toBeLessThanOrEqual(5000);
    // smsDispatch tells the same moment.
    const seen = await api.gql(DISPATCH, { id: dispatch.id }, { token });
    expect(seen.data!['smsDispatch']).toMatchObject({ id: dispatch.id, status: 'QUEUED', maskedPhoneNumber: dispatch.maskedPhoneNumber });
    expect(Math.abs(new Date(seen.data!['smsDispatch'].resendAvailableAt).getTime() - available)).toBeLessThanOrEqual(1000);

    api.clock.advance(retry);
    const later = await api.gql(RESEND, { methodId }, { token });
    expect(later.errors).toBeUndefined();
    expect(later.data!['resendSmsMethodCode'].id).not.toBe(dispatch.id);
  });

  it("smsDispatch: another account's dispatch id, an unknown id or no session is refused", async () => {
    const owner = await signUp(api);
    const { dispatch } = await addNumber(api, owner.token, phone());
    const other = await signUp(api);
    expect(errorCode(await api.gql(DISPATCH, { id: dispatch.id }, { token: other.token }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(DISPATCH, { id: '00000000-0000-4000-8000-000000000000' }, { token: owner.token }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(DISPATCH, { id: dispatch.id }))).toBe('UNAUTHENTICATED');
    expect((await api.gql(DISPATCH, { id: dispatch.id }, { token: owner.token })).data!['smsDispatch'].id).toBe(dispatch.id);
  });
});
