import { startApi, type TestApi } from '../../test/harness';
import { ADD, phone, signUp } from '../../test/journey';
import { MAINTENANCE_MAX_BATCHES, MaintenanceService } from './maintenance.service';

describe('maintenance', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ PENDING_METHOD_TTL_SECONDS: '86400' });
  });
  afterAll(() => api.close());

  it('removes numbers still pending after 24 hours and keeps younger ones', async () => {
    const first = await signUp(api);
    const old = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token: first.token });
    expect(old.errors).toBeUndefined();
    api.clock.advance(86400 - 60);
    const second = await signUp(api); // the first session has long gone idle
    const young = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token: second.token });
    expect(young.errors).toBeUndefined();
    api.clock.advance(61);

    const removed = await api.app.get(MaintenanceService).runOnce();
    expect(removed.pendingMethods).toBe(1);
    const { rows } = await api.pg.query('SELECT id FROM sms_method WHERE account_id = ANY($1)', [[first.accountId, second.accountId]]);
    expect(rows.map((r) => r.id)).toEqual([young.data!['addSmsMethod'].method.id]);
  });
});

describe('maintenance: retention of ledgers and history', () => {
  const DAY = 86400;
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({
      MAINTENANCE_BATCH_SIZE: '2',
      LOGIN_FAILURE_RETENTION_SECONDS: String(DAY),
      SECURITY_EVENT_RETENTION_SECONDS: String(2 * DAY),
      SMS_MESSAGE_RETENTION_SECONDS: String(3 * DAY),
    });
  });
  afterAll(() => api.close());

  const failure = (email: string, at: Date) => api.pg.query(`INSERT INTO login_failure (email_normalized, created_at) VALUES ($1, $2)`, [email, at]);
  const event = (accountId: string, detail: string, at: Date) =>
    api.pg.query(`INSERT INTO security_event (id, account_id, type, created_at, detail) VALUES (gen_random_uuid(), $1, 'LOGIN_FAILED', $2, $3)`, [accountId, at, detail]);
  const message = (label: string, status: string, at: Date, purpose = 'LOGIN') =>
    api.pg.query(
      `INSERT INTO sms_message (id, phone_number, purpose, body_sealed, status, failure_reason, created_at, updated_at) VALUES (gen_random_uuid(), '+447700900001', $1, 'sealed', $2, $3, $4, $4)`,
      [purpose, status, label, at],
    );
  const labels = async (sql: string) => (await api.pg.query(sql)).rows.map((r) => r.label as string).sort();

  it('removes rows older than each retention in batches, and keeps younger rows and unsent SMS', async () => {
    // Written at t0; after 3 days and a minute every one is past its table's retention.
    const t0 = api.clock.now();
    const { accountId } = await signUp(api);
    for (let i = 0; i < 5; i++) {
      await failure(`old-${i}@example.com`, t0);
      await event(accountId, `old-${i}`, t0);
    }
    for (const [i, status] of ['SENT', 'DELIVERED', 'FAILED', 'SENT'].entries()) await message(`old-${i}`, status, t0);
    await message('old-notice', 'DELIVERED', t0, 'NOTICE');
    await message('queued', 'QUEUED', t0);
    await message('sending', 'SENDING', t0, 'NOTICE');
    api.clock.advance(3 * DAY + 60);
    const now = api.clock.now();
    const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
    await failure('young@example.com', ago(DAY - 60));
    await event(accountId, 'young', ago(2 * DAY - 60));
    await message('young', 'DELIVERED', ago(3 * DAY - 60));

    const removed = await api.app.get(MaintenanceService).runOnce();
    expect(removed).toMatchObject({ loginFailures: 5, securityEvents: 6, smsMessages: 5 }); // + the sign-up's ACCOUNT_CREATED
    expect((await api.pg.query(`SELECT email_normalized AS label FROM login_failure`)).rows.map((r) => r.label)).toEqual(['young@example.com']);
    expect(await labels(`SELECT detail AS label FROM security_event WHERE account_id = '${accountId}'`)).toEqual(['young']);
    expect(await labels(`SELECT failure_reason AS label FROM sms_message`)).toEqual(['queued', 'sending', 'young']);

    expect(await api.app.get(MaintenanceService).runOnce()).toMatchObject({ loginFailures: 0, securityEvents: 0, smsMessages: 0 });
  });

  it('removes delivery attempts past the SMS retention, and keeps younger ones', async () => {
    const retention = api.config.retention.smsMessageSeconds;
    const now = api.clock.now();
    const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000);
    const attempt = (label: string, createdAt: Date) =>
      api.pg.query(
        `INSERT INTO sms_attempt (message_id, seq, provider, status, failure_reason, created_at, updated_at) VALUES (gen_random_uuid(), 1, 'twilio', 'FAILED', $1, $2, $2)`,
        [label, createdAt],
      );
    await attempt('attempt-old', at(retention + 60));
    await attempt('attempt-young', at(retention - 60));
    await api.app.get(MaintenanceService).runOnce();
    expect(await labels(`SELECT failure_reason AS label FROM sms_attempt WHERE failure_reason LIKE 'attempt-%'`)).toEqual(['attempt-young']);
  });

  it('bounds the rows one run removes per table; the next run goes on', async () => {
    const cutoff = new Date(api.clock.now().getTime() - (DAY + 60) * 1000);
    const perRun = 2 * MAINTENANCE_MAX_BATCHES;
    await api.pg.query(`INSERT INTO login_failure (email_normalized, created_at) SELECT 'bulk@example.com', $1 FROM generate_series(1, $2)`, [cutoff, perRun + 3]);
    expect((await api.app.get(MaintenanceService).runOnce()).loginFailures).toBe(perRun);
    expect((await api.app.get(MaintenanceService).runOnce()).loginFailures).toBe(3);
  });
});
