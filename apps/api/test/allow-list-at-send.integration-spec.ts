import { errorCode, startApi, type TestApi } from './harness';
import { ADD, enableNumber, LOGIN, PASSWORD, SEND_LOGIN, signUp } from './journey';

const RESEND = `mutation($id: ID!) { resendSmsMethodCode(methodId: $id) { id } }`;

/**
 * Issue 14 item 4: SMS_ALLOWED_COUNTRIES holds when a code is sent, not only when a number is
 * added. A number added while its country was allowed gets no code once the operator leaves the
 * country out (COUNTRY_NOT_ALLOWED, no message row, no limit spent); the account's other numbers
 * and the emergency codes still work.
 */
describe('SMS_ALLOWED_COUNTRIES at send time', () => {
  let api: TestApi;
  const allow = (countries: string[]) => ((api.config.sms as { allowedCountries: string[] }).allowedCountries = countries);
  beforeAll(async () => {
    api = await startApi({ SMS_ALLOWED_COUNTRIES: 'GB,FR' });
  });
  afterAll(() => api.close());
  afterEach(() => allow(['GB', 'FR']));

  const messagesTo = async (phone: string) => Number((await api.pg.query(`SELECT count(*)::int AS n FROM sms_message WHERE phone_number = $1`, [phone])).rows[0].n);

  it('refuses a login code to a number whose country was left out since, and sends to the allowed one', async () => {
    const { token, email } = await signUp(api);
    const fr = await enableNumber(api, token, '+33612345678', 'Mobile FR');
    const gb = await enableNumber(api, token, '+447400123456', 'Mobile GB');
    allow(['GB']);

    const challenge = (await api.gql(LOGIN, { input: { email, password: PASSWORD } })).data!['login'];
    const before = await messagesTo(fr.number);
    const refused = await api.gql(SEND_LOGIN, { input: { ticket: challenge.ticket, methodId: fr.methodId } });
    expect(errorCode(refused)).toBe('COUNTRY_NOT_ALLOWED');
    expect(refused.errors![0].message).toMatch(/FR/);
    expect(await messagesTo(fr.number)).toBe(before);

    const sent = await api.gql(SEND_LOGIN, { input: { ticket: challenge.ticket, methodId: gb.methodId } });
    expect(sent.errors).toBeUndefined();

    // Allowed again: the same ticket sends at once (the refusal spent no cooldown or hourly limit).
    allow(['GB', 'FR']);
    expect((await api.gql(SEND_LOGIN, { input: { ticket: challenge.ticket, methodId: fr.methodId } })).errors).toBeUndefined();
  });

  it('refuses the confirmation code of a pending number once its country is left out', async () => {
    const { token } = await signUp(api);
    const added = await api.gql(ADD, { input: { phoneNumber: '+33698765432' } }, { token });
    const methodId = added.data!['addSmsMethod'].method.id as string;
    allow(['GB']);
    expect(errorCode(await api.gql(RESEND, { id: methodId }, { token }))).toBe('COUNTRY_NOT_ALLOWED');
  });
});
