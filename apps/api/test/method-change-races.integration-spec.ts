import { totpCodeAt } from '@twofold/two-factor-domain';
import { errorCode, startApi, type TestApi } from './harness';
import { phone, signUp } from './journey';
import { enableWith } from './two-factor-helpers';

const START = `mutation { startTotpEnrollment { enrollmentId secret } }`;
const CONFIRM_TOTP = `mutation($input: ConfirmTotpMethodInput!) { confirmTotpMethod(input: $input) { methodId } }`;
const REMOVE = `mutation($id: ID!) { removeTwoFactorMethod(methodId: $id) { enabled } }`;
const REMOVE_SMS = `mutation($id: ID!) { removeSmsMethod(methodId: $id) { enabled } }`;
const DISABLE = `mutation { disableTwoFactor { enabled } }`;
const UPDATE = `mutation($input: UpdateTwoFactorMethodInput!) { updateTwoFactorMethod(input: $input) { enabled } }`;
const SET_DEFAULT = `mutation($id: ID!) { setDefaultTwoFactorMethod(methodId: $id) { enabled } }`;
const ROUNDS = 4;

/**
 * Changes of one account's methods race each other (two tabs, two API calls at once): each runs
 * under the account lock, so every end state is one a sequence of them would leave.
 */
describe('method changes racing each other', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000', SMS_NOTICES_PER_ACCOUNT_PER_HOUR: '1000' });
  });
  afterAll(() => api.close());

  /** An account with a number (default), an authenticator app and emergency codes. */
  async function both() {
    const a = await signUp(api);
    const sms = await enableWith(api, a.token, phone());
    const e = (await api.gql(START, {}, { token: a.token })).data!['startTotpEnrollment'];
    const app = await api.gql(CONFIRM_TOTP, { input: { enrollmentId: e.enrollmentId, code: totpCodeAt(e.secret, api.clock.now()) } }, { token: a.token });
    return { ...a, smsId: sms.methodId, totpId: app.data!['confirmTotpMethod'].methodId as string };
  }
  const state = async (accountId: string) => {
    const q = async (sql: string) => (await api.pg.query(sql, [accountId])).rows[0].n as number;
    return {
      methods: await q(`SELECT count(*)::int AS n FROM two_factor_method WHERE account_id = $1`),
      defaults: await q(`SELECT count(*)::int AS n FROM two_factor_method WHERE account_id = $1 AND is_default`),
      codes: await q(`SELECT count(*)::int AS n FROM backup_code WHERE account_id = $1`),
      disabledEvents: await q(`SELECT count(*)::int AS n FROM security_event WHERE account_id = $1 AND type = 'TWO_FACTOR_DISABLED'`),
    };
  };

  it('removing the last two methods at once: 2FA off once, the emergency codes gone', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await both();
      const answers = await Promise.all([api.gql(REMOVE, { id: a.totpId }, { token: a.token }), api.gql(REMOVE_SMS, { id: a.smsId }, { token: a.token })]);
      for (const r of answers) expect(r.errors).toBeUndefined();
      expect(await state(a.accountId)).toEqual({ methods: 0, defaults: 0, codes: 0, disabledEvents: 1 });
    }
  });

  it('disableTwoFactor racing a removal: 2FA off once; the removal either came first or finds nothing', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await both();
      const [removed, disabled] = await Promise.all([api.gql(REMOVE, { id: a.totpId }, { token: a.token }), api.gql(DISABLE, {}, { token: a.token })]);
      expect(disabled.data!['disableTwoFactor'].enabled).toBe(false);
      if (removed.errors) expect(errorCode(removed)).toBe('NOT_FOUND');
      expect(await state(a.accountId)).toEqual({ methods: 0, defaults: 0, codes: 0, disabledEvents: 1 });
    }
  });

  it('a rename racing the removal of the same method: renamed then removed, or NOT_FOUND; never a crash', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await both();
      const [renamed, removed] = await Promise.all([
        api.gql(UPDATE, { input: { methodId: a.totpId, description: 'Tablet' } }, { token: a.token }),
        api.gql(REMOVE, { id: a.totpId }, { token: a.token }),
      ]);
      expect(removed.errors).toBeUndefined();
      if (renamed.errors) expect(errorCode(renamed)).toBe('NOT_FOUND');
      expect(await state(a.accountId)).toMatchObject({ methods: 1, defaults: 1 });
    }
  });

  it('two "make default" at once for different methods: exactly one default', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await both();
      const answers = await Promise.all([api.gql(SET_DEFAULT, { id: a.totpId }, { token: a.token }), api.gql(SET_DEFAULT, { id: a.smsId }, { token: a.token })]);
      for (const r of answers) expect(r.errors).toBeUndefined();
      expect(await state(a.accountId)).toMatchObject({ methods: 2, defaults: 1 });
    }
  });

  it('removing the default while another method is made default: one default remains', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await both();
      const second = await enableWith(api, a.token, phone());
      const answers = await Promise.all([api.gql(REMOVE_SMS, { id: a.smsId }, { token: a.token }), api.gql(SET_DEFAULT, { id: second.methodId }, { token: a.token })]);
      for (const r of answers) expect(r.errors).toBeUndefined();
      expect(await state(a.accountId)).toMatchObject({ methods: 2, defaults: 1 });
    }
  });
});
