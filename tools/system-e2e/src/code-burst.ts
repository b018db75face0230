import type { Pool } from 'pg';
import { open } from '@twofold/sms-queue';
import type { FakeSms, FakeSmsGateway } from '@twofold/testing';
import { ADD, type ApiClient, PASSWORD, SIGN_UP, sleep } from './system';

/** An account that may hold many numbers (the test raises SMS_METHODS_PER_ACCOUNT), each `addSmsMethod` one code SMS. */
export interface BurstAccount {
  token: string;
  ip: string;
}

export async function signUpAccounts(api: ApiClient, count: number, label: string, ipOf: (i: number) => string): Promise<BurstAccount[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const ip = ipOf(i);
      const email = `${label}-${i}-${Math.random().toString(36).slice(2)}@example.com`;
      const res = await api.gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Cluster Test' } }, { ip });
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      return { token: res.data['signUp'].token as string, ip };
    }),
  );
}

export interface BurstResult {
  numbers: string[];
  /** When each number's addSmsMethod answered (ms since epoch). */
  answeredAt: Map<string, number>;
  /** How long each addSmsMethod took to answer, ms (a customer waits at most the API's 2 s enqueue timeout on Redis). */
  requestMs: number[];
  startedAt: number;
}

/**
 * `numbers.length` code SMS through `addSmsMethod`, one lane per account, each lane pacing its
 * requests `gapMs` apart so the burst lasts long enough for a failover to land in its middle.
 * `onProgress(answered)` runs after each answer (the test starts the failover from it).
 */
export async function runBurst(
  api: ApiClient,
  accounts: BurstAccount[],
  numbers: string[],
  gapMs: number,
  onProgress: (answered: number) => void = () => undefined,
): Promise<BurstResult> {
  const answeredAt = new Map<string, number>();
  const requestMs: number[] = [];
  const startedAt = Date.now();
  const lanes = accounts.map((_, i) => numbers.filter((__, j) => j % accounts.length === i));
  await Promise.all(
    lanes.map(async (lane, i) => {
      for (const number of lane) {
        const started = Date.now();
        const res = await api.gql(ADD, { input: { phoneNumber: number } }, { token: accounts[i].token, ip: accounts[i].ip });
        if (!res.data) throw new Error(`addSmsMethod ${number}: ${JSON.stringify(res.errors)}`);
        answeredAt.set(number, Date.now());
        requestMs.push(Date.now() - started);
        onProgress(answeredAt.size);
        await sleep(Math.max(0, gapMs - (Date.now() - started)));
      }
    }),
  );
  return { numbers, answeredAt, requestMs, startedAt };
}

export interface BurstReport {
  delivered: number;
  /** Numbers that received the same code more than once (a re-send after a lost job, same text). */
  duplicates: number;
  /** Numbers that received two different texts: must be 0. */
  twoCodes: number;
  /** Numbers whose text differs from what the API stored for them: must be 0. */
  wrongText: number;
  /** Request answered → SMS at the gateway, ms. */
  latency: { p50: number; p99: number; max: number };
  /** SMS that took more than `delayedAfterMs` from the answer to the gateway. */
  delayed: number;
  /** addSmsMethod answer time, ms. */
  request: { p99: number; max: number };
  /** The longest pause between two consecutive SMS at the gateway that ended after `eventAt` (the failover), and when it ended, ms after the event. */
  longestGap: { ms: number; endedAfterEventMs: number };
  /** First request to the last SMS at the gateway, ms. */
  allDeliveredMs: number;
}

/** Waits until every number got its SMS (and a moment longer, for a late duplicate), then checks each text against the stored row. */
export async function settleBurst(
  gateway: FakeSmsGateway,
  pg: Pool,
  bodyKey: Buffer,
  burst: BurstResult,
  opts: { timeoutMs: number; delayedAfterMs: number; eventAt?: number },
): Promise<BurstReport> {
  const wanted = new Set(burst.numbers);
  const ours = () => gateway.messages.filter((m) => wanted.has(m.to));
  const deadline = Date.now() + opts.timeoutMs;
  while (new Set(ours().map((m) => m.to)).size < wanted.size) {
    if (Date.now() > deadline) {
      const got = new Set(ours().map((m) => m.to));
      throw new Error(`${wanted.size - got.size} of ${wanted.size} codes not delivered within ${opts.timeoutMs} ms`);
    }
    await sleep(50);
  }
  // Job locks, stalled checks and the relay all act within this in the test's settings.
  await sleep(2500);
  const received = ours();
  const byNumber = new Map<string, FakeSms[]>();
  for (const m of received) byNumber.set(m.to, [...(byNumber.get(m.to) ?? []), m]);

  const { rows } = await pg.query(`SELECT id, phone_number, body_sealed FROM sms_message WHERE phone_number = ANY($1)`, [burst.numbers]);
  const stored = new Map(rows.map((r) => [r.phone_number as string, open(bodyKey, r.body_sealed, r.id)]));
  let duplicates = 0;
  let twoCodes = 0;
  let wrongText = 0;
  const latencies: number[] = [];
  for (const number of burst.numbers) {
    const sms = byNumber.get(number) ?? [];
    const texts = new Set(sms.map((m) => m.body));
    if (sms.length > 1) duplicates++;
    if (texts.size > 1) twoCodes++;
    if ([...texts].some((t) => t !== stored.get(number))) wrongText++;
    const first = Math.min(...sms.map((m) => Date.parse(m.dateCreated)));
    latencies.push(Math.max(0, first - (burst.answeredAt.get(number) ?? first)));
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const arrivals = received.map((m) => Date.parse(m.dateCreated)).sort((a, b) => a - b);
  const eventAt = opts.eventAt ?? burst.startedAt;
  let longestGap = { ms: 0, endedAfterEventMs: 0 };
  for (let i = 1; i < arrivals.length; i++) {
    const gap = arrivals[i] - arrivals[i - 1];
    if (arrivals[i] >= eventAt && gap > longestGap.ms) longestGap = { ms: gap, endedAfterEventMs: arrivals[i] - eventAt };
  }
  const requests = [...burst.requestMs].sort((a, b) => a - b);
  return {
    delivered: byNumber.size,
    duplicates,
    twoCodes,
    wrongText,
    latency: { p50: at(0.5), p99: at(0.99), max: latencies[latencies.length - 1] },
    delayed: latencies.filter((l) => l > opts.delayedAfterMs).length,
    request: { p99: requests[Math.floor(0.99 * (requests.length - 1))], max: requests[requests.length - 1] },
    longestGap,
    allDeliveredMs: arrivals[arrivals.length - 1] - burst.startedAt,
  };
}
