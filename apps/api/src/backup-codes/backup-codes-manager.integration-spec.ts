import { errorCode, startApi, type TestApi } from '../../test/harness';
import { signUp } from '../../test/journey';

describe('emergency codes without two-factor authentication', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('regenerateBackupCodes is FORBIDDEN while 2FA is off, and creates nothing', async () => {
    const { token, accountId } = await signUp(api);
    const res = await api.gql(`mutation { regenerateBackupCodes { codes } }`, {}, { token });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
    const { rows } = await api.pg.query('SELECT count(*)::int AS n FROM backup_code WHERE account_id = $1', [accountId]);
    expect(rows[0].n).toBe(0);
  });

  it('deleteBackupCodes with no set changes nothing and records no event', async () => {
    const { token, accountId } = await signUp(api);
    const res = await api.gql(`mutation { deleteBackupCodes { enabled backupCodes { active remaining total } } }`, {}, { token });
    expect(res.data!['deleteBackupCodes']).toEqual({ enabled: false, backupCodes: { active: false, remaining: 0, total: 0 } });
    const { rows } = await api.pg.query(`SELECT count(*)::int AS n FROM security_event WHERE account_id = $1 AND type = 'BACKUP_CODES_DELETED'`, [accountId]);
    expect(rows[0].n).toBe(0);
  });
});
