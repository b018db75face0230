import { startApi, type TestApi } from '../../test/harness';
import { LOGIN, signUp } from '../../test/journey';

describe('GET /metrics', () => {
  let api: TestApi;
  const token = 'metrics-token-for-the-tests-0123456789';
  beforeAll(async () => {
    api = await startApi({ METRICS_TOKEN: token });
  });
  afterAll(() => api.close());

  it('requires the metrics token when one is configured', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-the-same-size-xxxxxx' } })).status).toBe(401);
  });

  it('counts login outcomes and reports SMS states and queue depth', async () => {
    const { email } = await signUp(api);
    await api.gql(LOGIN, { input: { email, password: 'wrong password here' } });
    await api.gql(LOGIN, { input: { email, password: 'correct horse battery staple' } });
    const res = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/twofold_auth_operations_total\{operation="login",outcome="INVALID_CREDENTIALS",service="api"\} 1/);
    expect(text).toMatch(/twofold_auth_operations_total\{operation="login",outcome="ok",service="api"\} 1/);
    expect(text).toContain('twofold_graphql_request_duration_seconds_bucket');
    expect(text).toContain('# TYPE twofold_sms_queue_jobs gauge');
    expect(text).toContain('twofold_api_process_resident_memory_bytes');
  });

  it('reports code SMS per provider and country: sent, delivered, failed, entered, and the receipt latency quantiles', async () => {
    // Rows as the worker and the receipt endpoints leave them (this API runs no worker): a message
    // and its provider attempts. The last one fell back from vonage to twilio (same code), which
    // delivered it and whose code was entered: it counts for twilio, its failed first turn for vonage.
    const insert = async (country: string, status: string, verified: boolean, attempts: [string, string, number | null][]) => {
      const id = (
        await api.pg.query(
          `INSERT INTO sms_message (id, phone_number, purpose, locale, body_sealed, status, provider, country_code, attempts, created_at, updated_at, sent_at, verified_at)
           VALUES (gen_random_uuid(), '+33612345678', 'LOGIN', 'fr', 'v1.x.y.z', $1::varchar, $2, $3, 1, now(), now(), now(), CASE WHEN $4::boolean THEN now() END) RETURNING id`,
          [status, attempts[0][0], country, verified],
        )
      ).rows[0].id;
      for (const [seq, [provider, state, deliveredAfterS]] of attempts.entries())
        await api.pg.query(
          `INSERT INTO sms_attempt (message_id, seq, provider, status, created_at, updated_at, sent_at, delivered_at, failed_at)
           VALUES ($1, $2, $3, $4::varchar, now(), now(), now(), CASE WHEN $5::float IS NULL THEN NULL ELSE now() + make_interval(secs => $5::float) END, CASE WHEN $4::varchar = 'FAILED' THEN now() END)`,
          [id, seq + 1, provider, state, deliveredAfterS],
        );
    };
    await insert('FR', 'DELIVERED', true, [['vonage', 'DELIVERED', 2]]);
    await insert('FR', 'DELIVERED', false, [['vonage', 'DELIVERED', 4]]);
    await insert('FR', 'SENT', false, [['vonage', 'SENT', null]]);
    await insert('FR', 'DELIVERED', true, [['vonage', 'FAILED', null], ['twilio', 'DELIVERED', 1]]);
    const text = await (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
    const value = (name: string, labels: string) => Number(new RegExp(`${name}\\{${labels},service="api"\\} ([0-9.]+)`).exec(text)?.[1]);
    expect(value('twofold_sms_codes_last_hour', 'provider="vonage",country="FR",state="sent"')).toBe(4);
    expect(value('twofold_sms_codes_last_hour', 'provider="vonage",country="FR",state="delivered"')).toBe(2);
    expect(value('twofold_sms_codes_last_hour', 'provider="vonage",country="FR",state="failed"')).toBe(1);
    expect(value('twofold_sms_codes_last_hour', 'provider="vonage",country="FR",state="entered"')).toBe(1);
    expect(value('twofold_sms_codes_last_hour', 'provider="twilio",country="FR",state="sent"')).toBe(1);
    expect(value('twofold_sms_codes_last_hour', 'provider="twilio",country="FR",state="entered"')).toBe(1);
    expect(value('twofold_sms_receipt_latency_seconds', 'provider="vonage",country="FR",quantile="0.5"')).toBeCloseTo(3, 5);
    expect(value('twofold_sms_receipt_latency_seconds', 'provider="vonage",country="FR",quantile="0.99"')).toBeCloseTo(3.98, 5);
  });
});
