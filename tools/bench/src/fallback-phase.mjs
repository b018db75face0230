// B4f of `npm run bench` (issue 14, item 2): the extra latency of a receipt-driven fallback.
// The built API and worker with SMS_PROVIDER=webhook,ovh, both played by one fake gateway, and
// SMS_DELIVERY_TIMEOUT_SECONDS=2; three runs of the same login codes (sendLoginSmsCode):
//   delivered     the first provider delivers (the baseline: request → delivered receipt);
//   undelivered   the first provider accepts, then reports undelivered: the same code through the second;
//   no report     the first provider never reports: the same code through the second at the deadline.
// Each figure comes from PostgreSQL's timestamps (sms_message, sms_attempt), so it holds the whole
// path: worker, provider, receipt endpoint, delivery watch, second provider, its receipt.
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { freePort, percentile } from './lib/processes.mjs';
import { seedSmsTickets } from './lib/seed.mjs';

const SEND_LOGIN = `mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id status } }`;
const SECRET = 'bench-fallback-webhook-secret';
const OVH = { appKey: 'ak-bench', appSecret: 'as-bench', consumerKey: 'ck-bench' };
const TIMEOUT_S = 2;

/**
 * `ctx`: { log, quick, env (the base environment), apiMain, workerMain, apiNodeFlags,
 * processes ({ startNode, waitFor }), pool, passwordHash, apiHelpers, startFakeSmsGateway, redisUrl }.
 * Returns { figures, table } like runScaleOut.
 */
