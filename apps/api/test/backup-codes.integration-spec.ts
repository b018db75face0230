import { verify } from '@node-rs/argon2';
import { errorCode, startApi, type TestApi } from './harness';
import { COMPLETE_BACKUP, phone, signUp } from './journey';
import { challenge, DELETE_CODES, dumpTable, enableWith, REGENERATE, STATUS } from './two-factor-helpers';

const FORMAT = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}(-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}){3}$/;

/**
 * Contract §4 "Emergency codes". The per-IP hourly SMS limit is raised: every request here
 * comes from 127.0.0.1 (that limit has its own spec in sms-limits).
 */
describe('emergency (backup) codes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000' });
  });
  afterAll(() => api.close());

  const status = async (token: string) => (await api.gql(STATUS, {}, { token })).data!['me'].twoFactor.backupCodes;
  const useCode = async (email: string, code: string) => {
    const c = await challenge(api, email);
    return api.gql(COMPLETE_BACKUP, { input: { ticket: c.ticket, code } });
  };

  it('the first confirmation returns 10 distinct codes XXXX-XXXX-XXXX-XXXX from the alphabet; the second number\'s does not', async () => {
    const { token } = await signUp(api);
    expect(await status(token)).toEqual({ active: false, remaining: 0, total: 0, generatedAt: null });
    const first = await enableWith(api, token, phone());
    expect(first.backupCodes).toHaveLength(10);
    for (const code of first.backupCodes!) expect(code).toMatch(FORMAT);
    expect(new Set(first.backupCodes).size).toBe(10);
    const second = await enableWith(api, token, phone());
    expect(second.backupCodes).toBeNull();
    const s = await status(token);
    expect(s).toMatchObject({ active: true, remaining: 10, total: 10 });
    expect(Number.isNaN(Date.parse(s.generatedAt))).toBe(false);
  });

  it('codes are stored only as argon2id hashes', async () => {
    const { token, accountId } = await signUp(api);
    const { backupCodes } = await enableWith(api, token, phone());
    const { rows } = await api.pg.query('SELECT code_hash FROM backup_code WHERE account_id = $1', [accountId]);
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r.code_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{16,}\$[A-Za-z0-9+/]{32,}$/);
    expect(new Set(rows.map((r) => r.code_hash.split('$')[4])).size).toBe(10); // salted: every salt differs
    const dump = await dumpTable(api, 'backup_code');
    for (const code of backupCodes!) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ''));
    }
  });

  it('accepted in lower case, without dashes and with spaces; each code works once', async () => {
    const { token, email } = await signUp(api);
    const { backupCodes } = await enableWith(api, token, phone());
    const [a, b, c] = backupCodes!;
    const variants = [a.toLowerCase(), b.replace(/-/g, ''), ` ${c.replace(/-/g, ' ')} `];
    for (const v of variants) {
      const res = await useCode(email, v);
      expect({ v, errors: res.errors }).toEqual({ v, errors: undefined });
      expect(res.data!['completeLoginWithBackupCode'].token).toEqual(expect.any(String));
    }
    expect(await status(token)).toMatchObject({ active: true, remaining: 7, total: 10 });
    const reused = await useCode(email, a);
    expect(errorCode(reused)).toBe('INVALID_CODE');
    expect(reused.errors![0].extensions['remainingAttempts']).toBe(4);
    // A code of another account does nothing here.
    const other = await signUp(api);
    const otherCodes = (await enableWith(api, other.token, phone())).backupCodes!;
    expect(errorCode(await useCode(email, otherCodes[0]))).toBe('INVALID_CODE');
    // Not the format at all: BAD_USER_INPUT, not a try.
    expect(errorCode(await useCode(email, 'ABCD-EFGH-IJKL-MNO0'))).toBe('BAD_USER_INPUT');
  });

  it('regenerateBackupCodes replaces the set: old codes fail, new ones work', async () => {
    const { token, email } = await signUp(api);
    const { backupCodes: old } = await enableWith(api, token, phone());
    expect((await useCode(email, old![9])).errors).toBeUndefined();
    api.clock.advance(5);
    const res = await api.gql(REGENERATE, {}, { token });
    expect(res.errors).toBeUndefined();
    const { codes, status: st } = res.data!['regenerateBackupCodes'];
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(FORMAT);
    expect(codes.filter((c: string) => old!.includes(c))).toEqual([]);
    expect(st).toMatchObject({ active: true, remaining: 10, total: 10 });
    expect(new Date(st.generatedAt).getTime()).toBeGreaterThan(Date.parse((await status(token)).generatedAt) - 1000);
    expect(Math.abs(new Date(st.generatedAt).getTime() - api.clock.now().getTime())).toBeLessThan(30000);
    expect(errorCode(await useCode(email, old![0]))).toBe('INVALID_CODE');
    expect((await useCode(email, codes[0])).errors).toBeUndefined();
    expect(await status(token)).toMatchObject({ remaining: 9, total: 10 });
  });

  it('deleteBackupCodes removes them: BACKUP_CODE leaves the login methods and old codes fail', async () => {
    const { token, email } = await signUp(api);
    const { backupCodes } = await enableWith(api, token, phone());
    expect((await challenge(api, email)).methods.map((m) => m.kind)).toEqual(['SMS', 'BACKUP_CODE']);
    const res = await api.gql(DELETE_CODES, {}, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data!['deleteBackupCodes']).toEqual({ enabled: true, backupCodes: { active: false, remaining: 0, total: 0, generatedAt: null } });
    expect((await challenge(api, email)).methods.map((m) => m.kind)).toEqual(['SMS']);
    expect(errorCode(await useCode(email, backupCodes![0]))).toBe('INVALID_CODE');
    // A later regenerate creates a fresh set again.
    const again = await api.gql(REGENERATE, {}, { token });
    expect(again.data!['regenerateBackupCodes'].codes).toHaveLength(10);
  });

  it('BACKUP_CODE stays in the methods while codes remain and leaves with the last one', async () => {
    const { token, email, accountId } = await signUp(api);
    const { backupCodes } = await enableWith(api, token, phone());
    // Spend the 9 others directly in the database (the API path is covered above), then the last over HTTP.
    const { rows } = await api.pg.query('SELECT id, code_hash FROM backup_code WHERE account_id = $1', [accountId]);
    const normalized = backupCodes![0].replace(/-/g, '');
    const matches = await Promise.all(rows.map((r) => verify(r.code_hash, normalized)));
    const keep = rows[matches.indexOf(true)].id;
    await api.pg.query(`UPDATE backup_code SET used_at = now() WHERE account_id = $1 AND id <> $2`, [accountId, keep]);
    expect(await status(token)).toMatchObject({ active: true, remaining: 1, total: 10 });
    expect((await challenge(api, email)).methods.map((m) => m.kind)).toEqual(['SMS', 'BACKUP_CODE']);
    expect((await useCode(email, backupCodes![0])).errors).toBeUndefined();
    expect(await status(token)).toMatchObject({ active: false, remaining: 0, total: 10 });
    expect((await challenge(api, email)).methods.map((m) => m.kind)).toEqual(['SMS']);
  });
});
