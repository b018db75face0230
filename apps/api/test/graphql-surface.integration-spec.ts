import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '../src/passwords/password-hasher.service';
import { errorCode, startApi, type GqlResponse, type TestApi } from './harness';
import { ADD, CONFIRM, enableNumber, EVENTS, expectNoStacktrace, LOGIN, LOGOUT, PASSWORD, phone, REMOVE, SEND_LOGIN, SET_DEFAULT, signUp, UPDATE } from './journey';

// Contract §5 and the transport rules: every error carries a contract code, never a stack
// trace; protected operations need a session; one request carries at most one attempt-bearing
// operation (aliases and batches); malformed input is BAD_USER_INPUT; unknown or foreign ids
// are NOT_FOUND; crashes are masked as INTERNAL_SERVER_ERROR with a correlation id.
describe('GraphQL surface', () => {
  let api: TestApi;
  let hasher: PasswordHasher;
  beforeAll(async () => {
    api = await startApi({ SMS_LIMIT_PER_IP_PER_HOUR: '1000' });
    hasher = api.app.get(PasswordHasher);
  });
  afterAll(() => api.close());
  afterEach(() => jest.restoreAllMocks());

  /** A raw HTTP call, for what api.gql cannot express (batches, bad bodies, other content types). */
  async function raw(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST', path = '/graphql') {
    const res = await fetch(`${api.url}${path}`, { method, headers, body: method === 'GET' ? undefined : body });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, text, json, contentType: res.headers.get('content-type') ?? '' };
  }
  const noStack = (text: string) => expect(text).not.toMatch(/stacktrace|\n\s+at |\bat [\w.<>]+ \(|node_modules|\.js:\d+:\d+|\.ts:\d+:\d+/i);
  const failures = async (email: string) =>
    Number((await api.pg.query(`SELECT count(*)::int AS n FROM login_failure WHERE email_normalized = $1`, [email.toLowerCase()])).rows[0].n);
  const eventCount = async (accountId: string, type: string) =>
    Number((await api.pg.query(`SELECT count(*)::int AS n FROM security_event WHERE account_id = $1 AND type = $2`, [accountId, type])).rows[0].n);

  describe('authentication', () => {
    const id = randomUUID();
    const PROTECTED: [string, string, Record<string, unknown>][] = [
      ['securityEvents', EVENTS, { first: 5 }],
      ['smsDispatch (without a ticket)', `query($id: ID!) { smsDispatch(id: $id) { id } }`, { id }],
      ['logout', LOGOUT, {}],
      ['reauthenticate', `mutation($input: ReauthenticateInput!) { reauthenticate(input: $input) { __typename } }`, { input: { password: PASSWORD } }],
      ['addSmsMethod', ADD, { input: { phoneNumber: '+447700900123' } }],
      ['resendSmsMethodCode', `mutation($id: ID!) { resendSmsMethodCode(methodId: $id) { id } }`, { id }],
      ['callSmsMethodCode', `mutation($id: ID!) { callSmsMethodCode(methodId: $id) { id } }`, { id }],
      ['confirmSmsMethod', CONFIRM, { input: { methodId: id, code: '123456' } }],
      ['updateSmsMethod', UPDATE, { input: { methodId: id, description: 'x' } }],
      ['removeSmsMethod', REMOVE, { id }],
      ['setDefaultTwoFactorMethod', SET_DEFAULT, { id }],
      ['regenerateBackupCodes', `mutation { regenerateBackupCodes { codes } }`, {}],
      ['deleteBackupCodes', `mutation { deleteBackupCodes { enabled } }`, {}],
      ['updateAccount', `mutation { updateAccount(input: { locale: "fr" }) { locale } }`, {}],
      ['sessions', `{ sessions { id current } }`, {}],
      ['revokeSession', `mutation($id: ID!) { revokeSession(id: $id) { id } }`, { id }],
      ['revokeOtherSessions', `mutation { revokeOtherSessions { id } }`, {}],
      ['startTotpEnrollment', `mutation { startTotpEnrollment { enrollmentId } }`, {}],
      ['updateTwoFactorMethod', `mutation($id: ID!) { updateTwoFactorMethod(input: { methodId: $id, description: "x" }) { enabled } }`, { id }],
      ['removeTwoFactorMethod', `mutation($id: ID!) { removeTwoFactorMethod(methodId: $id) { enabled } }`, { id }],
      ['disableTwoFactor', `mutation { disableTwoFactor { enabled } }`, {}],
      ['confirmTotpMethod', `mutation($id: ID!) { confirmTotpMethod(input: { enrollmentId: $id, code: "123456" }) { methodId } }`, { id }],
      ['startSecurityKeyRegistration', `mutation { startSecurityKeyRegistration { registrationId } }`, {}],
      ['finishSecurityKeyRegistration', `mutation($id: ID!) { finishSecurityKeyRegistration(input: { registrationId: $id, credential: "{}" }) { methodId } }`, { id }],
      ['trustedDevices', `{ trustedDevices { id } }`, {}],
      ['forgetTrustedDevice', `mutation($id: ID!) { forgetTrustedDevice(id: $id) { id } }`, { id }],
      ['forgetAllTrustedDevices', `mutation { forgetAllTrustedDevices { id } }`, {}],
      ['resendVerificationEmail', `mutation { resendVerificationEmail }`, {}],
      ['changePassword', `mutation { changePassword(input: { currentPassword: "x", newPassword: "a long new passphrase" }) }`, {}],
    ];
    const PUBLIC = ['me', 'signUp', 'login', 'sendLoginSmsCode', 'completeLoginWithSms', 'completeLoginWithTotp', 'completeLoginWithBackupCode', 'smsDispatch', 'startSecurityKeyLogin', 'completeLoginWithSecurityKey', 'verifyEmail', 'reportUnrecognizedActivity', 'startAccountRecovery', 'confirmAccountRecovery', 'completeAccountRecovery', 'accountRecovery', 'requestPasswordReset', 'resetPassword', 'callLoginCode', 'codeDeliveryOptions'];

    it('classifies every root field of the served schema as public or protected (a new field must be added here)', async () => {
      const res = await api.gql(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`);
      const served = [...res.data!['__schema'].queryType.fields, ...res.data!['__schema'].mutationType.fields].map((f: { name: string }) => f.name).sort();
      const known = new Set([...PUBLIC, ...PROTECTED.map(([name]) => name.split(' ')[0])]);
      expect(served.filter((name: string) => !known.has(name))).toEqual([]);
    });

    let revoked: string;
    beforeAll(async () => {
      revoked = (await signUp(api)).token;
      await api.gql(LOGOUT, {}, { token: revoked });
    });

    it.each(PROTECTED)('%s answers UNAUTHENTICATED without a token, with a garbage token and with a revoked one', async (_name, query, variables) => {
      const tokens: (string | undefined)[] = [undefined, 'x'.repeat(43), revoked];
      for (const token of tokens) {
        const res = await api.gql(query, variables, { token });
        expect(errorCode(res)).toBe('UNAUTHENTICATED');
        expect(res.errors).toHaveLength(1);
        // A nullable root field (smsDispatch) answers { field: null } beside the error.
        expect(Object.values(res.data ?? {}).every((v) => v === null)).toBe(true);
        expectNoStacktrace(res);
      }
    });

    it('refuses a malformed Authorization header like a missing one', async () => {
      for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b c', `Token ${'x'.repeat(43)}`]) {
        const res = await api.gql(EVENTS, { first: 5 }, { headers: { authorization } });
        expect(errorCode(res)).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('at most one attempt-bearing operation per request', () => {
    it('refuses two aliased logins with BAD_USER_INPUT and counts nothing', async () => {
      const { email, accountId } = await signUp(api);
      const verify = jest.spyOn(hasher, 'verifyPassword');
      const res = await api.gql(
        `mutation($a: LoginInput!, $b: LoginInput!) { a: login(input: $a) { __typename } b: login(input: $b) { __typename } }`,
        { a: { email, password: 'wrong guess one' }, b: { email, password: 'wrong guess two' } },
      );
      expect(res.data).toBeNull();
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors).toHaveLength(1);
      expect(verify).not.toHaveBeenCalled();
      expect(await failures(email)).toBe(0);
      expect(await eventCount(accountId, 'LOGIN_FAILED')).toBe(0);
    });

    it('refuses login + completeLoginWithSms in one request, also hidden in fragments', async () => {
      const { email, accountId } = await signUp(api);
      const verify = jest.spyOn(hasher, 'verifyPassword');
      const viaFragments = await api.gql(
        `mutation($l: LoginInput!, $c: CompleteLoginWithSmsInput!) { ...A ... on Mutation { completeLoginWithSms(input: $c) { token } } }
         fragment A on Mutation { login(input: $l) { __typename } }`,
        { l: { email, password: 'wrong guess' }, c: { ticket: 'x'.repeat(43), methodId: randomUUID(), code: '123456' } },
      );
      expect(errorCode(viaFragments)).toBe('BAD_USER_INPUT');
      expect(viaFragments.data).toBeNull();
      expect(verify).not.toHaveBeenCalled();
      expect(await failures(email)).toBe(0);
      expect(await eventCount(accountId, 'LOGIN_FAILED')).toBe(0);
    });

    it('still runs a single login next to harmless fields', async () => {
      const { email } = await signUp(api);
      const res = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { __typename } }`, { i: { email, password: PASSWORD } });
      expect(res.data!['login'].__typename).toBe('Session');
    });

    it('refuses a JSON array batch and counts nothing', async () => {
      const { email, accountId } = await signUp(api);
      const verify = jest.spyOn(hasher, 'verifyPassword');
      const one = { query: LOGIN, variables: { input: { email, password: 'wrong guess' } } };
      const res = await raw(JSON.stringify([one, one, one]));
      expect(res.status).toBe(400);
      noStack(res.text);
      expect(res.json?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(verify).not.toHaveBeenCalled();
      expect(await failures(email)).toBe(0);
      expect(await eventCount(accountId, 'LOGIN_FAILED')).toBe(0);
    });
  });

  describe('malformed requests are BAD_USER_INPUT, never 500, never a stack trace', () => {
    it.each([
      ['a syntax error', '{ me { id ', {}, undefined],
      ['an unknown field', '{ me { id password } }', {}, undefined],
      ['an unknown argument', '{ securityEvents(last: 5) { nodes { id } } }', {}, undefined],
      ['a string for an Int variable', 'query($first: Int) { securityEvents(first: $first) { nodes { id } } }', { first: 'ten' }, undefined],
      ['a float for an Int variable', 'query($first: Int) { securityEvents(first: $first) { nodes { id } } }', { first: 1.5 }, undefined],
      ['null for a non-null input', 'mutation($input: LoginInput!) { login(input: $input) { __typename } }', { input: null }, undefined],
      ['null for a non-null input field', 'mutation($input: LoginInput!) { login(input: $input) { __typename } }', { input: { email: null, password: 'x' } }, undefined],
      ['a missing input field', 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }', { input: { email: 'a@example.com', password: PASSWORD } }, undefined],
      ['an unknown input field', 'mutation($input: LoginInput!) { login(input: $input) { __typename } }', { input: { email: 'a@example.com', password: 'x', admin: true } }, undefined],
      ['an object for a String', 'mutation($input: LoginInput!) { login(input: $input) { __typename } }', { input: { email: { $ne: '' }, password: 'x' } }, undefined],
      ['a missing variable', 'query($first: Int!) { securityEvents(first: $first) { nodes { id } } }', {}, undefined],
      ['an unknown operation name', '{ me { id } }', {}, 'Nope'],
      ['two operations and no operation name', 'query A { me { id } } query B { me { name } }', {}, undefined],
      ['a subscription', 'subscription { me { id } }', {}, undefined],
    ])('%s', async (_label: string, query: string, variables: Record<string, unknown>, operationName: string | undefined) => {
      const res = await raw(JSON.stringify({ query, variables, operationName }));
      expect(res.status).toBeLessThan(500);
      expect(res.json?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.json.errors[0].extensions.fields).toEqual(expect.any(Object));
      noStack(res.text);
    });

    it.each([
      ['a body that is not JSON', '{"query": "{ me { id } }"', { 'content-type': 'application/json' }],
      ['a JSON body that is a string', '"{ me { id } }"', { 'content-type': 'application/json' }],
      ['a body without query', '{"variables": {}}', { 'content-type': 'application/json' }],
      ['a query that is not a string', '{"query": 42}', { 'content-type': 'application/json' }],
      ['variables that are not an object', '{"query": "{ me { id } }", "variables": [1]}', { 'content-type': 'application/json' }],
      ['a body over the size limit', JSON.stringify({ query: `{ me { id } } #${'x'.repeat(70_000)}` }), { 'content-type': 'application/json' }],
    ])('%s answers a 4xx JSON error with a contract code and no stack trace', async (_label, body, headers) => {
      const res = await raw(body, headers);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      noStack(res.text);
      expect(res.contentType).toMatch(/application\/(graphql-response\+)?json/);
      expect(res.json?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('ids', () => {
    it('answers NOT_FOUND for unknown, malformed and other accounts’ ids', async () => {
      const owner = await signUp(api);
      const { methodId } = await enableNumber(api, owner.token);
      const pending = await api.gql(ADD, { input: { phoneNumber: phone() } }, { token: owner.token });
      const pendingId = pending.data!['addSmsMethod'].method.id;
      const dispatchId = pending.data!['addSmsMethod'].dispatch.id;
      const intruder = await signUp(api);
      await enableNumber(api, intruder.token);

      const cases: [string, string, (id: string) => Record<string, unknown>][] = [
        ['updateSmsMethod', UPDATE, (id) => ({ input: { methodId: id, description: 'mine now' } })],
        ['removeSmsMethod', REMOVE, (id) => ({ id })],
        ['setDefaultTwoFactorMethod', SET_DEFAULT, (id) => ({ id })],
        ['resendSmsMethodCode', `mutation($id: ID!) { resendSmsMethodCode(methodId: $id) { id } }`, (id) => ({ id })],
        ['confirmSmsMethod', CONFIRM, (id) => ({ input: { methodId: id, code: '123456' } })],
        ['smsDispatch', `query($id: ID!) { smsDispatch(id: $id) { id } }`, (id) => ({ id })],
      ];
      const foreign = (name: string) => (name === 'smsDispatch' ? dispatchId : name === 'resendSmsMethodCode' || name === 'confirmSmsMethod' ? pendingId : methodId);
      for (const [name, query, vars] of cases) {
        for (const id of [randomUUID(), 'not-a-uuid', "1' OR '1'='1", '', foreign(name)]) {
          const res = await api.gql(query, vars(id), { token: intruder.token });
          expect({ name, id, code: errorCode(res) }).toEqual({ name, id, code: 'NOT_FOUND' });
          expectNoStacktrace(res);
        }
      }
      // Nothing of the owner's changed.
      const { rows } = await api.pg.query(`SELECT description, status, is_default FROM sms_method WHERE id = $1`, [methodId]);
      expect(rows[0]).toEqual({ description: 'Work phone', status: 'ENABLED', is_default: true });
      const pendingRow = await api.pg.query(`SELECT status FROM sms_method WHERE id = $1`, [pendingId]);
      expect(pendingRow.rows).toEqual([{ status: 'PENDING_VERIFICATION' }]);
    });

    it('answers NOT_FOUND to a login SMS for a method of another account', async () => {
      const victim = await signUp(api);
      const victimMethod = await enableNumber(api, victim.token);
      const attacker = await signUp(api);
      await enableNumber(api, attacker.token);
      const challenge = await api.gql(LOGIN, { input: { email: attacker.email, password: PASSWORD } });
      const res = await api.gql(SEND_LOGIN, { input: { ticket: challenge.data!['login'].ticket, methodId: victimMethod.methodId } });
      expect(errorCode(res)).toBe('NOT_FOUND');
    });
  });

  describe('transport', () => {
    it('GET /health answers 200 with PostgreSQL and Redis up', async () => {
      const res = await raw('', {}, 'GET', '/health');
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
    });

    it.each(['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
      "refuses a %s POST without a preflight header (Apollo's CSRF prevention) and runs nothing",
      async (contentType) => {
        const { email } = await signUp(api);
        const res = await raw(JSON.stringify({ query: LOGIN, variables: { input: { email, password: 'csrf wrong guess' } } }), { 'content-type': contentType });
        expect(res.status).toBe(400);
        noStack(res.text);
        expect(res.text).toMatch(/csrf|preflight|content-type/i);
        expect(await failures(email)).toBe(0);
      },
    );

    it('refuses a simple GET query without a preflight header, and a mutation over GET', async () => {
      const q = encodeURIComponent('{ me { id } }');
      const simple = await raw('', {}, 'GET', `/graphql?query=${q}`);
      expect(simple.status).toBe(400);
      noStack(simple.text);
      const m = encodeURIComponent('mutation { logout }');
      const mutation = await raw('', { 'apollo-require-preflight': 'true' }, 'GET', `/graphql?query=${m}`);
      expect(mutation.status).toBeGreaterThanOrEqual(400);
      expect(mutation.status).toBeLessThan(500);
      noStack(mutation.text);
    });

    it('an unknown route answers 404 without a stack trace', async () => {
      const res = await raw('', {}, 'GET', '/nope');
      expect(res.status).toBe(404);
      noStack(res.text);
    });
  });

  describe('crashes', () => {
    it('masks an internal error as INTERNAL_SERVER_ERROR with a correlationId that only the log explains', async () => {
      const { token } = await signUp(api);
      const logged: string[] = [];
      const capture = (chunk: unknown) => (logged.push(String(chunk)), true);
      const spies = [
        jest.spyOn(process.stdout, 'write').mockImplementation(capture),
        jest.spyOn(process.stderr, 'write').mockImplementation(capture),
        jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' '))),
        jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' '))),
      ];
      await api.pg.query(`ALTER TABLE security_event RENAME TO security_event_gone`);
      let res: GqlResponse;
      try {
        res = await api.gql(EVENTS, { first: 5 }, { token, headers: { 'X-Request-Id': 'lb-crash-0123456789' } });
      } finally {
        await api.pg.query(`ALTER TABLE security_event_gone RENAME TO security_event`);
        for (const spy of spies) spy.mockRestore();
      }
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      const [error] = res.errors!;
      // The reference is the request id (here the load balancer's X-Request-Id).
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', correlationId: 'lb-crash-0123456789' });
      expect(error.message).not.toMatch(/security_event|relation|SELECT|QueryFailed/i);
      expect(error.message).toContain(error.extensions['correlationId']);
      expectNoStacktrace(res);
      // The details are in the log, under the same correlation id.
      const log = logged.join('\n');
      expect(log).toContain('internal error lb-crash-0123456789');
      expect(log).toMatch(/security_event/);
      // The API works again once the table is back.
      expect(errorCode(await api.gql(EVENTS, { first: 5 }, { token }))).toBeUndefined();
    });
  });
});
