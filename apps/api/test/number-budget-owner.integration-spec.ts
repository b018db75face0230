import { errorCode, startApi, type TestApi } from './harness';
import { ADD, LOGIN, PASSWORD, phone, SEND_LOGIN, signUp } from './journey';
import { enableWith, REMOVE } from './two-factor-helpers';

/**
 * Issue "Security round 2" §6 and contract §4 "Sending is limited": the per-number limit stays
 * (5 codes an hour to one number, whoever asks), but codes caused by other accounts (the number
 * pending there) never use up the budget of the account that has the number ENABLED.
 */
describe('strangers cannot starve the owner of a number', () => {
  let api: TestApi;
  beforeAll(async () => {
    // The per-IP limit is not under test: every request comes from 127.0.0.1.
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '100000', SMS_RESEND_COOLDOWN_SECONDS: '0' });
  });
  afterAll(() => api.close());

  const perHour = 5; // SMS_LIMIT_PER_NUMBER_PER_HOUR

  it('other accounts adding and removing the victim’s number use up only their own budget for it; the owner still gets 5 login codes', async () => {
    const victim = await signUp(api);
    const number = phone();
    await enableWith(api, victim.token, number); // 1 code to the number, the victim's own

    // Strangers add and remove the number until the per-number limit stops them: pumping stays stopped.
    let strangerCodes = 0;
    let refused: string | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const stranger = await signUp(api);
      const added = await api.gql(ADD, { input: { phoneNumber: number } }, { token: stranger.token });
      if (added.errors) {
        refused = errorCode(added);
        break;
      }
      strangerCodes++;
      expect((await api.gql(REMOVE, { methodId: added.data!['addSmsMethod'].method.id }, { token: stranger.token })).errors).toBeUndefined();
    }
    expect(refused).toBe('RATE_LIMITED');
    expect(strangerCodes).toBe(perHour - 1); // the victim's confirmation counts for everyone

    // The owner's own budget for the number is untouched by the strangers: 4 more codes this hour (5 with the confirmation).
    for (let i = 0; i < perHour - 1; i++) {
      const login = await api.gql(LOGIN, { input: { email: victim.email, password: PASSWORD } });
      const c = login.data!['login'];
      const sent = await api.gql(SEND_LOGIN, { input: { ticket: c.ticket, methodId: c.defaultMethod.id } });
      expect(sent.errors).toBeUndefined();
    }
    const login = await api.gql(LOGIN, { input: { email: victim.email, password: PASSWORD } });
    const c = login.data!['login'];
    // The owner's own sixth code in the hour is refused: the owner's budget still holds.
    expect(errorCode(await api.gql(SEND_LOGIN, { input: { ticket: c.ticket, methodId: c.defaultMethod.id } }))).toBe('RATE_LIMITED');

    const { rows } = await api.pg.query(`SELECT account_id = $2 AS own, count(*)::int AS n FROM sms_message WHERE phone_number = $1 AND purpose <> 'NOTICE' GROUP BY 1 ORDER BY 1`, [number, victim.accountId]);
    expect(rows).toEqual([
      { own: false, n: perHour - 1 },
      { own: true, n: perHour },
    ]);
  });

  it('a stranger’s pending number is still limited by every account’s sends to it, the owner’s included', async () => {
    const owner = await signUp(api);
    const number = phone();
    await enableWith(api, owner.token, number);
    for (let i = 0; i < perHour - 1; i++) {
      const login = await api.gql(LOGIN, { input: { email: owner.email, password: PASSWORD } });
      const c = login.data!['login'];
      expect((await api.gql(SEND_LOGIN, { input: { ticket: c.ticket, methodId: c.defaultMethod.id } })).errors).toBeUndefined();
    }
    const stranger = await signUp(api);
    expect(errorCode(await api.gql(ADD, { input: { phoneNumber: number } }, { token: stranger.token }))).toBe('RATE_LIMITED');
  });
});
