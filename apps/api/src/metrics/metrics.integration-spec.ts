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
});
