import { errorCode, startApi, type TestApi } from './harness';
import { ADD, phone } from './journey';
import { signUpWith } from './two-factor-helpers';

const ME = `{ me { locale twoFactor { limits { smsMethodsPerAccount descriptionMaxLength } } } }`;
const UPDATE = `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { id locale } }`;

/** The account's language (for SMS and the web app) and the deployment's limits, read from the API. */
describe('account settings', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_METHODS_PER_ACCOUNT: '3' });
  });
  afterAll(() => api.close());

  it('starts with the sign-up language, changes it with updateAccount, and the next SMS speaks it', async () => {
    const { token } = await signUpWith(api, { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect((await api.gql(ME, {}, { token })).data!['me'].locale).toBe('fr');

    const changed = await api.gql(UPDATE, { input: { locale: 'en' } }, { token });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!['updateAccount'].locale).toBe('en');
    expect((await api.gql(ME, {}, { token })).data!['me'].locale).toBe('en');
    const number = phone();
    expect((await api.gql(ADD, { input: { phoneNumber: number } }, { token })).errors).toBeUndefined();
    expect((await api.lastSms(number))!.body).toMatch(/^Twofold security code: \d{6}\./);

    // Left out or null: unchanged.
    expect((await api.gql(UPDATE, { input: {} }, { token })).data!['updateAccount'].locale).toBe('en');
    expect((await api.gql(UPDATE, { input: { locale: null } }, { token })).data!['updateAccount'].locale).toBe('en');
  });

  it('refuses an unknown language with BAD_USER_INPUT on the field, and a request without a session', async () => {
    const { token } = await signUpWith(api);
    const res = await api.gql(UPDATE, { input: { locale: 'de' } }, { token });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions['fields']).toEqual({ locale: 'One of en, fr.' });
    expect(errorCode(await api.gql(UPDATE, { input: { locale: 'fr' } }))).toBe('UNAUTHENTICATED');
  });

  it('answers the limits of this deployment', async () => {
    const { token } = await signUpWith(api);
    expect((await api.gql(ME, {}, { token })).data!['me'].twoFactor.limits).toEqual({ smsMethodsPerAccount: 3, descriptionMaxLength: 100 });
  });
});
