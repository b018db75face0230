import { startApi, type TestApi } from '../../test/harness';
import { ADD, phone, signUp } from '../../test/journey';
import { MaintenanceService } from './maintenance.service';

describe('maintenance', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ PENDING_METHOD_TTL_SECONDS: '86400' });
  });
  afterAll(() => api.close());

  it('removes numbers still pending after 24 hours and keeps younger ones', async () => {
    const first = await signUp(api);
    const old = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token: first.token });
    expect(old.errors).toBeUndefined();
    api.clock.advance(86400 - 60);
    const second = await signUp(api); // the first session has long gone idle
    const young = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token: second.token });
    expect(young.errors).toBeUndefined();
    api.clock.advance(61);

    const removed = await api.app.get(MaintenanceService).runOnce();
    expect(removed.pendingMethods).toBe(1);
    const { rows } = await api.pg.query('SELECT id FROM sms_method WHERE account_id = ANY($1)', [[first.accountId, second.accountId]]);
    expect(rows.map((r) => r.id)).toEqual([young.data!['addSmsMethod'].method.id]);
  });
});
