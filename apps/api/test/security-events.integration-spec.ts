import { errorCode, startApi, type GqlResponse, type TestApi } from './harness';
import {
  ADD,
  COMPLETE_BACKUP,
  COMPLETE_SMS,
  CONFIRM,
  DELETE_BACKUP,
  dumpDatabase,
  EVENTS,
  LOGIN,
  LOGOUT,
  PASSWORD,
  phone,
  REAUTH,
  REGENERATE,
  REMOVE,
  SEND_LOGIN,
  SET_DEFAULT,
  SIGN_UP,
  UPDATE,
} from './journey';

interface EventNode {
  id: string;
  type: string;
  createdAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  detail: string | null;
}

// Contract §4 "Security events": each state change and each failed login or second-factor try
// is recorded with time, IP and user agent, readable through securityEvents (newest first);
// codes, tokens and passwords never appear in events.
describe('security events', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000', SMS_NOTICES_PER_ACCOUNT_PER_HOUR: '1000' }); // budgets are not under test here
  });
  afterAll(() => api.close());

  /** Every call of the journey carries its own user agent, so each event can be traced to its request. */
  const as = (ua: string, token?: string) => ({ token, headers: { 'user-agent': ua } });
  const ok = (res: GqlResponse, field: string) => {
    if (res.errors) throw new Error(`${field}: ${JSON.stringify(res.errors)}`);
    return res.data![field];
  };
  const allEvents = async (token: string): Promise<EventNode[]> => ok(await api.gql(EVENTS, { first: 100 }, { token }), 'securityEvents').nodes;

  /**
   * The whole journey, one step per second of the ManualClock, remembering every secret the
   * customer saw or typed and the event types each step must leave (in the order they happen).
   */
  async function journey() {
    const secrets: string[] = [];
    const expected: { type: string; ua: string }[] = [];
    const step = (ua: string, ...types: string[]) => {
      api.clock.advance(1);
      for (const type of types) expected.push({ type, ua });
    };
    const email = `events-${Math.random().toString(36).slice(2)}@example.com`;
    const wrongPassword = `Wrong-${Math.random().toString(36).slice(2)}-password`;
    secrets.push(PASSWORD, wrongPassword);

    step('ua-signup', 'ACCOUNT_CREATED');
    const signUp = ok(await api.gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Eve Events' } }, as('ua-signup')), 'signUp');
    const token: string = signUp.token;
    secrets.push(token);

    step('ua-login-failed', 'LOGIN_FAILED');
    expect(errorCode(await api.gql(LOGIN, { input: { email, password: wrongPassword } }, as('ua-login-failed')))).toBe('INVALID_CREDENTIALS');

    step('ua-login', 'LOGIN_SUCCEEDED');
    const second = ok(await api.gql(LOGIN, { input: { email, password: PASSWORD } }, as('ua-login')), 'login');
    secrets.push(second.token);

    step('ua-add', 'SMS_METHOD_ADDED');
    const numberA = phone();
    const added = ok(await api.gql(ADD, { input: { phoneNumber: numberA } }, as('ua-add', token)), 'addSmsMethod');
    const methodA: string = added.method.id;
    const codeA = await api.lastCode(numberA);
    secrets.push(codeA);

    // The confirmation turns 2FA on: the login session ends, emergency codes are created.
    step('ua-confirm', 'SMS_METHOD_CONFIRMED', 'TWO_FACTOR_ENABLED', 'SESSION_REVOKED', 'BACKUP_CODES_GENERATED');
    const confirmed = ok(await api.gql(CONFIRM, { input: { methodId: methodA, code: codeA, description: 'Work phone' } }, as('ua-confirm', token)), 'confirmSmsMethod');
    const backupCodes: string[] = confirmed.backupCodes;
    secrets.push(...backupCodes);

    step('ua-update', 'SMS_METHOD_UPDATED');
    ok(await api.gql(UPDATE, { input: { methodId: methodA, description: 'Old phone' } }, as('ua-update', token)), 'updateSmsMethod');

    step('ua-add-b', 'SMS_METHOD_ADDED');
    const numberB = phone();
    const addedB = ok(await api.gql(ADD, { input: { phoneNumber: numberB } }, as('ua-add-b', token)), 'addSmsMethod');
    const methodB: string = addedB.method.id;
    const codeB = await api.lastCode(numberB);
    secrets.push(codeB);
    step('ua-confirm-b', 'SMS_METHOD_CONFIRMED');
    ok(await api.gql(CONFIRM, { input: { methodId: methodB, code: codeB } }, as('ua-confirm-b', token)), 'confirmSmsMethod');

    step('ua-default', 'DEFAULT_METHOD_CHANGED');
    ok(await api.gql(SET_DEFAULT, { id: methodB }, as('ua-default', token)), 'setDefaultTwoFactorMethod');

    // Password step (no event yet), a wrong SMS code, then the right one.
    const challenge = ok(await api.gql(LOGIN, { input: { email, password: PASSWORD } }, as('ua-2fa')), 'login');
    secrets.push(challenge.ticket);
    ok(await api.gql(SEND_LOGIN, { input: { ticket: challenge.ticket, methodId: methodB } }, as('ua-2fa')), 'sendLoginSmsCode');
    const loginCode = await api.lastCode(numberB);
    secrets.push(loginCode);
    const wrongCode = loginCode === '123456' ? '654321' : '123456';
    step('ua-2fa-wrong', 'SECOND_FACTOR_FAILED');
    expect(errorCode(await api.gql(COMPLETE_SMS, { input: { ticket: challenge.ticket, methodId: methodB, code: wrongCode } }, as('ua-2fa-wrong')))).toBe('INVALID_CODE');
    step('ua-2fa-ok', 'LOGIN_SUCCEEDED');
    const viaSms = ok(await api.gql(COMPLETE_SMS, { input: { ticket: challenge.ticket, methodId: methodB, code: loginCode } }, as('ua-2fa-ok')), 'completeLoginWithSms');
    secrets.push(viaSms.token);

    // Password step, a wrong emergency code, then a right one.
    const challenge2 = ok(await api.gql(LOGIN, { input: { email, password: PASSWORD } }, as('ua-backup')), 'login');
    secrets.push(challenge2.ticket);
    step('ua-backup-wrong', 'SECOND_FACTOR_FAILED');
    expect(errorCode(await api.gql(COMPLETE_BACKUP, { input: { ticket: challenge2.ticket, code: 'AAAA-BBBB-CCCC-DDDD' } }, as('ua-backup-wrong')))).toBe('INVALID_CODE');
    step('ua-backup-ok', 'BACKUP_CODE_USED', 'LOGIN_SUCCEEDED');
    const viaBackup = ok(await api.gql(COMPLETE_BACKUP, { input: { ticket: challenge2.ticket, code: backupCodes[0] } }, as('ua-backup-ok')), 'completeLoginWithBackupCode');
    secrets.push(viaBackup.token);

    // Sudo mode on the first session (2FA on: password then the second factor).
    const reauth = ok(await api.gql(REAUTH, { input: { password: PASSWORD } }, as('ua-reauth', token)), 'reauthenticate');
    secrets.push(reauth.ticket);
    step('ua-reauth-ok', 'BACKUP_CODE_USED', 'REAUTHENTICATED');
    ok(await api.gql(COMPLETE_BACKUP, { input: { ticket: reauth.ticket, code: backupCodes[1] } }, as('ua-reauth-ok', token)), 'completeLoginWithBackupCode');

    step('ua-regenerate', 'BACKUP_CODES_GENERATED');
    const regenerated = ok(await api.gql(REGENERATE, {}, as('ua-regenerate', token)), 'regenerateBackupCodes');
    secrets.push(...regenerated.codes);

    step('ua-delete-codes', 'BACKUP_CODES_DELETED');
    ok(await api.gql(DELETE_BACKUP, {}, as('ua-delete-codes', token)), 'deleteBackupCodes');

    // Removing the default makes the other number default; removing the last turns 2FA off.
    step('ua-remove-b', 'SMS_METHOD_REMOVED', 'DEFAULT_METHOD_CHANGED');
    ok(await api.gql(REMOVE, { id: methodB }, as('ua-remove-b', token)), 'removeSmsMethod');
    step('ua-remove-a', 'SMS_METHOD_REMOVED', 'TWO_FACTOR_DISABLED');
    ok(await api.gql(REMOVE, { id: methodA }, as('ua-remove-a', token)), 'removeSmsMethod');

    step('ua-logout', 'SESSION_REVOKED');
    ok(await api.gql(LOGOUT, {}, as('ua-logout', viaSms.token)), 'logout');

    return { email, token, secrets, expected };
  }

  let run: Awaited<ReturnType<typeof journey>>;
  let events: EventNode[];
  beforeAll(async () => {
    run = await journey();
    events = await allEvents(run.token);
  });

  it('records each state change and failed try, newest first, in the order they happened', () => {
    const newestFirst = [...run.expected].reverse();
    expect(events.map((e) => e.type)).toEqual(newestFirst.map((e) => e.type));
  });

  it('covers every SecurityEventType of the contract', () => {
    const contractTypes = [
      'ACCOUNT_CREATED',
      'LOGIN_SUCCEEDED',
      'LOGIN_FAILED',
      'SECOND_FACTOR_FAILED',
      'SESSION_REVOKED',
      'REAUTHENTICATED',
      'SMS_METHOD_ADDED',
      'SMS_METHOD_CONFIRMED',
      'SMS_METHOD_UPDATED',
      'SMS_METHOD_REMOVED',
      'DEFAULT_METHOD_CHANGED',
      'TWO_FACTOR_ENABLED',
      'TWO_FACTOR_DISABLED',
      'BACKUP_CODES_GENERATED',
      'BACKUP_CODES_DELETED',
      'BACKUP_CODE_USED',
    ];
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(contractTypes));
  });

  it("carries the time, IP address and user agent of the request that caused each event", () => {
    const newestFirst = [...run.expected].reverse();
    events.forEach((e, i) => {
      expect(e.userAgent).toBe(newestFirst[i].ua);
      expect(e.ipAddress).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
      expect(Number.isNaN(Date.parse(e.createdAt))).toBe(false);
    });
    const times = events.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('never shows a code, token, ticket or password in an event (API answer and stored rows)', async () => {
    const visible = JSON.stringify(events);
    const stored = await dumpDatabase(api, ['security_event']);
    expect(stored).toContain(run.expected.length > 0 ? 'ACCOUNT_CREATED' : 'x'); // the dump has the rows
    for (const secret of run.secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(6);
      expect(visible).not.toContain(secret);
      expect(stored).not.toContain(secret);
      const undashed = secret.replace(/-/g, '');
      expect(stored).not.toContain(undashed);
      expect(visible).not.toContain(undashed);
    }
    // The number concerned is shown masked only.
    const numbers = await api.pg.query(`SELECT DISTINCT phone_number FROM sms_message`);
    for (const { phone_number } of numbers.rows as { phone_number: string }[]) expect(visible).not.toContain(phone_number);
  });

  it('paginates with first/after: pages are disjoint, ordered, and end with hasNextPage false', async () => {
    const seen: EventNode[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: { nodes: EventNode[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } = ok(
        await api.gql(EVENTS, { first: 7, after }, { token: run.token }),
        'securityEvents',
      );
      pages++;
      expect(page.nodes.length).toBeLessThanOrEqual(7);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) {
        expect(page.nodes.length).toBeGreaterThan(0);
        break;
      }
      expect(page.nodes).toHaveLength(7);
      expect(page.pageInfo.endCursor).toEqual(expect.any(String));
      after = page.pageInfo.endCursor;
      expect(pages).toBeLessThan(20);
    }
    expect(pages).toBe(Math.ceil(events.length / 7));
    expect(seen.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('defaults to 20 events per page', async () => {
    const page = ok(await api.gql(`{ securityEvents { nodes { id } pageInfo { hasNextPage endCursor } } }`, {}, { token: run.token }), 'securityEvents');
    expect(events.length).toBeGreaterThan(20);
    expect(page.nodes).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it.each([0, -1, 101, 1000])('answers BAD_USER_INPUT with fields.first for first = %p', async (first) => {
    const res = await api.gql(EVENTS, { first }, { token: run.token });
    expect(res.data).toBeNull();
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(Object.keys(res.errors![0].extensions['fields'])).toEqual(['first']);
  });

  it('accepts the bounds first = 1 and first = 100', async () => {
    const one = ok(await api.gql(EVENTS, { first: 1 }, { token: run.token }), 'securityEvents');
    expect(one.nodes.map((e: EventNode) => e.id)).toEqual([events[0].id]);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const hundred = ok(await api.gql(EVENTS, { first: 100 }, { token: run.token }), 'securityEvents');
    expect(hundred.nodes).toHaveLength(events.length);
    expect(hundred.pageInfo.hasNextPage).toBe(false);
  });

  it.each(['garbage', 'Zm9vfGJhcg', ''])('answers BAD_USER_INPUT (or the first page for an empty cursor) for after = %p', async (after) => {
    const res = await api.gql(EVENTS, { first: 5, after }, { token: run.token });
    if (after === '') {
      expect(res.errors).toBeUndefined();
      expect(res.data!['securityEvents'].nodes.map((e: EventNode) => e.id)).toEqual(events.slice(0, 5).map((e) => e.id));
    } else {
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(Object.keys(res.errors![0].extensions['fields'])).toEqual(['after']);
    }
  });

  it("shows only the signed-in account's events, and needs a session", async () => {
    const other = ok(await api.gql(SIGN_UP, { input: { email: `other-${Math.random().toString(36).slice(2)}@example.com`, password: PASSWORD, name: 'Other' } }), 'signUp');
    const theirs: EventNode[] = await allEvents(other.token);
    expect(theirs.map((e) => e.type)).toEqual(['ACCOUNT_CREATED']);
    // Another account's cursor does not reveal anything either.
    const crossed = await api.gql(EVENTS, { first: 5, after: Buffer.from(`${events[3].createdAt}|${events[3].id}`).toString('base64url') }, { token: other.token });
    expect(crossed.data!['securityEvents'].nodes.map((e: EventNode) => e.id)).not.toContain(events[4].id);
    expect(errorCode(await api.gql(EVENTS, { first: 5 }))).toBe('UNAUTHENTICATED');
  });

  it('records a failed login for an existing account, with no password in it, and nothing for an unknown email', async () => {
    const email = `guessed-${Math.random().toString(36).slice(2)}@example.com`;
    const account = ok(await api.gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Guessed' } }), 'signUp');
    const guess = `Guess-${Math.random().toString(36).slice(2)}`;
    await api.gql(LOGIN, { input: { email: email.toUpperCase(), password: guess } }, as('ua-late-guess'));
    await api.gql(LOGIN, { input: { email: `ghost-${Math.random().toString(36).slice(2)}@example.com`, password: guess } });
    const mine = await allEvents(account.token);
    expect(mine.map((e) => e.type)).toEqual(['LOGIN_FAILED', 'ACCOUNT_CREATED']);
    const latest = mine[0];
    expect(latest.type).toBe('LOGIN_FAILED');
    expect(latest.userAgent).toBe('ua-late-guess');
    expect(JSON.stringify(latest)).not.toContain(guess);
    const dump = await dumpDatabase(api, ['security_event']);
    expect(dump).not.toContain(guess);
  });
});
