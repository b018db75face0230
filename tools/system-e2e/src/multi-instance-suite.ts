import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { deriveKey, open, SMS_QUEUE_NAME } from '@twofold/sms-queue';
import { startFakeSmsGateway, uniqueQueuePrefix, type FakeSmsGateway } from '@twofold/testing';
import {
  ADD,
  API_MAIN,
  ApiClient,
  APP_SECRET,
  assertBuilt,
  COMPLETE_SMS,
  CONFIRM,
  errorCode,
  freePort,
  LOGIN,
  type NodeProcess,
  PASSWORD,
  SEND_LOGIN,
  SIGN_UP,
  sleep,
  spawnNode,
  TWILIO,
  waitUntil,
  WORKER_MAIN,
} from './system';

/** The database the suite's processes use. */
export interface SuiteDatabase {
  /** Every process's database settings: DATABASE_URL and whatever goes with it (replica, prepared statements). */
  env: Record<string, string>;
  /** A direct connection to the primary, for the test's own reads. */
  checkUrl: string;
  close(): Promise<void>;
}

/** What a caller's own tests get of the running suite (read inside a test: set in beforeAll). */
export interface MultiInstanceContext {
  readonly A: ApiClient;
  readonly B: ApiClient;
  readonly pg: Pool;
  readonly workers: NodeProcess[];
  procs: NodeProcess[];
  nextIp(): string;
  nextNumber(): string;
  lastCode(phone: string): Promise<string>;
  accountWith2fa(ip: string, via?: [ApiClient, ApiClient]): Promise<{ email: string; methodId: string; number: string; accountId: string }>;
}

/**
 * Two API processes (A, B) and two SMS workers against one PostgreSQL database and one Redis,
 * as behind a load balancer: every rule that must hold across instances is exercised by sending
 * the requests of one customer to both. Limits are the contract's defaults. `database` sets up
 * where they store (multi-instance.e2e-spec.ts: one database of the shared server;
 * replica-pgbouncer.e2e-spec.ts: a primary behind PgBouncer and a streaming replica); `more`
 * adds the caller's own tests, which run after these on the same processes.
 */
