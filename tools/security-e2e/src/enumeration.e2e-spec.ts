import { errorCode, LOGIN, PASSWORD, startSystem, type GqlResponse, type System } from './harness';

/**
 * Account enumeration through `login`: an unknown email, a wrong password and a rate-limited email
 * answer the same shape, and in comparable time (medians of interleaved tries within 20%).
 */
const TRIES = 30;
let sys: System;
beforeAll(async () => {
  // Sending limits are irrelevant here; the password throttle keeps its contract defaults (10 per 15 min).
  sys = await startSystem({ label: 'secenum', worker: false });
});
afterAll(async () => {
  await sys?.stop();
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

/** The answer without its variable parts: HTTP status, data, and each error's keys, code and extension keys. */
function shape(res: GqlResponse): unknown {
  return {
    status: res.status,
    data: res.data,
    errors: (res.errors ?? []).map((e) => ({ keys: Object.keys(e).sort(), code: e.extensions['code'], extensions: Object.keys(e.extensions).sort() })),
  };
}

it('unknown email, wrong password and rate-limited email: same shape, medians within 20%', async () => {
  // Accounts to guess against (at most 9 wrong passwords each, so none of them gets rate-limited).
  const victims = await Promise.all(Array.from({ length: 4 }, () => sys.signUp()));
  const blockedExisting = (await sys.signUp()).email;
  const blockedUnknown = `nobody-blocked-${Date.now()}@example.com`;
  for (const email of [blockedExisting, blockedUnknown]) {
    for (let i = 0; i < 10; i++) expect(errorCode(await sys.gql(LOGIN, { input: { email, password: 'wrong password 123' } }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await sys.gql(LOGIN, { input: { email, password: PASSWORD } }))).toBe('RATE_LIMITED');
  }

  const kinds = {
    unknown: (i: number) => sys.gql(LOGIN, { input: { email: `nobody-${i}-${Date.now()}@example.com`, password: `wrong password ${i}` } }),
    wrongPassword: (i: number) => sys.gql(LOGIN, { input: { email: victims[i % victims.length].email, password: `wrong password ${i}` } }),
    rateLimited: (i: number) => sys.gql(LOGIN, { input: { email: i % 2 ? blockedExisting : blockedUnknown, password: i === 3 ? PASSWORD : `wrong password ${i}` } }),
  };
  const times: Record<keyof typeof kinds, number[]> = { unknown: [], wrongPassword: [], rateLimited: [] };
  const answers: Record<keyof typeof kinds, GqlResponse[]> = { unknown: [], wrongPassword: [], rateLimited: [] };
  // Warm-up, then interleaved rounds so that load on the machine hits every kind alike.
  for (const k of Object.keys(kinds) as (keyof typeof kinds)[]) await kinds[k](TRIES + 1);
  for (let i = 0; i < TRIES; i++) {
    for (const k of Object.keys(kinds) as (keyof typeof kinds)[]) {
      const res = await kinds[k](i);
      times[k].push(res.ms);
      answers[k].push(res);
    }
  }

  // Same shape: one error, no data, same HTTP status and keys; unknown and wrong password are identical.
  expect(new Set(answers.unknown.map(errorCode))).toEqual(new Set(['INVALID_CREDENTIALS']));
  expect(new Set(answers.wrongPassword.map(errorCode))).toEqual(new Set(['INVALID_CREDENTIALS']));
  expect(new Set(answers.rateLimited.map(errorCode))).toEqual(new Set(['RATE_LIMITED']));
  expect(shape(answers.unknown[0])).toEqual(shape(answers.wrongPassword[0]));
  expect(answers.unknown[0].errors![0].message).toBe(answers.wrongPassword[0].errors![0].message);
  // A rate-limited existing email and a rate-limited unknown email cannot be told apart either.
  expect(shape(answers.rateLimited[0])).toEqual(shape(answers.rateLimited[1]));
  expect(answers.rateLimited[0].errors![0].message.replace(/\d+/g, 'N')).toBe(answers.rateLimited[1].errors![0].message.replace(/\d+/g, 'N'));
  const { status: s1, data: d1 } = answers.unknown[0];
  const { status: s3, data: d3 } = answers.rateLimited[0];
  expect({ status: s3, data: d3 }).toEqual({ status: s1, data: d1 });

  const medians = { unknown: median(times.unknown), wrongPassword: median(times.wrongPassword), rateLimited: median(times.rateLimited) };
  const values = Object.values(medians);
  const ratio = Math.max(...values) / Math.min(...values);
  // Printed for SECURITY.md and for anyone tuning the hasher.
  console.log(`login medians over ${TRIES} interleaved tries (ms): ${JSON.stringify(Object.fromEntries(Object.entries(medians).map(([k, v]) => [k, Math.round(v * 10) / 10])))}; max/min ${ratio.toFixed(2)}`);
  expect(ratio).toBeLessThanOrEqual(1.2);
});
