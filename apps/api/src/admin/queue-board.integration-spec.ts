import { startApi, type TestApi } from '../../test/harness';

describe('operator queue view', () => {
  let api: TestApi;
  const token = 'admin-token-for-the-tests-0123456789';
  beforeAll(async () => {
    api = await startApi({ ADMIN_TOKEN: token });
  });
  afterAll(() => api.close());

  it('is refused without the admin token', async () => {
    const res = await fetch(`${api.url}/admin/queues`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('opens with the token, as bearer or as a basic-auth password, and lists the SMS queue', async () => {
    expect((await fetch(`${api.url}/admin/queues`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const basic = Buffer.from(`operator:${token}`).toString('base64');
    const queues = await fetch(`${api.url}/admin/queues/api/queues`, { headers: { authorization: `Basic ${basic}` } });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name)).toEqual(['sms']);
  });

  it('answers liveness and readiness', async () => {
    expect(await (await fetch(`${api.url}/health/live`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${api.url}/health/ready`)).json()).toMatchObject({ status: 'ok', postgres: 'up', redis: 'up' });
  });
});