export function multiInstanceSuite(title: string, database: () => Promise<SuiteDatabase>, more?: (ctx: MultiInstanceContext) => void): void {
  describe(title, () => {
    const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
    let db: SuiteDatabase | undefined;
    let pg: Pool;
    let gateway: FakeSmsGateway;
    let queue: Queue;
    let queueRedis: IORedis;
    const procs: NodeProcess[] = [];
    let workers: NodeProcess[] = [];
    let A: ApiClient;
    let B: ApiClient;
    const bodyKey = deriveKey(APP_SECRET, 'sms-body');

    let numberSeq = 0;
    /** A distinct valid GB mobile (Ofcom's drama range) per call; the database is this file's own. */
    const nextNumber = () => `+447700900${String(++numberSeq).padStart(3, '0')}`;
    let ipSeq = 0;
    /** A distinct client IP per scenario, so the per-IP hourly limit of one scenario never touches another. */
    const nextIp = () => `10.20.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

    beforeAll(async () => {
      assertBuilt();
      db = await database();
      pg = new Pool({ connectionString: db.checkUrl, max: 3 });
      gateway = await startFakeSmsGateway({ authToken: TWILIO.token, accountSid: TWILIO.sid, callbackDelayMs: 20 });
      const prefix = uniqueQueuePrefix('multi');
      const [portA, portB] = [await freePort(), await freePort()];
      const common: Record<string, string> = {
        NODE_ENV: 'production',
        APP_SECRET,
        ...db.env,
        REDIS_URL: redisUrl,
        SMS_QUEUE_PREFIX: prefix,
        // Behind a load balancer every instance has the same public URL; here A takes the provider's callbacks.
        PUBLIC_API_URL: `http://127.0.0.1:${portA}`,
        WEB_ORIGIN: 'http://localhost:4200',
        TRUST_PROXY: '1',
        SMS_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: TWILIO.sid,
        TWILIO_AUTH_TOKEN: TWILIO.token,
        TWILIO_FROM: TWILIO.from,
        TWILIO_API_BASE_URL: gateway.url,
        // The cost guard against SMS pumping is not under test here (100 unconfirmed numbers would trip it).
        SMS_PUMPING_MODE: 'off',
        LOG_LEVEL: 'info',
      };
      procs.push(spawnNode('api-A', API_MAIN, { ...common, API_PORT: String(portA) }));
      procs.push(spawnNode('api-B', API_MAIN, { ...common, API_PORT: String(portB) }));
      workers = [1, 2].map((i) => spawnNode(`worker-${i}`, WORKER_MAIN, { ...common, SMS_WORKER_HEALTH_PORT: '0' }));
      procs.push(...workers);
      A = new ApiClient('A', `http://127.0.0.1:${portA}`);
      B = new ApiClient('B', `http://127.0.0.1:${portB}`);
      queueRedis = new IORedis(redisUrl, { maxRetriesPerRequest: null });
      queue = new Queue(SMS_QUEUE_NAME, { connection: queueRedis, prefix });
      for (const api of [A, B]) {
        await waitUntil(`API ${api.name} healthy`, async () => (await fetch(`${api.url}/health`)).status === 200, 90000, procs);
      }
      await waitUntil('both workers on the queue', async () => (await queue.getWorkersCount()) === 2, 60000, procs);
    }, 180000);

    afterAll(async () => {
      await Promise.all(procs.map((p) => p.stop()));
      await gateway?.close();
      await queue?.obliterate({ force: true }).catch(() => undefined);
      await queue?.close();
      queueRedis?.disconnect();
      await pg?.end();
      await db?.close();
    });

    /** The newest SMS to `phone`, opened from its sealed body as the worker would. */
    async function lastCode(phone: string): Promise<string> {
      const { rows } = await pg.query(`SELECT id, body_sealed FROM sms_message WHERE phone_number = $1 ORDER BY created_at DESC, id LIMIT 1`, [phone]);
      const body = rows[0] ? open(bodyKey, rows[0].body_sealed, rows[0].id) : '';
      const match = /#(\d{6})$/.exec(body);
      if (!match) throw new Error(`no code SMS to ${phone}`);
      return match[1];
    }

    /** Signs up on `via[0]`, adds a number there and confirms it on `via[1]`: 2FA is on. */
    async function accountWith2fa(ip: string, via: [ApiClient, ApiClient] = [A, B]) {
      const email = `multi-${Math.random().toString(36).slice(2)}@example.com`;
      const signUp = await via[0].gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Grace Hopper' } }, { ip });
      if (!signUp.data) throw new Error(JSON.stringify(signUp.errors));
      const token = signUp.data['signUp'].token as string;
      const number = nextNumber();
      const added = await via[0].gql(ADD, { input: { phoneNumber: number } }, { token, ip });
      if (!added.data) throw new Error(JSON.stringify(added.errors));
      const methodId = added.data['addSmsMethod'].method.id as string;
      const confirmed = await via[1].gql(CONFIRM, { input: { methodId, code: await lastCode(number), description: null } }, { token, ip });
      if (!confirmed.data) throw new Error(JSON.stringify(confirmed.errors));
      expect(confirmed.data['confirmSmsMethod'].twoFactor.enabled).toBe(true);
      return { email, methodId, number, accountId: signUp.data['signUp'].account.id as string };
    }

    async function ticketFor(api: ApiClient, email: string, ip: string): Promise<string> {
      const res = await api.gql(LOGIN, { input: { email, password: PASSWORD } }, { ip });
      if (res.data?.['login']?.__typename !== 'TwoFactorChallenge') throw new Error(JSON.stringify(res));
      return res.data['login'].ticket as string;
    }

    it('the resend cooldown holds across instances: a code sent via A, a resend via B is RATE_LIMITED', async () => {
      const ip = nextIp();
      const a = await accountWith2fa(ip);
      const ticket = await ticketFor(A, a.email, ip);
      const first = await A.gql(SEND_LOGIN, { input: { ticket, methodId: a.methodId } }, { ip });
      expect(first.errors).toBeUndefined();
      const again = await B.gql(SEND_LOGIN, { input: { ticket, methodId: a.methodId } }, { ip });
      expect(errorCode(again)).toBe('RATE_LIMITED');
      const retryAfter = again.errors?.[0]?.extensions['retryAfterSeconds'];
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(30);
      // And the other way round on a fresh ticket.
      const ticket2 = await ticketFor(B, a.email, ip);
      expect((await B.gql(SEND_LOGIN, { input: { ticket: ticket2, methodId: a.methodId } }, { ip })).errors).toBeUndefined();
      expect(errorCode(await A.gql(SEND_LOGIN, { input: { ticket: ticket2, methodId: a.methodId } }, { ip }))).toBe('RATE_LIMITED');
    });

    it('the hourly limit per number holds across instances: 10 parallel sends over A and B, exactly the allowed 4 succeed', async () => {
      const ip = nextIp();
      const a = await accountWith2fa(ip); // the confirmation code is the number's 1st SMS of the hour (limit 5)
      const tickets: string[] = [];
      for (let i = 0; i < 10; i++) tickets.push(await ticketFor(i % 2 ? B : A, a.email, ip));
      const results = await Promise.all(tickets.map((ticket, i) => (i % 2 ? B : A).gql(SEND_LOGIN, { input: { ticket, methodId: a.methodId } }, { ip })));
      const ok = results.filter((r) => !r.errors);
      expect(ok).toHaveLength(4);
      const refused = results.filter((r) => r.errors).map(errorCode);
      expect(refused).toEqual(Array(6).fill('RATE_LIMITED'));
      const { rows } = await pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE phone_number = $1`, [a.number]);
      expect(rows[0].n).toBe(5);
    });

    it('ticket attempts hold across instances: wrong codes alternately on A and B, the 6th try is TOO_MANY_ATTEMPTS', async () => {
      const ip = nextIp();
      const a = await accountWith2fa(ip);
      const ticket = await ticketFor(A, a.email, ip);
      expect((await A.gql(SEND_LOGIN, { input: { ticket, methodId: a.methodId } }, { ip })).errors).toBeUndefined();
      const code = await lastCode(a.number);
      const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
      const remaining: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await (i % 2 ? B : A).gql(COMPLETE_SMS, { input: { ticket, methodId: a.methodId, code: wrong(i) } }, { ip });
        expect(errorCode(res)).toBe('INVALID_CODE');
        remaining.push(res.errors?.[0]?.extensions['remainingAttempts']);
      }
      expect(remaining).toEqual([4, 3, 2, 1, 0]);
      // The 6th, on B, even with the right code.
      expect(errorCode(await B.gql(COMPLETE_SMS, { input: { ticket, methodId: a.methodId, code } }, { ip }))).toBe('TOO_MANY_ATTEMPTS');
      expect(errorCode(await A.gql(COMPLETE_SMS, { input: { ticket, methodId: a.methodId, code } }, { ip }))).toBe('TOO_MANY_ATTEMPTS');
    });

    it('codes are single use across instances: one valid code sent to A and B at once (10 times) gives exactly one session', async () => {
      const ip = nextIp();
      const a = await accountWith2fa(ip);
      const ticket = await ticketFor(B, a.email, ip);
      expect((await B.gql(SEND_LOGIN, { input: { ticket, methodId: a.methodId } }, { ip })).errors).toBeUndefined();
      const code = await lastCode(a.number);
      const sessionsBefore = (await pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1`, [a.accountId])).rows[0].n;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? B : A).gql(COMPLETE_SMS, { input: { ticket, methodId: a.methodId, code } }, { ip })),
      );
      const ok = results.filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      expect(new Set(results.filter((r) => r.errors).map(errorCode))).toEqual(new Set(['TICKET_EXPIRED']));
      const sessionsAfter = (await pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1`, [a.accountId])).rows[0].n;
      expect(sessionsAfter - sessionsBefore).toBe(1);
    });

    it('both workers share the queue without double sends: 100 codes requested over A and B reach the gateway exactly once each', async () => {
      // A slow gateway keeps each worker's 50 slots busy, so the two workers must share the load.
      gateway.control({ delayMs: 150 });
      const accounts = 20;
      const perAccount = 5; // 5 numbers per account (the contract's maximum), one code SMS each
      const numbers = Array.from({ length: accounts * perAccount }, () => nextNumber());
      await Promise.all(
        Array.from({ length: accounts }, async (_, i) => {
          const api = i % 2 ? B : A;
          const ip = nextIp();
          const email = `queue-${i}-${Math.random().toString(36).slice(2)}@example.com`;
          const signUp = await api.gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Queue Test' } }, { ip });
          if (!signUp.data) throw new Error(JSON.stringify(signUp.errors));
          const token = signUp.data['signUp'].token as string;
          await Promise.all(
            numbers.slice(i * perAccount, (i + 1) * perAccount).map(async (number, j) => {
              const res = await ((i + j) % 2 ? B : A).gql(ADD, { input: { phoneNumber: number } }, { token, ip });
              if (!res.data) throw new Error(JSON.stringify(res.errors));
            }),
          );
        }),
      );
      const wanted = new Set(numbers);
      const ours = () => gateway.messages.filter((m) => wanted.has(m.to));
      await gateway.waitForMessages(100, { timeoutMs: 30000, filter: (m) => wanted.has(m.to) });
      // Give a late duplicate the time to show up: job locks, stalled checks and the relay are all quicker than this.
      await sleep(1500);
      const received = ours();
      expect(received).toHaveLength(100);
      expect(new Set(received.map((m) => m.sid)).size).toBe(100);
      expect(new Set(received.map((m) => m.to)).size).toBe(100);

      // Each SMS carries exactly the text (and code) the API stored, sealed, for that number.
      const { rows } = await pg.query(`SELECT id, phone_number, body_sealed, status FROM sms_message WHERE phone_number = ANY($1)`, [numbers]);
      expect(rows).toHaveLength(100);
      const byNumber = new Map(received.map((m) => [m.to, m]));
      for (const row of rows) {
        const stored = open(bodyKey, row.body_sealed, row.id);
        expect(stored).toMatch(/#\d{6}$/);
        expect(byNumber.get(row.phone_number)?.body).toBe(stored);
      }
      await waitUntil(
        'every row recorded as sent',
        async () =>
          (await pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE phone_number = ANY($1) AND status IN ('SENT', 'DELIVERED')`, [numbers])).rows[0].n === 100,
        15000,
      );

      // Both workers did part of the work, and no message was sent by both.
      const ids = new Set(rows.map((r) => r.id as string));
      const sentBy = workers.map((w) =>
        w.lines
          .map((line) => {
            try {
              return JSON.parse(line) as { msg?: string; messageId?: string };
            } catch {
              return {};
            }
          })
          .filter((l) => l.msg === 'sms sent' && l.messageId && ids.has(l.messageId))
          .map((l) => l.messageId as string),
      );
      expect(sentBy[0].length).toBeGreaterThan(0);
      expect(sentBy[1].length).toBeGreaterThan(0);
      expect(sentBy[0].length + sentBy[1].length).toBe(100);
      expect(new Set([...sentBy[0], ...sentBy[1]]).size).toBe(100);
      gateway.reset();
    });

    more?.({
      get A() {
        return A;
      },
      get B() {
        return B;
      },
      get pg() {
        return pg;
      },
      get workers() {
        return workers;
      },
      procs,
      nextIp,
      nextNumber,
      lastCode,
      accountWith2fa,
    });
  });
}
