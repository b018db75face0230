import IORedis from 'ioredis';
import { deriveKey, open } from '@twofold/sms-queue';
import { SmsOutboxService } from '../src/sms-outbox/sms-outbox.service';
import { errorCode, startApi, type TestApi } from './harness';
import { ADD, COMPLETE_BACKUP, phone, signUp } from './journey';
import { addNumber, challenge, confirm, DELETE_CODES, enableWith, REGENERATE, REMOVE, RESEND, sendLoginCode, SET_DEFAULT, startAnotherInstance, type ApiInstance } from './two-factor-helpers';

/**
 * Contract §4 "Security notices" and §6 / issue "SMS hand-off": every SMS is an outbox row
 * written with its code, handed to BullMQ sealed, and kept when Redis is away.
 * The per-IP hourly SMS limit is raised: every request here comes from 127.0.0.1.
 */
describe('security notices and the SMS outbox', () => {
  let api: TestApi;
  let redis: IORedis;
  let bodyKey: Buffer;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000' });
    bodyKey = deriveKey(api.config.appSecret, 'sms-body');
    redis = new IORedis(api.config.redisUrl, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    redis.disconnect();
    await api.close();
  });

  /** Runs `action` and returns the numbers that got a NOTICE meanwhile, sorted, with their texts. */
  async function noticesDuring(accountId: string, action: () => Promise<unknown>) {
    const known = new Set(
      (await api.pg.query(`SELECT id FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE'`, [accountId])).rows.map((r: { id: string }) => r.id),
    );
    await action();
    const { rows } = await api.pg.query(`SELECT id, phone_number, status FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE'`, [accountId]);
    const fresh = rows.filter((r: { id: string }) => !known.has(r.id));
    const bodies: string[] = [];
    for (const r of fresh) {
      const sms = await api.pg.query(`SELECT body_sealed FROM sms_message WHERE id = $1`, [r.id]);
      expect(sms.rowCount).toBe(1);
      bodies.push(open(bodyKey, sms.rows[0].body_sealed, r.id));
      expect(r.status).toBe('QUEUED');
    }
    for (const body of bodies) {
      expect(body).toMatch(/^Twofold/);
      expect(body).not.toMatch(/\d{6}/); // never a code
      expect(body).not.toMatch(/#/);
    }
    return fresh.map((r: { phone_number: string }) => r.phone_number).sort() as string[];
  }

  /** An account with `n` enabled numbers. */
  async function account(n: number) {
    const { token, email, accountId } = await signUp(api);
    const numbers: { number: string; methodId: string }[] = [];
    let backupCodes: string[] = [];
    for (let i = 0; i < n; i++) {
      const number = phone();
      const enabled = await enableWith(api, token, number);
      if (enabled.backupCodes) backupCodes = enabled.backupCodes;
      numbers.push({ number, methodId: enabled.methodId });
    }
    return { token, email, accountId, numbers, backupCodes };
  }

  const sorted = (...xs: string[]) => [...xs].sort();

  describe('notices', () => {
    it('adding a number while 2FA is on notifies the enabled numbers, not the new one; the first number gets none', async () => {
      const { token, accountId } = await signUp(api);
      const first = phone();
      expect(await noticesDuring(accountId, () => enableWith(api, token, first))).toEqual([]);
      const second = phone();
      expect(await noticesDuring(accountId, () => enableWith(api, token, second))).toEqual([first]);
      const pending = phone();
      expect(await noticesDuring(accountId, () => addNumber(api, token, pending))).toEqual(sorted(first, second));
    });

    it('removing a number notifies the other enabled numbers only', async () => {
      const a = await account(3);
      const [x, y, z] = a.numbers;
      const pending = phone();
      await addNumber(api, a.token, pending);
      const got = await noticesDuring(a.accountId, async () => expect((await api.gql(REMOVE, { methodId: y.methodId }, { token: a.token })).errors).toBeUndefined());
      expect(got).toEqual(sorted(x.number, z.number));
    });

    it('removing a pending number while 2FA is on notifies the enabled numbers too', async () => {
      const a = await account(2);
      const pending = phone();
      const { methodId } = await addNumber(api, a.token, pending);
      const got = await noticesDuring(a.accountId, async () => expect((await api.gql(REMOVE, { methodId }, { token: a.token })).errors).toBeUndefined());
      expect(got).toEqual(sorted(...a.numbers.map((n) => n.number)));
    });

    it('removing the last number (2FA off) tells that number; removing a pending number with 2FA off notifies nobody', async () => {
      const a = await account(1);
      const pending = phone();
      const { methodId } = await addNumber(api, a.token, pending);
      expect(await noticesDuring(a.accountId, () => api.gql(REMOVE, { methodId: a.numbers[0].methodId }, { token: a.token }))).toEqual([a.numbers[0].number]);
      const notice = await api.lastSms(a.numbers[0].number);
      expect(notice?.purpose).toBe('NOTICE');
      expect(notice?.body).toBe('Twofold: two-factor authentication was turned off. If this was not you, secure your account now.');
      expect(await noticesDuring(a.accountId, () => api.gql(REMOVE, { methodId }, { token: a.token }))).toEqual([]);
      const left = await api.pg.query(`SELECT 1 FROM sms_method WHERE account_id = $1`, [a.accountId]);
      expect(left.rowCount).toBe(0);
    });

    it('changing the default method tells every enabled number', async () => {
      const a = await account(3);
      const all = sorted(...a.numbers.map((n) => n.number));
      expect(await noticesDuring(a.accountId, async () => expect((await api.gql(SET_DEFAULT, { methodId: a.numbers[2].methodId }, { token: a.token })).errors).toBeUndefined())).toEqual(all);
      expect((await api.lastSms(a.numbers[0].number))?.body).toBe('Twofold: the default sign-in method of your account was changed. If this was not you, secure your account now.');
      // Making the default the default changes nothing and tells nobody.
      expect(await noticesDuring(a.accountId, () => api.gql(SET_DEFAULT, { methodId: a.numbers[2].methodId }, { token: a.token }))).toEqual([]);
    });

    it('regenerating and deleting emergency codes notify every enabled number', async () => {
      const a = await account(2);
      const all = sorted(...a.numbers.map((n) => n.number));
      expect(await noticesDuring(a.accountId, async () => expect((await api.gql(REGENERATE, {}, { token: a.token })).errors).toBeUndefined())).toEqual(all);
      expect(await noticesDuring(a.accountId, async () => expect((await api.gql(DELETE_CODES, {}, { token: a.token })).errors).toBeUndefined())).toEqual(all);
    });

    it('signing in with an emergency code notifies every enabled number', async () => {
      const a = await account(2);
      const all = sorted(...a.numbers.map((n) => n.number));
      const got = await noticesDuring(a.accountId, async () => {
        const c = await challenge(api, a.email);
        expect((await api.gql(COMPLETE_BACKUP, { input: { ticket: c.ticket, code: a.backupCodes[0] } })).errors).toBeUndefined();
      });
      expect(got).toEqual(all);
      // A failed emergency code sends nothing.
      const none = await noticesDuring(a.accountId, async () => {
        const c = await challenge(api, a.email);
        expect(errorCode(await api.gql(COMPLETE_BACKUP, { input: { ticket: c.ticket, code: a.backupCodes[0] } }))).toBe('INVALID_CODE');
      });
      expect(none).toEqual([]);
    });
  });

  describe('outbox', () => {
    it('every code is written with a QUEUED sms_message row in the same transaction', async () => {
      const { token, accountId } = await signUp(api);
      const number = phone();
      const { methodId, dispatch } = await addNumber(api, token, number);
      api.clock.advance(api.config.timings.smsResendCooldownSeconds);
      expect((await api.gql(RESEND, { methodId }, { token })).errors).toBeUndefined();
      await confirm(api, token, methodId, await api.lastCode(number));
      const c = await challenge(api, (await api.pg.query('SELECT email FROM account WHERE id = $1', [accountId])).rows[0].email);
      await sendLoginCode(api, c.ticket, methodId, number);

      const codes = await api.pg.query(`SELECT purpose FROM sms_code WHERE account_id = $1 ORDER BY created_at`, [accountId]);
      const messages = await api.pg.query(`SELECT purpose, status, id FROM sms_message WHERE account_id = $1 AND purpose <> 'NOTICE' ORDER BY created_at`, [accountId]);
      expect(codes.rows.map((r) => r.purpose)).toEqual(['METHOD_CONFIRMATION', 'METHOD_CONFIRMATION', 'LOGIN']);
      expect(messages.rows.map((r) => r.purpose)).toEqual(['METHOD_CONFIRMATION', 'METHOD_CONFIRMATION', 'LOGIN']);
      expect(messages.rows[0].id).toBe(dispatch.id);
      expect(messages.rows.every((r) => r.status === 'QUEUED')).toBe(true); // no worker runs in this file

      // A refused send (cooldown) writes neither a code nor a message.
      const before = (await api.pg.query('SELECT count(*)::int AS n FROM sms_code WHERE account_id = $1', [accountId])).rows[0].n;
      const early = await api.gql(`mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id } }`, { input: { ticket: c.ticket, methodId } });
      expect(errorCode(early)).toBe('RATE_LIMITED');
      expect((await api.pg.query('SELECT count(*)::int AS n FROM sms_code WHERE account_id = $1', [accountId])).rows[0].n).toBe(before);
      expect((await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE account_id = $1 AND purpose <> 'NOTICE'`, [accountId])).rows[0].n).toBe(before);
    });

    it('the BullMQ job holds neither the code nor the phone number in clear', async () => {
      const { token } = await signUp(api);
      const number = phone();
      const { dispatch } = await addNumber(api, token, number);
      const code = await api.lastCode(number);
      const key = `${api.config.queuePrefix}:sms:${dispatch.id}`;
      const job = await redis.hgetall(key);
      expect(Object.keys(job).length).toBeGreaterThan(0);
      const text = JSON.stringify(job);
      expect(text).not.toContain(code);
      expect(text).not.toContain(number.slice(1)); // with or without the +
      expect(text).not.toContain(number.slice(3)); // national digits
      const data = JSON.parse(job['data']);
      expect(Object.keys(data).sort()).toEqual(['messageId', 'sealed', 'v']);
      expect(data.messageId).toBe(dispatch.id);
      expect((await api.pg.query('SELECT enqueued_at FROM sms_message WHERE id = $1', [dispatch.id])).rows[0].enqueued_at).not.toBeNull();
    });

    describe('with Redis unreachable', () => {
      let cut: ApiInstance;
      beforeAll(async () => {
        cut = await startAnotherInstance(api, { redisUrl: 'redis://127.0.0.1:1' });
      });
      afterAll(() => cut.close());

      it('addSmsMethod still succeeds, the row stays QUEUED, the code works, and the relay hands it over once Redis is back', async () => {
        const { token } = await signUp(api);
        const number = phone();
        const started = Date.now();
        const res = await cut.gql(ADD, { input: { phoneNumber: number } }, { token });
        expect(res.errors).toBeUndefined();
        expect(Date.now() - started).toBeLessThan(5000);
        const id = res.data!['addSmsMethod'].dispatch.id as string;
        const row = (await api.pg.query('SELECT status, enqueued_at FROM sms_message WHERE id = $1', [id])).rows[0];
        expect(row.status).toBe('QUEUED');
        // Same transaction as the code: both rows carry the id of the transaction that wrote them.
        const tx = await api.pg.query(
          `SELECT c.xmin::text AS code_tx, m.xmin::text AS message_tx FROM sms_code c JOIN sms_message m ON m.method_id = c.method_id WHERE m.id = $1`,
          [id],
        );
        expect(tx.rows).toHaveLength(1);
        expect(tx.rows[0].code_tx).toBe(tx.rows[0].message_tx);
        expect(await redis.exists(`${api.config.queuePrefix}:sms:${id}`)).toBe(0);

        // The relay of an instance that reaches Redis hands it over once SMS_RELAY_REQUEUE_AFTER_SECONDS passed.
        await api.app.get(SmsOutboxService).relayOnce();
        expect(await redis.exists(`${api.config.queuePrefix}:sms:${id}`)).toBe(0);
        api.clock.advance(api.config.sms.relayRequeueAfterSeconds + 1);
        await api.app.get(SmsOutboxService).relayOnce();
        expect(await redis.exists(`${api.config.queuePrefix}:sms:${id}`)).toBe(1);
        expect((await api.pg.query('SELECT enqueued_at FROM sms_message WHERE id = $1', [id])).rows[0].enqueued_at).not.toBeNull();

        const methodId = res.data!['addSmsMethod'].method.id as string;
        const done = await cut.gql(`mutation($input: ConfirmSmsMethodInput!) { confirmSmsMethod(input: $input) { method { status } } }`, { input: { methodId, code: await api.lastCode(number) } }, { token });
        expect(done.data?.['confirmSmsMethod'].method.status).toBe('ENABLED');
      });
    });
  });
});
