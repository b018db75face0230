import { errorCode, startApi, type TestApi } from './harness';
import { enableNumber, loginWithSms, ME, signUp } from './journey';

describe('smoke: the whole journey over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('signs up, enables 2FA by SMS, logs in with the second factor', async () => {
    const { token, email } = await signUp(api);
    const me = await api.gql(ME, {}, { token });
    expect(me.data!['me'].twoFactor.enabled).toBe(false);
    const { backupCodes } = await enableNumber(api, token);
    expect(backupCodes).toHaveLength(10);
    const session = await loginWithSms(api, email);
    const me2 = await api.gql(ME, {}, { token: session });
    expect(me2.data!['me'].twoFactor.enabled).toBe(true);
    expect(errorCode(await api.gql(ME, {}, { token }))).toBeUndefined();
  });
});
