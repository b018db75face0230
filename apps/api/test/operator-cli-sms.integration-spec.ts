import { startApi, type TestApi } from './harness';
import { cliRunner } from './cli-helpers';
import { COMPLETE_SMS, enableNumber, LOGIN, PASSWORD, phone, SEND_LOGIN, signUp } from './journey';

// Issue 13 part 6: `twofold sms show|retry`. A retry re-enqueues a FAILED code SMS only while
// its code is live, through the SMS outbox (a new message, the same text), decided in one
// statement on the code's row: two retries at once make one copy.
describe('operator CLI: sms show and sms retry', () => {
  let api: TestApi;
  let cli: ReturnType<typeof cliRunner>;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000', SMS_LIMIT_PER_NUMBER_PER_HOUR: '1000', SMS_LIMIT_PER_ACCOUNT_PER_HOUR: '1000', SMS_RESEND_COOLDOWN_SECONDS: '0' });
    cli = cliRunner(api);
  });
  afterAll(() => api.close());

  /** A login code SMS the worker failed to send (as the worker's markFailed leaves it), with its open ticket. */
  async function failedLoginCode() {
    const { token, email } = await signUp(api);
    const { methodId, number } = await enableNumber(api, token, phone(), null);
    const c = (await api.gql(LOGIN, { input: { email, password: PASSWORD } })).data!['login'];
    const sent = await api.gql(SEND_LOGIN, { input: { ticket: c.ticket, methodId } });
    const id = sent.data!['sendLoginSmsCode'].id as string;
    const code = await api.lastCode(number);
    await api.pg.query(`UPDATE sms_message SET status = 'FAILED', attempts = 5, provider = 'fake', failure_reason = 'provider answered 503', failed_at = now(), updated_at = now() WHERE id = $1`, [id]);
    return { id, code, number, methodId, ticket: c.ticket as string };
  }

  const copiesOf = async (number: string, purpose = 'LOGIN') =>
    (await api.pg.query(`SELECT id, status FROM sms_message WHERE phone_number = $1 AND purpose = $2 ORDER BY created_at, id`, [number, purpose])).rows as { id: string; status: string }[];

  it('sms show: purpose, masked number, state, provider, attempts, timestamps, each provider\'s receipts; never the number, the text or the code', async () => {
    const f = await failedLoginCode();
    // Two providers' turns, as the receipt-driven fallback records them (sms_attempt).
    await api.pg.query(
      `INSERT INTO sms_attempt (message_id, seq, provider, status, provider_message_id, fallback_cause, failure_reason, created_at, updated_at, sent_at, failed_at)
       VALUES ($1, 1, 'twilio', 'FAILED', 'SM0001', NULL, 'undelivered', now(), now(), now(), now()), ($1, 2, 'ovh', 'FAILED', 'OVH0002', 'FAILED_RECEIPT', 'provider answered 503', now(), now(), NULL, now())`,
      [f.id],
    );
    const human = await cli.run(['sms', 'show', f.id]);
    expect(human.out).toMatch(/Provider turn 1:\s+twilio FAILED, sent \S+Z, delivered -, failed \S+Z \(undelivered\)/);
    expect(human.out).toMatch(/Provider turn 2:\s+ovh FAILED \(fallback: FAILED_RECEIPT\)/);
    expect(human).toMatchObject({ code: 0, err: '' });
    expect(human.out).toMatch(/Purpose:\s+LOGIN/);
    expect(human.out).toMatch(/State:\s+FAILED/);
    expect(human.out).toMatch(/Attempts:\s+5/);
    expect(human.out).toMatch(/Failure reason:\s+provider answered 503/);
    expect(human.out).toMatch(/Code:\s+live, expires/);
    const json = await cli.run(['sms', 'show', f.id, '--json']);
    const view = JSON.parse(json.out);
    expect(view).toMatchObject({ id: f.id, purpose: 'LOGIN', status: 'FAILED', provider: 'fake', attempts: 5, code: { state: 'live', retriedAs: null } });
    expect(view.maskedPhoneNumber).toContain('•');
    expect(view.deliveryAttempts.map((a: { provider: string; providerMessageId: string }) => [a.provider, a.providerMessageId])).toEqual([['twilio', 'SM0001'], ['ovh', 'OVH0002']]);
    for (const out of [human.out, json.out]) {
      expect(out).not.toContain(f.number);
      expect(out).not.toContain(f.number.slice(-6));
      expect(out).not.toContain(f.code);
      expect(out).not.toMatch(/body/i);
    }
    expect(await cli.run(['sms', 'show', '5f0c1a8e-0000-4000-8000-000000000000'])).toEqual({ code: 1, out: '', err: 'twofold: no SMS with id 5f0c1a8e-0000-4000-8000-000000000000\n' });
    expect((await cli.run(['sms', 'show', 'not-an-id'])).code).toBe(1);
  });

  it('sms retry: a FAILED code SMS whose code is live goes again as a new message with the same code, which signs in', async () => {
    const f = await failedLoginCode();
    const r = await cli.run(['sms', 'retry', f.id, '--json']);
    expect(r).toMatchObject({ code: 0, err: '' });
    const answer = JSON.parse(r.out);
    expect(answer).toMatchObject({ id: f.id, handedToQueue: true });
    expect(answer.retryId).not.toBe(f.id);
    expect(await copiesOf(f.number)).toEqual([
      { id: f.id, status: 'FAILED' },
      { id: answer.retryId, status: 'QUEUED' },
    ]);
    const copy = await api.lastSms(f.number);
    expect(copy!.id).toBe(answer.retryId);
    expect(copy!.body).toContain(f.code);
    // The original says where its code went; the code still signs in once.
    expect(JSON.parse((await cli.run(['sms', 'show', f.id, '--json'])).out).code).toMatchObject({ retriedAs: answer.retryId });
    const done = await api.gql(COMPLETE_SMS, { input: { ticket: f.ticket, methodId: f.methodId, code: f.code } });
    expect(done.data!['completeLoginWithSms'].token).toBeTruthy();
    // Entered: the conversion signal is on the copy that carried it.
    expect((await api.pg.query(`SELECT verified_at FROM sms_message WHERE id = $1`, [answer.retryId])).rows[0].verified_at).not.toBeNull();
    // Used now: a retry of either is refused.
    const again = await cli.run(['sms', 'retry', f.id]);
    expect(again).toMatchObject({ code: 1, err: `twofold: SMS ${f.id} cannot be retried: its code is retried already, as SMS ${answer.retryId}\n` });
  });

  it('sms retry refuses a SENT message, a notice, an expired code and a used one, with the reason', async () => {
    const sent = await failedLoginCode();
    await api.pg.query(`UPDATE sms_message SET status = 'SENT' WHERE id = $1`, [sent.id]);
    expect(await cli.run(['sms', 'retry', sent.id])).toMatchObject({ code: 1, err: `twofold: SMS ${sent.id} is SENT, not FAILED: only a FAILED code SMS is retried\n` });

    const used = await failedLoginCode();
    await api.gql(COMPLETE_SMS, { input: { ticket: used.ticket, methodId: used.methodId, code: used.code } });
    expect((await cli.run(['sms', 'retry', used.id])).err).toMatch(/its code is used\n$/);

    // A confirmation code SMS of a number confirmed since (its code used), and the notice the second number caused.
    const { token, accountId } = await signUp(api);
    await enableNumber(api, token, phone(), null);
    await enableNumber(api, token, phone(), null);
    const byPurpose = async (purpose: string) => (await api.pg.query(`SELECT id FROM sms_message WHERE account_id = $1 AND purpose = $2 ORDER BY created_at LIMIT 1`, [accountId, purpose])).rows[0].id as string;
    const confirmation = await byPurpose('METHOD_CONFIRMATION');
    const notice = await byPurpose('NOTICE');
    await api.pg.query(`UPDATE sms_message SET status = 'FAILED' WHERE id = ANY($1)`, [[confirmation, notice]]);
    expect((await cli.run(['sms', 'retry', confirmation])).err).toMatch(/its code is used\n$/);
    expect(await cli.run(['sms', 'retry', notice])).toMatchObject({ code: 1, err: `twofold: SMS ${notice} is a notice, not a code: only a code SMS is retried\n` });
    expect(JSON.parse((await cli.run(['sms', 'show', notice, '--json'])).out)).toMatchObject({ purpose: 'NOTICE', code: null });

    const expired = await failedLoginCode();
    api.clock.advance(api.config.timings.smsCodeTtlSeconds + 1);
    const r = await cli.run(['sms', 'retry', expired.id]);
    expect(r).toMatchObject({ code: 1, err: `twofold: SMS ${expired.id} cannot be retried: its code is expired\n` });
    expect(await copiesOf(expired.number)).toEqual([{ id: expired.id, status: 'FAILED' }]);
    expect(JSON.parse((await cli.run(['sms', 'show', expired.id, '--json'])).out).code.state).toBe('expired');
  });

  it('two retries at once re-enqueue once: one copy, the other refused', async () => {
    for (let round = 0; round < 3; round++) {
      const f = await failedLoginCode();
      const results = await Promise.all([cli.run(['sms', 'retry', f.id]), cli.run(['sms', 'retry', f.id])]);
      expect(results.map((x) => x.code).sort()).toEqual([0, 1]);
      expect(results.find((x) => x.code === 1)!.err).toMatch(/retried already, as SMS [0-9a-f-]{36}|its code changed while retrying/);
      const copies = await copiesOf(f.number);
      expect(copies).toHaveLength(2);
      expect(copies.filter((c) => c.status === 'QUEUED')).toHaveLength(1);
    }
  });

  /** Holds the row lock of the code `messageId` carries in a transaction of its own, until `release` (which may change the row first). */
  async function holdCode(messageId: string) {
    const client = await api.pg.connect();
    await client.query('BEGIN');
    const { rows } = await client.query(`SELECT id FROM sms_code WHERE message_id = $1 FOR UPDATE`, [messageId]);
    return {
      codeId: rows[0].id as string,
      async release(change?: string) {
        if (change) await client.query(change, [rows[0].id]);
        await client.query('COMMIT');
        client.release();
      },
    };
  }
  /** Waits until `n` backends of this database wait on a lock. */
  async function lockWaiters(n: number) {
    for (let i = 0; i < 200; i++) {
      const { rows } = await api.pg.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (rows[0].n >= n) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`${n} lock waiter(s) expected`);
  }

  it('the decision is the one statement on the code row: two retries past every check, blocked together, still make one copy', async () => {
    const f = await failedLoginCode();
    const held = await holdCode(f.id);
    const both = Promise.all([cli.run(['sms', 'retry', f.id]), cli.run(['sms', 'retry', f.id])]);
    await lockWaiters(2); // both wrote their copy and wait for the code's row
    await held.release();
    const results = await both;
    expect(results.map((x) => x.code).sort()).toEqual([0, 1]);
    expect(results.find((x) => x.code === 1)!.err).toMatch(/its code is retried already, as SMS [0-9a-f-]{36}\n$/);
    const copies = await copiesOf(f.number);
    expect(copies).toHaveLength(2);
    expect(copies[1]!.status).toBe('QUEUED');
  });

  it('a code used while its retry waits is not sent again: the copy is rolled back', async () => {
    const f = await failedLoginCode();
    const held = await holdCode(f.id);
    const retry = cli.run(['sms', 'retry', f.id]);
    await lockWaiters(1);
    await held.release(`UPDATE sms_code SET consumed_at = now() WHERE id = $1`);
    expect(await retry).toMatchObject({ code: 1, err: `twofold: SMS ${f.id} cannot be retried: its code is used\n` });
    expect(await copiesOf(f.number)).toEqual([{ id: f.id, status: 'FAILED' }]);
  });
});
