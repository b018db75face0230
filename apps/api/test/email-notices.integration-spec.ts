import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { createHash } from 'node:crypto';
import { deriveKey, EMAIL_QUEUE_NAME, open, openEmailJob, type EmailTemplateData, type SendEmailJobData } from '@twofold/sms-queue';
import { noticeKinds } from '@twofold/two-factor-domain';
import { EmailOutboxService } from '../src/email-outbox/email-outbox.service';
import { NoticesService } from '../src/sms-outbox/notices.service';
import { SmsOutboxService } from '../src/sms-outbox/sms-outbox.service';
import { errorCode, startApi, type TestApi } from './harness';
import { phone, signUp } from './journey';
import { enableWith, REGENERATE, REMOVE } from './two-factor-helpers';

const RESEND_VERIFICATION = `mutation { resendVerificationEmail }`;
const META = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', requestId: null };

interface NoticeMail {
  id: string;
  to_address: string;
  locale: string;
  status: string;
  client_ip: string | null;
  data: EmailTemplateData;
}

/** The account's notice e-mails, oldest first, opened as the worker would. */
async function noticeMails(api: TestApi, accountId: string): Promise<NoticeMail[]> {
  const dataKey = deriveKey(api.config.appSecret, 'email-data');
  const { rows } = await api.pg.query(
    `SELECT id, to_address, locale, status, client_ip, data_sealed FROM email_message WHERE account_id = $1 AND template = 'SECURITY_NOTICE' ORDER BY created_at, id`,
    [accountId],
  );
  return rows.map((r: { id: string; to_address: string; locale: string; status: string; client_ip: string | null; data_sealed: string }) => ({
    id: r.id,
    to_address: r.to_address,
    locale: r.locale,
    status: r.status,
    client_ip: r.client_ip,
    data: JSON.parse(open(dataKey, r.data_sealed, r.id)) as EmailTemplateData,
  }));
}

const kindsOf = (mails: NoticeMail[]) => mails.map((m) => m.data.notice?.kind);

/** NoticesService.queue as a change calls it, in a unit of work of `outbox` ('sms' or 'email': the same one). */
async function queueNotice(api: TestApi, accountId: string, kind: (typeof noticeKinds extends () => (infer K)[] ? K : never), outbox: 'sms' | 'email' = 'sms') {
  const run = outbox === 'sms' ? api.app.get(SmsOutboxService) : api.app.get(EmailOutboxService);
  await run.inTransaction((em) => api.app.get(NoticesService).queue(em, { accountId, locale: 'en', kind, meta: META }, api.clock.now()));
}

/**
 * Issue 13 part 3: every security notice also goes by e-mail to the account's address (so an
 * account with one number, or none, hears of every change), sealed with its "This wasn't me"
 * token, whose SHA-256 alone is stored; its own budget, EMAIL_NOTICES_PER_ACCOUNT_PER_HOUR.
 */
