import { Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { SEND_SMS_JOB, SMS_QUEUE_NAME } from '@twofold/sms-queue';
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

  it('opens with the token, as bearer or as a basic-auth password, and lists the SMS and e-mail queues', async () => {
    expect((await fetch(`${api.url}/admin/queues`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const basic = Buffer.from(`operator:${token}`).toString('base64');
    const queues = await fetch(`${api.url}/admin/queues/api/queues`, { headers: { authorization: `Basic ${basic}` } });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name)).toEqual(['sms', 'email']);
  });

  describe('is read-only', () => {
    const auth = { authorization: `Bearer ${token}` };
    const api_ = (path: string) => `${api.url}/admin/queues/api/queues${path}`;
    let connection: IORedis;
    let queue: Queue;
    let failed: Job;

    /** A job the worker gave up on, as an operator would find it on the board. */
    beforeAll(async () => {
      connection = new IORedis(api.config.redisUrl, { maxRetriesPerRequest: null });
      queue = new Queue(SMS_QUEUE_NAME, { connection, prefix: api.config.queuePrefix });
      await queue.add(SEND_SMS_JOB, { v: 1, messageId: 'board-failed', sealed: 'v1.sealed' }, { jobId: 'board-failed', attempts: 1 });
      const worker = new Worker(SMS_QUEUE_NAME, null, { connection: connection.duplicate(), prefix: api.config.queuePrefix, autorun: false });
      const taken = (await worker.getNextJob('lock-token')) as Job;
      await taken.moveToFailed(new Error('provider down'), 'lock-token', false);
      await worker.close();
      failed = (await queue.getJob('board-failed')) as Job;
      expect(await failed.getState()).toBe('failed');
    });
    afterAll(async () => {
      await queue.close();
      connection.disconnect();
    });

    it('says so to the board UI', async () => {
      const res = await fetch(api_(''), { headers: auth });
      const body = (await res.json()) as { queues: { name: string; readOnlyMode: boolean }[] };
      expect(body.queues).toEqual([expect.objectContaining({ name: 'sms', readOnlyMode: true }), expect.objectContaining({ name: 'email', readOnlyMode: true })]);
    });

    it.each([
      ['PUT', '/sms/retry/failed'],
      ['PUT', '/sms/clean/failed'],
      ['PUT', '/sms/board-failed/retry'],
      ['PUT', '/sms/board-failed/clean'],
      ['PUT', '/sms/board-failed/promote'],
      ['PATCH', '/sms/board-failed/update-data'],
      ['PUT', '/sms/empty'],
      ['PUT', '/sms/obliterate'],
      ['PUT', '/sms/pause'],
      ['PUT', '/pause'],
      ['POST', '/sms/add'],
      ['DELETE', '/sms/board-failed'],
    ])('refuses %s %s with the token and leaves the failed job as it was', async (method, path) => {
      const res = await fetch(api_(path), {
        method,
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name: SEND_SMS_JOB, data: {} }),
      });
      expect(res.status).toBe(405);
      const job = (await queue.getJob('board-failed')) as Job;
      expect(await job.getState()).toBe('failed');
      expect(job.data).toEqual(failed.data);
      expect(job.attemptsMade).toBe(failed.attemptsMade);
      expect(await queue.isPaused()).toBe(false);
      expect(await queue.getJobCounts('waiting', 'failed', 'delayed')).toEqual({ waiting: 0, failed: 1, delayed: 0 });
    });
  });

  it('answers liveness and readiness', async () => {
    expect(await (await fetch(`${api.url}/health/live`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${api.url}/health/ready`)).json()).toMatchObject({ status: 'ok', postgres: 'up', redis: 'up' });
  });
});
