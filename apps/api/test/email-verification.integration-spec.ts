import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { createHash } from 'node:crypto';
import { deriveKey, EMAIL_QUEUE_NAME, open, openEmailJob, type EmailTemplateData, type SendEmailJobData } from '@twofold/sms-queue';
import { EmailOutboxService } from '../src/email-outbox/email-outbox.service';
import { MaintenanceService } from '../src/maintenance/maintenance.service';
import { errorCode, startApi, type TestApi } from './harness';
import { LOGIN, PASSWORD, signUp } from './journey';

const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) }`;
const RESEND = `mutation { resendVerificationEmail }`;
const ME = `{ me { id emailVerified } }`;

/** A fresh session (the clock moved past the idle timeout of the sign-up's one). */
async function signIn(api: TestApi, email: string): Promise<string> {
  const res = await api.gql(LOGIN, { input: { email, password: PASSWORD } });
  return res.data!['login'].token as string;
}

/** Every value under the file's BullMQ prefix, as one string (hashes, lists, sets, streams, strings). */
async function dumpRedis(redis: IORedis, prefix: string): Promise<string> {
  const out: string[] = [];
  for (const key of await redis.keys(`${prefix}*`)) {
    const type = await redis.type(key);
    if (type === 'hash') out.push(JSON.stringify(await redis.hgetall(key)));
    else if (type === 'list') out.push(JSON.stringify(await redis.lrange(key, 0, -1)));
    else if (type === 'zset') out.push(JSON.stringify(await redis.zrange(key, 0, -1)));
    else if (type === 'set') out.push(JSON.stringify(await redis.smembers(key)));
    else if (type === 'string') out.push((await redis.get(key)) ?? '');
    else if (type === 'stream') out.push(JSON.stringify(await redis.xrange(key, '-', '+')));
  }
  return out.join('\n');
}

/**
 * Issue 13, verified e-mail: sign-up writes the verification e-mail (its token sealed) and the
 * token's hash in its own transaction, hands the e-mail to the `email` queue sealed, and
 * verifyEmail spends a live token once. Every e-mail is budgeted per account and globally.
 */
describe('verified e-mail', () => {
  let api: TestApi;
  let redis: IORedis;
  let queue: Queue;
  let dataKey: Buffer;
  let payloadKey: Buffer;
  beforeAll(async () => {
    api = await startApi();
    dataKey = deriveKey(api.config.appSecret, 'email-data');
    payloadKey = deriveKey(api.config.appSecret, 'email-payload');
    redis = new IORedis(api.config.redisUrl, { maxRetriesPerRequest: 1 });
    queue = new Queue(EMAIL_QUEUE_NAME, { connection: redis, prefix: api.config.queuePrefix });
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await api.close();
  });

  const emails = async (accountId: string) =>
    (await api.pg.query(`SELECT id, to_address, template, locale, status, data_sealed, xmin::text AS xmin FROM email_message WHERE account_id = $1 ORDER BY created_at, id`, [accountId])).rows as {
      id: string; to_address: string; template: string; locale: string; status: string; data_sealed: string; xmin: string;
    }[];
  /** The token of the account's newest verification e-mail, opened as the worker would. */
  const lastToken = async (accountId: string) => {
    const rows = await emails(accountId);
    const m = rows[rows.length - 1];
    return (JSON.parse(open(dataKey, m.data_sealed, m.id)) as EmailTemplateData).token as string;
  };
  const dumpPg = async () =>
    (await api.pg.query(`SELECT (SELECT json_agg(t) FROM email_message t)::text || (SELECT json_agg(t) FROM email_verification_token t)::text || (SELECT json_agg(t) FROM account t)::text AS j`)).rows[0].j as string;

  it('sign-up writes the e-mail and the token hash in its own transaction, and hands the e-mail to Redis sealed', async () => {
    const { accountId, email } = await signUp(api);
    const [mail, ...more] = await emails(accountId);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ to_address: email, template: 'VERIFY_EMAIL', locale: 'en', status: 'QUEUED' });
    const token = JSON.parse(open(dataKey, mail.data_sealed, mail.id)).token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    const tok = (await api.pg.query(`SELECT token_hash, xmin::text AS xmin, expires_at, created_at FROM email_verification_token WHERE account_id = $1`, [accountId])).rows;
    expect(tok).toHaveLength(1);
    expect(Buffer.compare(tok[0].token_hash, createHash('sha256').update(token).digest())).toBe(0);
    expect(tok[0].expires_at.getTime() - tok[0].created_at.getTime()).toBe(86400 * 1000);
    // One transaction: the account, its e-mail and its token were written by the same one.
    const account = (await api.pg.query(`SELECT xmin::text AS xmin FROM account WHERE id = $1`, [accountId])).rows[0];
    expect([mail.xmin, tok[0].xmin]).toEqual([account.xmin, account.xmin]);

    const job = await queue.getJob(mail.id);
    expect(job?.name).toBe('email.send');
    expect(openEmailJob(payloadKey, job!.data as SendEmailJobData)).toMatchObject({ messageId: mail.id, to: email, template: 'VERIFY_EMAIL', data: { token } });
    // At rest: the token is in clear neither in PostgreSQL nor in Redis.
    expect(await dumpPg()).not.toContain(token);
    expect(await dumpRedis(redis, api.config.queuePrefix)).not.toContain(token);
  });

  it('verifyEmail: a wrong token, then the right one once, then never again', async () => {
    const { accountId, token: session } = await signUp(api);
    const token = await lastToken(accountId);
    expect((await api.gql(ME, {}, { token: session })).data!['me'].emailVerified).toBe(false);
    const wrong = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(errorCode(await api.gql(VERIFY, { token: wrong }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(VERIFY, { token: 'short' }))).toBe('BAD_USER_INPUT');
    expect((await api.gql(VERIFY, { token })).data).toEqual({ verifyEmail: true });
    expect((await api.gql(ME, {}, { token: session })).data!['me'].emailVerified).toBe(true);
    expect(errorCode(await api.gql(VERIFY, { token }))).toBe('BAD_USER_INPUT');
    // Already verified: nothing more is sent.
    expect((await api.gql(RESEND, {}, { token: session })).data).toEqual({ resendVerificationEmail: false });
    expect(await emails(accountId)).toHaveLength(1);
  });

  it('an expired link answers CODE_EXPIRED; a resent one works and replaces the older', async () => {
    const { accountId, email } = await signUp(api);
    const first = await lastToken(accountId);
    api.clock.advance(86401);
    expect(errorCode(await api.gql(VERIFY, { token: first }))).toBe('CODE_EXPIRED');
    const session = await signIn(api, email);
    expect((await api.gql(RESEND, {}, { token: session })).data).toEqual({ resendVerificationEmail: true });
    const second = await lastToken(accountId);
    expect(second).not.toBe(first);
    const again = await api.gql(RESEND, {}, { token: session });
    expect(again.data).toEqual({ resendVerificationEmail: true });
    const third = await lastToken(accountId);
    expect(errorCode(await api.gql(VERIFY, { token: second }))).toBe('BAD_USER_INPUT'); // replaced
    expect((await api.gql(VERIFY, { token: third })).data).toEqual({ verifyEmail: true });
    expect(await dumpPg()).not.toContain(third);
    // Maintenance removes links past their expiry (used or not).
    api.clock.advance(86401);
    await api.app.get(MaintenanceService).runOnce();
    expect((await api.pg.query(`SELECT count(*)::int AS n FROM email_verification_token WHERE account_id = $1`, [accountId])).rows[0].n).toBe(0);
  });

  it('resendVerificationEmail is budgeted per account (5 e-mails an hour), and a stranger cannot spend it', async () => {
    const customer = await signUp(api);
    // A stranger signing up with the customer's address is refused before anything is sent.
    const stranger = await api.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { email: customer.email, password: 'another long password 123', name: 'Eve' } });
    expect(errorCode(stranger)).toBe('EMAIL_ALREADY_REGISTERED');
    expect(errorCode(await api.gql(RESEND))).toBe('UNAUTHENTICATED');
    expect(await emails(customer.accountId)).toHaveLength(1);

    // Aliases do not multiply e-mails: one resend per request.
    const aliased = await api.gql(`mutation { a: resendVerificationEmail b: resendVerificationEmail }`, {}, { token: customer.token });
    expect(errorCode(aliased)).toBe('BAD_USER_INPUT');
    expect(await emails(customer.accountId)).toHaveLength(1);
    for (let i = 0; i < 4; i++) expect((await api.gql(RESEND, {}, { token: customer.token })).data).toEqual({ resendVerificationEmail: true });
    const limited = await api.gql(RESEND, {}, { token: customer.token });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    const retryAfter = limited.errors![0].extensions!['retryAfterSeconds'] as number;
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await emails(customer.accountId)).toHaveLength(5);
    // The last link sent still works; another account is not affected.
    const other = await signUp(api);
    expect((await api.gql(RESEND, {}, { token: other.token })).data).toEqual({ resendVerificationEmail: true });
    api.clock.advance(3601);
    expect((await api.gql(RESEND, {}, { token: await signIn(api, customer.email) })).data).toEqual({ resendVerificationEmail: true });
  });

  it('12 resends at once stop at the per-account budget: exactly 5 e-mails, every other answer RATE_LIMITED', async () => {
    const customer = await signUp(api);
    const answers = await Promise.all(Array.from({ length: 12 }, () => api.gql(RESEND, {}, { token: customer.token })));
    const sent = answers.filter((r) => r.data?.['resendVerificationEmail'] === true).length;
    expect(sent).toBe(4); // the sign-up's e-mail is the first of the 5
    expect(answers.filter((r) => errorCode(r) === 'RATE_LIMITED')).toHaveLength(8);
    expect(await emails(customer.accountId)).toHaveLength(5);
  });

  it('a committed e-mail Redis never took is handed over by the relay', async () => {
    const { accountId } = await signUp(api);
    const [mail] = await emails(accountId);
    await queue.remove(mail.id);
    expect(await queue.getJob(mail.id)).toBeUndefined();
    api.clock.advance(31);
    expect(await api.app.get(EmailOutboxService).relayOnce()).toBeGreaterThanOrEqual(1);
    expect((await queue.getJob(mail.id))?.name).toBe('email.send');
  });
});

describe('the global e-mail budget', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ EMAIL_BUDGET_GLOBAL_PER_HOUR: '2' });
  });
  afterAll(() => api.close());

  it('beyond it sign-up still works without an e-mail or a token, and resend answers RATE_LIMITED', async () => {
    await signUp(api);
    const second = await signUp(api);
    const third = await signUp(api);
    const count = async (table: string, accountId: string) => (await api.pg.query(`SELECT count(*)::int AS n FROM ${table} WHERE account_id = $1`, [accountId])).rows[0].n as number;
    expect([await count('email_message', second.accountId), await count('email_verification_token', second.accountId)]).toEqual([1, 1]);
    expect([await count('email_message', third.accountId), await count('email_verification_token', third.accountId)]).toEqual([0, 0]);
    expect(errorCode(await api.gql(RESEND, {}, { token: third.token }))).toBe('RATE_LIMITED');
    api.clock.advance(3601);
    expect((await api.gql(RESEND, {}, { token: await signIn(api, third.email) })).data).toEqual({ resendVerificationEmail: true });
  });
});

describe('the per-IP e-mail budget', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ EMAIL_PER_IP_PER_HOUR: '2', TRUST_PROXY: '1' });
  });
  afterAll(() => api.close());

  const signUpFrom = async (ip: string) => {
    const email = `ip-${Math.random().toString(36).slice(2)}@example.com`;
    const res = await api.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token account { id } } }`, { input: { email, password: PASSWORD, name: 'Ada' } }, { headers: { 'x-forwarded-for': ip } });
    return { email, token: res.data!['signUp'].token as string, accountId: res.data!['signUp'].account.id as string };
  };
  const mails = async (accountId: string) => (await api.pg.query(`SELECT client_ip FROM email_message WHERE account_id = $1`, [accountId])).rows as { client_ip: string }[];

  it('one client (an IPv6 /64) stops at its budget; other clients and the accounts it made are not affected', async () => {
    const a = await signUpFrom('2001:db8:1:2::10');
    await signUpFrom('2001:db8:1:2::20');
    const third = await signUpFrom('2001:db8:1:2:ffff::1'); // same /64
    expect(await mails(a.accountId)).toEqual([{ client_ip: '2001:db8:1:2::/64' }]);
    expect(await mails(third.accountId)).toEqual([]);
    const other = await signUpFrom('198.51.100.7');
    expect(await mails(other.accountId)).toEqual([{ client_ip: '198.51.100.7' }]);
    // The customer, from elsewhere, still gets a new link; from the flooded /64 it is RATE_LIMITED.
    const limited = await api.gql(RESEND, {}, { token: third.token, headers: { 'x-forwarded-for': '2001:db8:1:2::30' } });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].message).toMatch(/^Too many e-mails requested from this network\./);
    expect((await api.gql(RESEND, {}, { token: third.token, headers: { 'x-forwarded-for': '203.0.113.9' } })).data).toEqual({ resendVerificationEmail: true });
  });
});
