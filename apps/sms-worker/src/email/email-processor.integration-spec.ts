import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { deriveKey, sealEmailJob, type SendEmailJobData } from '@twofold/sms-queue';
import { createTestDatabase, type TestDatabase } from '@twofold/testing';
import { memoryLogger } from '../logger';
import { StoreUnavailableError } from '../sms-message.store';
import { TEST_APP_SECRET } from '../test/fixtures';
import { createEmailProcessor, maskEmail } from './email-processor';
import { EmailMessageStore } from './email-message.store';
import { PermanentMailError, TransientMailError, type Mailer } from './mailer';

const payloadKey = deriveKey(TEST_APP_SECRET, 'email-payload');
const TOKEN = 'T'.repeat(43);

/** The e-mail processor against real PostgreSQL, with a scripted mailer and hand-made jobs. */
describe('e-mail processor (real PostgreSQL)', () => {
  let testDb: TestDatabase;
  let pg: Pool;
  const logger = memoryLogger();
  const outcomes: (string | Error)[] = [];
  const sentTo: string[] = [];
  const mailer: Mailer = {
    async send(messageId, to, mail) {
      sentTo.push(to);
      expect(mail.text).toContain(`https://app.example/verify-email?token=${TOKEN}`);
      const next = outcomes.shift() ?? `<${messageId}@twofold>`;
      if (next instanceof Error) throw next;
      return next;
    },
    close: () => undefined,
  };
  let store: EmailMessageStore;
  const processor = () => createEmailProcessor({ store, mailer, payloadKey, webOrigin: 'https://app.example', logger, storeRetryMs: 10 });

  beforeAll(async () => {
    testDb = await createTestDatabase('emailproc');
    pg = new Pool({ connectionString: testDb.url, max: 2 });
    // A connection still closing after end() is ended by the drop's FORCE: not an unhandled error.
    pg.on('error', () => undefined);
    store = new EmailMessageStore(pg);
  });
  afterAll(async () => {
    await pg.end();
    await testDb.drop();
  });

  async function message(): Promise<{ id: string; job: (attemptsMade?: number, key?: Buffer) => Job<SendEmailJobData> }> {
    const id = randomUUID();
    await pg.query(
      `INSERT INTO email_message (id, account_id, to_address, template, locale, data_sealed, status, attempts, created_at, updated_at, enqueued_at)
       VALUES ($1, NULL, 'ada@example.com', 'VERIFY_EMAIL', 'en', 'sealed', 'QUEUED', 0, now(), now(), now())`,
      [id],
    );
    const job = (attemptsMade = 0, key = payloadKey) =>
      ({
        id,
        name: 'email.send',
        attemptsMade,
        opts: { attempts: 3 },
        data: sealEmailJob(key, { messageId: id, to: 'ada@example.com', template: 'VERIFY_EMAIL', locale: 'en', data: { name: 'Ada', token: TOKEN, expiresAt: new Date().toISOString() } }),
        moveToDelayed: jest.fn(async () => undefined),
      }) as unknown as Job<SendEmailJobData>;
    return { id, job };
  }
  const row = async (id: string) => (await pg.query(`SELECT status, attempts, provider_message_id, failure_reason, sent_at, failed_at FROM email_message WHERE id = $1`, [id])).rows[0];

  it('sends once: SENT with the Message-ID; the same job again is a no-op', async () => {
    const m = await message();
    expect(await processor()(m.job())).toEqual({ outcome: 'sent', providerMessageId: `<${m.id}@twofold>` });
    expect(await row(m.id)).toMatchObject({ status: 'SENT', attempts: 1, provider_message_id: `<${m.id}@twofold>`, failure_reason: null });
    const before = sentTo.length;
    expect(await processor()(m.job())).toEqual({ outcome: 'skipped', reason: 'already handled' });
    expect(sentTo.length).toBe(before);
  });

  it('a transient failure notes the retry (SENDING); on the last attempt it is FAILED', async () => {
    const m = await message();
    outcomes.push(new TransientMailError('smtp 451: try again'));
    await expect(processor()(m.job(0))).rejects.toThrow('smtp 451: try again');
    expect(await row(m.id)).toMatchObject({ status: 'SENDING', attempts: 1, failure_reason: 'retrying: smtp 451: try again' });
    outcomes.push(new TransientMailError('smtp ECONNECTION: try again'));
    await expect(processor()(m.job(2))).rejects.toThrow(UnrecoverableError);
    expect(await row(m.id)).toMatchObject({ status: 'FAILED', attempts: 2, failure_reason: 'gave up after 3 attempts: smtp ECONNECTION: try again' });
  });

  it('a permanent refusal is FAILED at once; an unexpected error never quotes its message', async () => {
    const m = await message();
    outcomes.push(new PermanentMailError('smtp 550: refused'));
    await expect(processor()(m.job())).rejects.toThrow(UnrecoverableError);
    expect(await row(m.id)).toMatchObject({ status: 'FAILED', attempts: 1, failure_reason: 'smtp 550: refused', sent_at: null });
    const n = await message();
    outcomes.push(new TypeError('cannot send to ada@example.com'));
    await expect(processor()(n.job())).rejects.toThrow('unexpected error (TypeError)');
    expect((await row(n.id)).failure_reason).toBe('retrying: unexpected error (TypeError)');
  });

  it('a payload sealed with another key is FAILED, never sent', async () => {
    const m = await message();
    const before = sentTo.length;
    await expect(processor()(m.job(0, deriveKey('another-secret-that-is-long-enough-0123456789', 'email-payload')))).rejects.toThrow(UnrecoverableError);
    expect(await row(m.id)).toMatchObject({ status: 'FAILED', attempts: 0 });
    expect(sentTo.length).toBe(before);
  });

  it('PostgreSQL away: the job is put back without spending an attempt', async () => {
    const m = await message();
    const flaky = new EmailMessageStore(pg);
    flaky.claim = async () => {
      throw new StoreUnavailableError('postgresql: connect ECONNREFUSED');
    };
    const job = m.job();
    const p = createEmailProcessor({ store: flaky, mailer, payloadKey, webOrigin: 'https://app.example', logger, storeRetryMs: 10 });
    await expect(p(job, 'lock-token')).rejects.toThrow(DelayedError);
    expect(job.moveToDelayed).toHaveBeenCalledTimes(1);
    expect(await row(m.id)).toMatchObject({ status: 'QUEUED', attempts: 0 });
  });

  it('logs no address, link or token', () => {
    const logs = logger.lines.join('\n');
    expect(logs).toContain('email sent');
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain('ada@example.com');
    expect(logs).toContain(maskEmail('ada@example.com'));
    expect(maskEmail('ada@example.com')).toBe('a***@example.com');
  });
});