describe('security notices by e-mail', () => {
  let api: TestApi;
  let redis: IORedis;
  let queue: Queue;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000', EMAIL_NOTICES_PER_ACCOUNT_PER_HOUR: '50' });
    redis = new IORedis(api.config.redisUrl, { maxRetriesPerRequest: 1 });
    queue = new Queue(EMAIL_QUEUE_NAME, { connection: redis, prefix: api.config.queuePrefix });
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await api.close();
  });

  it('a one-number account gets an e-mail notice for each change, sealed, its token hashed at rest; its SMS notices are as before', async () => {
    const { token, accountId, email } = await signUp(api);
    const number = phone();
    const { methodId } = await enableWith(api, token, number); // turning 2FA on is not a notice
    expect(await noticeMails(api, accountId)).toEqual([]);
    // A second number, added then removed while pending: the SMS notices go to the first number only.
    const pending = phone();
    const added = await api.gql(`mutation($input: AddSmsMethodInput!) { addSmsMethod(input: $input) { method { id } } }`, { input: { phoneNumber: pending } }, { token });
    expect((await api.gql(REMOVE, { methodId: added.data!['addSmsMethod'].method.id }, { token })).errors).toBeUndefined();
    expect((await api.gql(REGENERATE, {}, { token })).errors).toBeUndefined();
    expect((await api.gql(REMOVE, { methodId }, { token })).errors).toBeUndefined();
    const mails = await noticeMails(api, accountId);
    expect(kindsOf(mails)).toEqual(['SMS_METHOD_ADDED', 'SMS_METHOD_REMOVED', 'BACKUP_CODES_GENERATED', 'TWO_FACTOR_DISABLED']);
    const sms = await api.pg.query(`SELECT phone_number FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE'`, [accountId]);
    expect(sms.rows.map((r: { phone_number: string }) => r.phone_number)).toEqual([number, number, number, number]);

    for (const m of mails) {
      expect(m).toMatchObject({ to_address: email, locale: 'en', client_ip: null });
      expect(m.data.name).toBe('Ada Lovelace');
      expect(m.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(m.data.notice).toMatchObject({ ip: '127.0.0.1' });
      expect(new Date(m.data.expiresAt!).getTime() - new Date(m.data.notice!.at).getTime()).toBe(7 * 86400 * 1000);
      const stored = await api.pg.query(`SELECT token_hash, kind, used_at FROM security_alert_token WHERE token_hash = $1`, [createHash('sha256').update(m.data.token!).digest()]);
      expect(stored.rows).toEqual([{ token_hash: expect.any(Buffer), kind: m.data.notice!.kind, used_at: null }]);
      const job = await queue.getJob(m.id);
      expect(openEmailJob(deriveKey(api.config.appSecret, 'email-payload'), job!.data as SendEmailJobData)).toMatchObject({ template: 'SECURITY_NOTICE', to: email, data: { token: m.data.token } });
    }
    // Never in clear at rest: not in PostgreSQL (the e-mail rows, the tokens, the events), not in Redis.
    const pg = (await api.pg.query(`SELECT (SELECT json_agg(t) FROM email_message t)::text || (SELECT json_agg(t) FROM security_alert_token t)::text || (SELECT json_agg(t) FROM security_event t)::text AS j`)).rows[0].j as string;
    const keys = await redis.keys(`${api.config.queuePrefix}*`);
    const rd: string[] = [];
    for (const k of keys) if ((await redis.type(k)) === 'hash') rd.push(JSON.stringify(await redis.hgetall(k)));
    for (const m of mails) {
      expect(pg).not.toContain(m.data.token);
      expect(rd.join('\n')).not.toContain(m.data.token);
    }
  });

  it('every notice kind writes one e-mail notice, from a unit of work of either outbox', async () => {
    const { accountId } = await signUp(api);
    const kinds = noticeKinds();
    expect(kinds.length).toBeGreaterThanOrEqual(11);
    for (const [i, kind] of kinds.entries()) await queueNotice(api, accountId, kind, i % 2 === 0 ? 'sms' : 'email');
    const mails = await noticeMails(api, accountId);
    expect(kindsOf(mails)).toEqual(kinds);
    for (const m of mails) expect(m.data.notice).toEqual({ kind: m.data.notice!.kind, at: expect.any(String), ip: META.ip, userAgent: META.userAgent });
    const tokens = await api.pg.query(`SELECT kind FROM security_alert_token WHERE account_id = $1 ORDER BY created_at, id`, [accountId]);
    expect(tokens.rows.map((r: { kind: string }) => r.kind).sort()).toEqual([...kinds].sort());
  });

  it('a notice in an e-mail unit of work still goes by SMS to the other numbers', async () => {
    const { token, accountId } = await signUp(api);
    const [a, b] = [phone(), phone()];
    await enableWith(api, token, a);
    await enableWith(api, token, b);
    const before = (await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE'`, [accountId])).rows[0].n as number;
    await queueNotice(api, accountId, 'DEFAULT_METHOD_CHANGED', 'email');
    const after = (await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE'`, [accountId])).rows[0].n as number;
    expect(after - before).toBe(2);
    expect(kindsOf(await noticeMails(api, accountId)).slice(-1)).toEqual(['DEFAULT_METHOD_CHANGED']);
  });

  it('a rolled-back change writes no e-mail notice and no token', async () => {
    const { accountId } = await signUp(api);
    await expect(
      api.app.get(SmsOutboxService).inTransaction(async (em) => {
        await api.app.get(NoticesService).queue(em, { accountId, locale: 'fr', kind: 'BACKUP_CODE_USED', meta: META }, api.clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await noticeMails(api, accountId)).toEqual([]);
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM security_alert_token WHERE account_id = $1`, [accountId])).rows[0].n).toBe(0);
  });

  it('writes the e-mail in the account\'s locale', async () => {
    const { accountId } = await signUp(api);
    await api.app.get(SmsOutboxService).inTransaction((em) => api.app.get(NoticesService).queue(em, { accountId, locale: 'fr', kind: 'TOTP_METHOD_ADDED', meta: META }, api.clock.now()));
    expect((await noticeMails(api, accountId))[0].locale).toBe('fr');
  });
});

describe('the e-mail notice budget', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ EMAIL_NOTICES_PER_ACCOUNT_PER_HOUR: '3', EMAIL_PER_ACCOUNT_PER_HOUR: '2', EMAIL_PER_IP_PER_HOUR: '3' });
  });
  afterAll(() => api.close());

  it('stops at EMAIL_NOTICES_PER_ACCOUNT_PER_HOUR with an event and no token; the change and the customer\'s own e-mails are not affected', async () => {
    const { accountId, token } = await signUp(api); // the verification e-mail: 1 of the account's 2
    for (let i = 0; i < 5; i++) await queueNotice(api, accountId, 'BACKUP_CODES_GENERATED');
    expect(await noticeMails(api, accountId)).toHaveLength(3);
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM security_alert_token WHERE account_id = $1`, [accountId])).rows[0].n).toBe(3);
    const blocked = await api.pg.query(`SELECT detail FROM security_event WHERE account_id = $1 AND type = 'EMAIL_SEND_BLOCKED'`, [accountId]);
    expect(blocked.rows).toEqual([
      { detail: 'BACKUP_CODES_GENERATED notice e-mail: e-mail notice budget reached' },
      { detail: 'BACKUP_CODES_GENERATED notice e-mail: e-mail notice budget reached' },
    ]);
    // Notices spend neither the account's e-mail budget nor the IP's: the customer's own link still goes.
    expect((await api.gql(RESEND_VERIFICATION, {}, { token })).data).toEqual({ resendVerificationEmail: true });
    expect(errorCode(await api.gql(RESEND_VERIFICATION, {}, { token }))).toBe('RATE_LIMITED');
    // An hour on, notices go again.
    api.clock.advance(3601);
    await queueNotice(api, accountId, 'BACKUP_CODES_DELETED');
    expect(kindsOf(await noticeMails(api, accountId)).slice(-1)).toEqual(['BACKUP_CODES_DELETED']);
  });

  it('an IP whose e-mail budget is spent cannot silence a notice', async () => {
    const { accountId } = await signUp(api);
    await signUp(api);
    await signUp(api); // 127.0.0.1 has spent its 3 e-mails
    const fourth = await signUp(api);
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM email_message WHERE account_id = $1`, [fourth.accountId])).rows[0].n).toBe(0);
    await queueNotice(api, accountId, 'DEVICE_REMEMBERED');
    await queueNotice(api, fourth.accountId, 'DEVICE_REMEMBERED');
    expect(kindsOf(await noticeMails(api, accountId))).toEqual(['DEVICE_REMEMBERED']);
    expect(kindsOf(await noticeMails(api, fourth.accountId))).toEqual(['DEVICE_REMEMBERED']);
  });

  it('concurrent changes cannot pass the notice budget together', async () => {
    const { accountId } = await signUp(api);
    await Promise.all(Array.from({ length: 8 }, () => queueNotice(api, accountId, 'SMS_METHOD_ADDED')));
    expect(await noticeMails(api, accountId)).toHaveLength(3);
  });
});

describe('the global e-mail budget and notices', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ EMAIL_BUDGET_GLOBAL_PER_HOUR: '2' });
  });
  afterAll(() => api.close());

  it('notices count toward it and stop at it, with an event', async () => {
    const { accountId } = await signUp(api); // 1 of 2
    await queueNotice(api, accountId, 'SECURITY_KEY_ADDED'); // 2 of 2
    await queueNotice(api, accountId, 'SECURITY_KEY_ADDED');
    expect(await noticeMails(api, accountId)).toHaveLength(1);
    const blocked = await api.pg.query(`SELECT detail FROM security_event WHERE account_id = $1 AND type = 'EMAIL_SEND_BLOCKED'`, [accountId]);
    expect(blocked.rows).toEqual([{ detail: 'SECURITY_KEY_ADDED notice e-mail: global e-mail budget reached' }]);
  });
});
