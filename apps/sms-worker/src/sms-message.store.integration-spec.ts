import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { createTestDatabase, TestDatabase } from '@twofold/testing';
import { SmsMessageStore, StoreUnavailableError } from './sms-message.store';
import { insertMessage, readMessage, waitFor } from './test/fixtures';

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

  it.each([
    ['a VALUES list', 8],
    ['arrays', 12],
  ])('two workers claiming the same batches at once (%s): no deadlock, no lost claim, one final state each', async (_form, size) => {
    // Two processes' stores on pools of their own; each turn claims the same messages in
    // opposite orders (the batch sorts its ids, so the row locks are taken in one order).
    // Both on the plan of a full table (probes by key, in the batch's order): a table this small
    // would be hashed and locked in its physical order, whatever the batch's order.
    const probing = '-c enable_hashjoin=off -c enable_mergejoin=off -c enable_seqscan=off -c enable_bitmapscan=off';
    const mine = new Pool({ connectionString: testDb.url, max: 3, options: probing });
    const other = new Pool({ connectionString: testDb.url, max: 3, options: probing });
    for (const p of [mine, other]) p.on('error', () => undefined);
    const first = new SmsMessageStore(mine);
    const rival = new SmsMessageStore(other);
    try {
      const messages = await Promise.all(Array.from({ length: size }, () => insertMessage(db)));
      const ids = messages.map((m) => m.id);
      const rounds = 5;
      const seen = new Map<string, number[]>(ids.map((id) => [id, []]));
      for (let round = 0; round < rounds; round++) {
        const now = new Date();
        // First round: a third connection holds the middle row, so both batches stop on it with
        // their first rows locked, and go on together when it lets go (locks taken in opposite
        // orders would deadlock here).
        const blocker = round === 0 ? await other.connect() : null;
        if (blocker) {
          await blocker.query('BEGIN');
          await blocker.query(`SELECT 1 FROM sms_message WHERE id = $1 FOR UPDATE`, [[...ids].sort()[size >> 1]]);
        }
        const pending = Promise.all([
          ...ids.map((id) => first.claim(id, now)),
          ...[...ids].reverse().map((id) => rival.claim(id, now)),
        ]);
        if (blocker) {
          await waitFor('both batches waiting on the held row', async () => {
            const { rows } = await pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
            return rows[0].n >= 2;
          });
          await blocker.query('COMMIT');
          blocker.release();
        }
        const claims = await pending;
        const answered = [...ids, ...[...ids].reverse()];
        claims.forEach((c, i) => seen.get(answered[i])?.push(c?.attempts ?? -1));
      }
      // Every claim counted once: attempts 1 to 2 × rounds handed out exactly once per message.
      for (const [id, attempts] of seen) {
        expect(attempts.sort((a, b) => a - b)).toEqual(Array.from({ length: rounds * 2 }, (_, i) => i + 1));
        expect(await readMessage(db, id)).toMatchObject({ status: 'SENDING', attempts: rounds * 2 });
      }
      // One worker records SENT while the other records FAILED, for every message at once: one wins each.
      const now = new Date();
      const [sent, failed] = await Promise.all([
        Promise.all(ids.map((id) => first.markSent(id, 'twilio', `SM-${id}`, now))),
        Promise.all([...ids].reverse().map((id) => rival.markFailed(id, 'test: the rival gave up', null, now))),
      ]);
      const failedById = new Map([...ids].reverse().map((id, i) => [id, failed[i]]));
      for (const [i, id] of ids.entries()) {
        const row = await readMessage(db, id);
        expect(sent[i] !== failedById.get(id)).toBe(true);
        expect(row.status).toBe(sent[i] ? 'SENT' : 'FAILED');
      }
    } finally {
      await Promise.all([mine.end(), other.end()]);
    }
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
