import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { createTestDatabase, TestDatabase } from '@twofold/testing';
import { SmsMessageStore, StoreUnavailableError } from './sms-message.store';
import { insertMessage, readMessage } from './test/fixtures';

describe('SmsMessageStore (real PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: DataSource;
  let pool: Pool;
  let store: SmsMessageStore;

  beforeAll(async () => {
    testDb = await createTestDatabase('smsstore');
    db = await new DataSource(dataSourceOptions(testDb.url, { poolSize: 2 })).initialize();
    pool = new Pool({ connectionString: testDb.url, max: 3 });
    // A connection still closing after end() is ended by the drop's FORCE: not an unhandled error.
    pool.on('error', () => undefined);
    store = new SmsMessageStore(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await db?.destroy();
    await testDb?.drop();
  });

  it('claims made in the same turn give each message its own answer', async () => {
    const [a, b, done] = await Promise.all([insertMessage(db), insertMessage(db), insertMessage(db)]);
    await db.query(`UPDATE sms_message SET status = 'DELIVERED' WHERE id = $1`, [done.id]);
    await db.query(`UPDATE sms_message SET status = 'SENDING', attempts = 2 WHERE id = $1`, [b.id]);
    const now = new Date('2030-01-01T00:00:00Z');
    const [ca, cb, cdone, cunknown] = await Promise.all([
      store.claim(a.id, now),
      store.claim(b.id, now),
      store.claim(done.id, now),
      store.claim('7d0b9a34-5a55-4c2e-9c1f-000000000000', now),
    ]);
    expect(ca).toEqual({ attempts: 1, codeExpiresAt: a.expiresAt });
    expect(cb).toEqual({ attempts: 3, codeExpiresAt: b.expiresAt });
    expect(cdone).toBeNull();
    expect(cunknown).toBeNull();
    expect(await readMessage(db, a.id)).toMatchObject({ status: 'SENDING', attempts: 1 });
    expect(await readMessage(db, done.id)).toMatchObject({ status: 'DELIVERED', attempts: 0 });
  });

  it('the same id twice in one turn is claimed twice, as two separate UPDATEs would', async () => {
    const m = await insertMessage(db);
    const now = new Date();
    const [first, second] = await Promise.all([store.claim(m.id, now), store.claim(m.id, now)]);
    expect([first?.attempts, second?.attempts].sort()).toEqual([1, 2]);
  });

  it('records SENT per message, never over a final state', async () => {
    const [a, b, failed] = await Promise.all([insertMessage(db), insertMessage(db), insertMessage(db)]);
    const now = new Date();
    await Promise.all([a, b, failed].map((m) => store.claim(m.id, now)));
    await db.query(`UPDATE sms_message SET status = 'FAILED' WHERE id = $1`, [failed.id]);
    const results = await Promise.all([
      store.markSent(a.id, 'twilio', 'SMa', now),
      store.markSent(b.id, 'ovh', '4242', now),
      store.markSent(failed.id, 'twilio', 'SMx', now),
    ]);
    expect(results).toEqual([true, true, false]);
    expect(await readMessage(db, a.id)).toMatchObject({
      status: 'SENT',
      provider: 'twilio',
      provider_message_id: 'SMa',
    });
    expect(await readMessage(db, b.id)).toMatchObject({ status: 'SENT', provider: 'ovh', provider_message_id: '4242' });
    expect(await readMessage(db, failed.id)).toMatchObject({ status: 'FAILED', provider_message_id: null });
  });

  it('an id that is not a UUID fails alone, without failing the others of its turn', async () => {
    const m = await insertMessage(db);
    const [bad, good] = await Promise.allSettled([
      store.claim('not-a-uuid', new Date()),
      store.claim(m.id, new Date()),
    ]);
    expect(bad).toMatchObject({ status: 'rejected', reason: expect.any(StoreUnavailableError) });
    expect(good).toMatchObject({ status: 'fulfilled', value: { attempts: 1 } });
  });

  it('PostgreSQL unreachable: every claim of the turn is StoreUnavailableError', async () => {
    const dead = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/x', max: 1 });
    const offline = new SmsMessageStore(dead);
    const m = await insertMessage(db);
    const results = await Promise.allSettled([
      offline.claim(m.id, new Date()),
      offline.markSent(m.id, 'twilio', 'SM', new Date()),
    ]);
    for (const r of results) expect(r).toMatchObject({ status: 'rejected', reason: expect.any(StoreUnavailableError) });
    await dead.end();
  });
});