export async function runFallbackPhase(ctx) {
  const count = ctx.quick ? 20 : 50;
  // Codes the earlier phases left unsent (S1 and S2 time the API alone, without a worker) would be
  // relayed by this phase's API and sent through its providers, thousands of them with their OVHcloud
  // reports: failed here, so the phase measures its own codes only.
  await ctx.pool.query(
    `UPDATE sms_message SET status = 'FAILED', failure_reason = 'bench: left unsent by an earlier phase', failed_at = now(), updated_at = now() WHERE status IN ('QUEUED', 'SENDING')`,
  );
  const gateway = await ctx.startFakeSmsGateway({ authToken: 'unused', webhookSecret: SECRET, ovh: OVH, callbackDelayMs: 20 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...ctx.env,
    API_PORT: String(port),
    PUBLIC_API_URL: url,
    SMS_PROVIDER: 'webhook,ovh',
    SMS_WEBHOOK_URL: `${gateway.url}/webhook/sms`,
    SMS_WEBHOOK_SECRET: SECRET,
    OVH_ENDPOINT: gateway.url,
    OVH_APP_KEY: OVH.appKey,
    OVH_APP_SECRET: OVH.appSecret,
    OVH_CONSUMER_KEY: OVH.consumerKey,
    OVH_SMS_SERVICE: 'sms-bench-1',
    OVH_SMS_SENDER: 'Twofold',
    SMS_DELIVERY_TIMEOUT_SECONDS: String(TIMEOUT_S),
    // A queue prefix of its own: S1 and S2 leave thousands of jobs in the run's prefix (APIs without
    // a worker), which this phase's worker would drain first, delaying the baseline by seconds.
    SMS_QUEUE_PREFIX: `${ctx.env.SMS_QUEUE_PREFIX}-b4f`,
  };
  const api = ctx.processes.startNode('fallback-api', [...ctx.apiNodeFlags, ctx.apiMain], env);
  const worker = ctx.processes.startNode('fallback-worker', [ctx.workerMain], env);
  const redis = new IORedis(ctx.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('sms', { connection: redis, prefix: env.SMS_QUEUE_PREFIX });
  try {
    await ctx.processes.waitFor('fallback API healthy', async () => (await fetch(`${url}/health`)).status === 200, 90000, api);
    await ctx.processes.waitFor('fallback worker on the queue', async () => (await queue.getWorkersCount()) >= 1, 60000, worker);
    let offset = 2_000_000;
    const run = async (label, control) => {
      gateway.reset();
      gateway.control(control);
      const tickets = await seedSmsTickets(ctx.pool, { count, offset, passwordHash: ctx.passwordHash }, ctx.apiHelpers);
      offset += count;
      const ids = [];
      await Promise.all(
        tickets.map(async (t, i) => {
          const res = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.77.${(offset >> 8) & 255}.${i & 255}` },
            body: JSON.stringify({ query: SEND_LOGIN, variables: { input: { ticket: t.token, methodId: t.methodId } } }),
          });
          const body = await res.json();
          if (!body.data?.sendLoginSmsCode?.id) throw new Error(`B4f ${label}: sendLoginSmsCode answered ${JSON.stringify(body)}`);
          ids.push(body.data.sendLoginSmsCode.id);
        }),
      );
      await ctx.processes.waitFor(`B4f ${label}: ${count} codes delivered`, async () => {
        const { rows } = await ctx.pool.query(`SELECT count(*)::int AS n FROM sms_message WHERE id = ANY($1) AND status = 'DELIVERED'`, [ids]);
        return rows[0].n === ids.length;
      }, 60000, worker);
      const { rows } = await ctx.pool.query(
        `SELECT m.id, extract(epoch FROM m.delivered_at - m.created_at) * 1000 AS total_ms,
                extract(epoch FROM a2.sent_at - COALESCE(a1.failed_at, a1.sent_at)) * 1000 AS to_second_ms,
                a2.provider AS second
           FROM sms_message m
           JOIN sms_attempt a1 ON a1.message_id = m.id AND a1.seq = 1
           LEFT JOIN sms_attempt a2 ON a2.message_id = m.id AND a2.seq = 2
          WHERE m.id = ANY($1)`,
        [ids],
      );
      const total = rows.map((r) => Number(r.total_ms)).sort((a, b) => a - b);
      const toSecond = rows.filter((r) => r.second).map((r) => Number(r.to_second_ms)).sort((a, b) => a - b);
      const fallbacks = rows.filter((r) => r.second === 'ovh').length;
      const figure = {
        codes: rows.length,
        fallbacks,
        totalMs: { p50: percentile(total, 50), p99: percentile(total, 99) },
        toSecondMs: toSecond.length ? { p50: percentile(toSecond, 50), p99: percentile(toSecond, 99) } : null,
      };
      ctx.log(`B4f ${label}: ${JSON.stringify(figure)}`);
      return figure;
    };
    const delivered = await run('delivered', {});
    const undelivered = await run('undelivered', { byProvider: { webhook: { finalStatus: 'undelivered', errorCode: '30003' } } });
    const silent = await run('no report', { byProvider: { webhook: { finalStatus: 'none' } } });
    const F = {
      B4f: {
        timeoutSeconds: TIMEOUT_S,
        delivered,
        undelivered,
        silent,
        extraUndeliveredMs: { p50: undelivered.totalMs.p50 - delivered.totalMs.p50, p99: undelivered.totalMs.p99 - delivered.totalMs.p99 },
        extraSilentMs: { p50: silent.totalMs.p50 - delivered.totalMs.p50, p99: silent.totalMs.p99 - delivered.totalMs.p99 },
      },
    };
    const fmt = (v) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');
    const allFellBack = undelivered.fallbacks === count && silent.fallbacks === count && delivered.fallbacks === 0;
    const table = [
      [
        `B4f fallback after an undelivered report (${count} codes, webhook then ovh)`,
        `+${fmt(F.B4f.extraUndeliveredMs.p50)} ms p50, +${fmt(F.B4f.extraUndeliveredMs.p99)} ms p99 over delivered (${fmt(delivered.totalMs.p50)} ms); report → second send p50 ${fmt(undelivered.toSecondMs?.p50)} ms`,
        'reported',
        allFellBack ? 'INFO' : 'MISS',
      ],
      [
        `B4f fallback without a report (SMS_DELIVERY_TIMEOUT_SECONDS=${TIMEOUT_S})`,
        `+${fmt(F.B4f.extraSilentMs.p50)} ms p50, +${fmt(F.B4f.extraSilentMs.p99)} ms p99; first → second send p50 ${fmt(silent.toSecondMs?.p50)} ms (timeout ${TIMEOUT_S * 1000} ms)`,
        `≤ timeout + 1000 ms`,
        allFellBack && (silent.toSecondMs?.p99 ?? Infinity) <= TIMEOUT_S * 1000 + 1000 ? 'PASS' : 'MISS',
      ],
    ];
    return { figures: F, table };
  } finally {
    await worker.stop();
    await api.stop();
    // Both queues of this phase's prefix (the run's cleanup removes only its own prefix).
    const watches = new Queue('sms-watch', { connection: redis, prefix: env.SMS_QUEUE_PREFIX });
    for (const q of [queue, watches]) {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close().catch(() => undefined);
    }
    redis.disconnect();
    await gateway.close();
  }
}

