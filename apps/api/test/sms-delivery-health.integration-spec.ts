import { startApi, type TestApi } from './harness';
import { enableNumber, loginWithSms, signUp } from './journey';

const HEALTH = `{ me { twoFactor { smsMethods { id delivery { lastDeliveredAt consecutiveFailures lastFailedAt } } } } }`;

/**
 * SmsMethod.delivery (issue 14 item 6): from the receipts of a number's code SMS, when one was
 * last delivered and how many failed in a row since, for the Security page's "Last delivered …"
 * and its warning. The receipts are written as the API's receipt endpoints write them (status,
 * delivered_at / failed_at on the message's row).
 */
describe('SmsMethod.delivery', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const codeMessages = async (methodId: string) =>
    (await api.pg.query(`SELECT id FROM sms_message WHERE method_id = $1 AND purpose <> 'NOTICE' ORDER BY created_at`, [methodId])).rows.map((r) => r.id as string);
  const settle = (id: string, status: 'DELIVERED' | 'FAILED', at: Date) =>
    api.pg.query(
      `UPDATE sms_message SET status = $2::varchar, delivered_at = CASE WHEN $2::varchar = 'DELIVERED' THEN $3::timestamptz END, failed_at = CASE WHEN $2::varchar = 'FAILED' THEN $3::timestamptz END WHERE id = $1`,
      [id, status, at],
    );
  const health = async (token: string, methodId: string) => {
    const res = await api.gql(HEALTH, {}, { token });
    expect(res.errors).toBeUndefined();
    return (res.data!['me'].twoFactor.smsMethods as { id: string; delivery: unknown }[]).find((m) => m.id === methodId)!.delivery;
  };

  it('reports nothing before any receipt, then the last delivery, then the failures since it, newest first', async () => {
    const { token, email } = await signUp(api);
    const { methodId } = await enableNumber(api, token);
    // Still SENT (no receipt): counted neither way.
    expect(await health(token, methodId)).toEqual({ lastDeliveredAt: null, consecutiveFailures: 0, lastFailedAt: null });

    const [confirmation] = await codeMessages(methodId);
    await settle(confirmation, 'DELIVERED', new Date('2026-12-01T10:00:00Z'));
    const session = await loginWithSms(api, email, methodId);
    await loginWithSms(api, email, methodId);
    const [, first, second] = await codeMessages(methodId);
    expect(await health(session, methodId)).toEqual({ lastDeliveredAt: '2026-12-01T10:00:00.000Z', consecutiveFailures: 0, lastFailedAt: null });

    await settle(first, 'FAILED', new Date('2026-12-01T11:00:00Z'));
    await settle(second, 'FAILED', new Date('2026-12-01T12:00:00Z'));
    expect(await health(session, methodId)).toEqual({ lastDeliveredAt: '2026-12-01T10:00:00.000Z', consecutiveFailures: 2, lastFailedAt: '2026-12-01T12:00:00.000Z' });

    // A later delivery ends the run of failures.
    await settle(second, 'DELIVERED', new Date('2026-12-01T12:05:00Z'));
    expect(await health(session, methodId)).toEqual({ lastDeliveredAt: '2026-12-01T12:05:00.000Z', consecutiveFailures: 0, lastFailedAt: null });
  });

  it('never counts notices, nor another account’s messages to the same number', async () => {
    const a = await signUp(api);
    const { methodId, number } = await enableNumber(api, a.token);
    const b = await signUp(api);
    await enableNumber(api, b.token, number);
    await api.pg.query(`UPDATE sms_message SET status = 'FAILED', failed_at = now() WHERE phone_number = $1 AND account_id <> $2`, [number, (await api.pg.query(`SELECT account_id FROM sms_method WHERE id = $1`, [methodId])).rows[0].account_id]);
    await api.pg.query(`UPDATE sms_message SET status = 'FAILED', failed_at = now() WHERE method_id = $1 AND purpose = 'NOTICE'`, [methodId]);
    expect(await health(a.token, methodId)).toEqual({ lastDeliveredAt: null, consecutiveFailures: 0, lastFailedAt: null });
  });
});
