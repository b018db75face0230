import { errorCode, startSystem, waitUntil, type System } from './harness';

const REGENERATE = `mutation { regenerateBackupCodes { codes } }`;

/** An account with `n` enabled numbers (adding numbers 2..n already sends notices). */
async function accountWith(system: System, n: number) {
  const account = await system.signUp();
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) numbers.push((await system.enableNumber(account.token)).number);
  return { ...account, numbers };
}

/**
 * Issue "Security round 2" §1: every SMS that leaves is budgeted, and login codes are never
 * queued behind security notices. Black box: the built API and worker, the fake Twilio gateway.
 */
describe('a flood of security notices', () => {
  describe('with the notice budget lifted (what priorities alone must hold)', () => {
    let system: System;
    beforeAll(async () => {
      // A slow provider rate (20 SMS/s for the whole queue) so that a flood becomes a backlog.
      system = await startSystem({ label: 'sec-notice-flood', env: { SMS_NOTICES_PER_ACCOUNT_PER_HOUR: '100000', SMS_RATE_PER_SECOND: '20', SMS_WORKER_CONCURRENCY: '4' } });
    }, 60000);
    afterAll(() => system?.stop());

    it("another account's login codes keep arriving within their normal latency while hundreds of notices wait", async () => {
      const victim = await accountWith(system, 1);
      const attacker = await accountWith(system, 5);
      const victimMethod = await methodOf(system, victim.accountId);

      // Normal latency first, on a quiet queue.
      const latency = async () => {
        const ticket = await system.loginTicket(victim.email);
        const started = performance.now();
        await system.loginCode(ticket, victimMethod, victim.numbers[0]);
        return performance.now() - started;
      };
      const quiet = [await latency(), await latency()];

      // 100 requests × 5 numbers = 500 notices, 25 s of sending at 20/s.
      const flood = await Promise.all(Array.from({ length: 100 }, () => system.gql(REGENERATE, {}, { token: attacker.token })));
      expect(flood.every((r) => !r.errors)).toBe(true);
      const noticesQueued = await system.count(`SELECT count(*) FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE'`, [attacker.accountId]);
      expect(noticesQueued).toBeGreaterThanOrEqual(500);
      const backlog = () => system.count(`SELECT count(*) FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE' AND status IN ('QUEUED', 'SENDING')`, [attacker.accountId]);

      // Codes measured while notices still wait (each sign-in costs an argon2 hash: on a slow
      // machine the backlog may drain before the fifth), at least three of them.
      const underFlood: number[] = [];
      const waiting: number[] = [];
      for (let i = 0; i < 5; i++) {
        const ms = await latency();
        const left = await backlog();
        if (left === 0) break;
        underFlood.push(ms);
        waiting.push(left);
      }
      expect(underFlood.length).toBeGreaterThanOrEqual(3);
      const worstQuiet = Math.max(...quiet);
      for (const ms of underFlood) expect(ms).toBeLessThan(Math.max(1000, worstQuiet * 5));
      console.info(`notice flood: code latency quiet ${quiet.map((x) => x.toFixed(0)).join('/')} ms, under a backlog of ${waiting.join('/')} notices ${underFlood.map((x) => x.toFixed(0)).join('/')} ms`);
    }, 90000);
  });

  describe('with the default budgets', () => {
    let system: System;
    beforeAll(async () => {
      system = await startSystem({ label: 'sec-notice-budget' });
    }, 60000);
    afterAll(() => system?.stop());

    it('one account sends at most 10 notices an hour however many changes it makes, and aliases do not multiply them', async () => {
      const attacker = await accountWith(system, 3); // 1 + 2 = 3 notices
      const aliased = await system.gql(`mutation { a: regenerateBackupCodes { codes } b: regenerateBackupCodes { codes } c: deleteBackupCodes { enabled } }`, {}, { token: attacker.token });
      expect(errorCode(aliased)).toBe('BAD_USER_INPUT');
      const results = await Promise.all(Array.from({ length: 20 }, () => system.gql(REGENERATE, {}, { token: attacker.token })));
      expect(results.every((r) => !r.errors)).toBe(true); // the changes happen; their notices stop at the budget
      const notices = await system.count(`SELECT count(*) FROM sms_message WHERE account_id = $1 AND purpose = 'NOTICE'`, [attacker.accountId]);
      expect(notices).toBe(10);
      const blocked = await system.count(`SELECT count(*) FROM security_event WHERE account_id = $1 AND type = 'SMS_SEND_BLOCKED'`, [attacker.accountId]);
      expect(blocked).toBeGreaterThanOrEqual(17);
      // What reached the phones: the 10 notices, nothing beyond (the outbox is drained first).
      const isNotice = (m: { to: string; body: string }) => attacker.numbers.includes(m.to) && !/#\d{6}/.test(m.body);
      await system.gateway.waitForMessages(10, { timeoutMs: 15000, filter: isNotice });
      await waitUntil('the outbox drained', async () => (await system.count(`SELECT count(*) FROM sms_message WHERE status IN ('QUEUED', 'SENDING')`)) === 0, 15000);
      expect(system.gateway.messages.filter(isNotice)).toHaveLength(10);
    }, 90000);
  });
});

async function methodOf(system: System, accountId: string): Promise<string> {
  const { rows } = await system.pg.query(`SELECT id FROM sms_method WHERE account_id = $1 AND status = 'ENABLED' ORDER BY created_at LIMIT 1`, [accountId]);
  return rows[0].id as string;
}
