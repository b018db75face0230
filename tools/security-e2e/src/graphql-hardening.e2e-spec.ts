import { ADD, APP_SECRET, baseEnv, COMPLETE_SMS, CONFIRM, DEV_APP_SECRET, errorCode, freePort, LOGIN, PASSWORD, spawnNode, API_MAIN, startSystem, type GqlResponse, type System } from './harness';

/**
 * The GraphQL surface as an attacker sees it in production (NODE_ENV=production, a real APP_SECRET):
 * no introspection; aliases, depth, cost and tokens bounded (GraphQL Armor); attempt-bearing mutations
 * not multiplied by aliases or batches; Apollo's CSRF prevention; bounded bodies; hostile inputs
 * answered with BAD_USER_INPUT or their specific code, never a 500 and never an SMS.
 */
let sys: System;
beforeAll(async () => {
  sys = await startSystem({ label: 'secgql', env: { NODE_ENV: 'production', SMS_ALLOW_FICTIONAL_NUMBERS: 'true' } });
});
afterAll(async () => {
  await sys?.stop();
});

function expectRefused(res: GqlResponse, code = 'BAD_USER_INPUT'): void {
  expect(res.status).not.toBe(500);
  expect(errorCode(res)).toBe(code);
  expect(res.data ?? null).toBeNull();
  expectNoStacktrace(res.text);
}

function expectNoStacktrace(text: string): void {
  expect(text).not.toMatch(/stacktrace|\n\s+at |\.ts:\d+|\.js:\d+|node_modules/i);
}

describe('request shape limits (GraphQL Armor) in production', () => {
  it('introspection is off', async () => {
    const res = await sys.gql(`{ __schema { queryType { name } types { name } } }`);
    expectRefused(res);
    expect(res.text).toMatch(/introspection/i);
    const typeQuery = await sys.gql(`{ __type(name: "Account") { fields { name } } }`);
    expectRefused(typeQuery);
  });

  it('field suggestions are hidden', async () => {
    const res = await sys.gql(`{ mee { id } }`);
    expectRefused(res);
    expect(res.text).not.toMatch(/did you mean/i);
  });

  it('more than 15 aliases are refused', async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const res = await sys.gql(query);
    expectRefused(res);
    expect(res.text).toMatch(/alias/i);
  });

  it('a query deeper than 10 levels is refused', async () => {
    let selection = 'id';
    for (let i = 0; i < 11; i++) selection = `twoFactor { smsMethods { ${selection} } }`;
    const res = await sys.gql(`{ me { ${selection} } }`);
    expectRefused(res);
    expect(res.text).toMatch(/depth/i);
  });

  it('a query over the cost limit is refused', async () => {
    const fragment = `fragment F on Account { twoFactor { enabled defaultMethodId smsMethods { id phoneNumber maskedPhoneNumber countryCode status description isDefault createdAt verifiedAt lastUsedAt } backupCodes { active remaining total generatedAt } } }`;
    const spreads = Array.from({ length: 300 }, () => '...F').join(' ');
    const res = await sys.gql(`{ me { ${spreads} } } ${fragment}`);
    expectRefused(res);
    expect(res.text).toMatch(/cost/i);
  });

  it('a query over 2,000 tokens is refused', async () => {
    const res = await sys.gql(`{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`);
    expect(res.status).toBe(400);
    expectRefused(res);
    expect(res.text).toMatch(/token/i);
  });

  it('a 1 MB body is refused with 413 (or BAD_USER_INPUT), never 500, no stack trace', async () => {
    const accounts = await sys.count(`SELECT count(*) FROM account`);
    const big = JSON.stringify({ query: `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, variables: { input: { email: 'big@example.com', password: PASSWORD, name: 'x'.repeat(1024 * 1024) } } });
    const res = await sys.post(big);
    expect(res.status === 413 || errorCode(res) === 'BAD_USER_INPUT').toBe(true);
    expect(res.status).not.toBe(500);
    expectNoStacktrace(res.text);
    expect(await sys.count(`SELECT count(*) FROM account`)).toBe(accounts);
  });
});

describe('attempt-bearing mutations cannot be multiplied', () => {
  let ticket: string;
  let methodId: string;
  let accountId: string;
  let code: string;
  beforeAll(async () => {
    const acc = await sys.twoFactorAccount();
    ({ methodId, accountId } = acc);
    ticket = await sys.loginTicket(acc.email);
    code = await sys.loginCode(ticket, methodId, acc.number);
  });

  const ticketFailures = () => sys.count(`SELECT failed_attempts FROM login_ticket WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [accountId]);

  it('1,000 aliased completeLoginWithSms in one request: refused, nothing counted, no token', async () => {
    const sessions = await sys.sessionsOf(accountId);
    // Compact (one input variable, ~42 kB: under the body limit, so the parser's token limit answers) …
    const compact = Array.from({ length: 1000 }, (_, i) => `a${i}:completeLoginWithSms(input:$i){token}`);
    const res = await sys.gql(`mutation($i:CompleteLoginWithSmsInput!){${compact.join(' ')}}`, { i: { ticket, methodId, code } });
    expect(res.status).toBe(400);
    expectRefused(res);
    expect(res.text).not.toMatch(/"token"\s*:\s*"/);
    // … and 1,000 distinct guesses (~75 kB: the body limit answers first, 413).
    const guesses = Array.from({ length: 1000 }, (_, i) => `a${i}:completeLoginWithSms(input:{ticket:$t,methodId:$m,code:"${String(i).padStart(6, '0')}"}){token}`);
    const big = await sys.gql(`mutation($t:String!,$m:ID!){${guesses.join(' ')}}`, { t: ticket, m: methodId });
    expect([400, 413]).toContain(big.status);
    expectRefused(big);
    expect(await ticketFailures()).toBe(0);
    expect(await sys.sessionsOf(accountId)).toBe(sessions);
  });

  it('two aliased attempts (under the alias limit) are refused by the attempt limit, nothing counted', async () => {
    const res = await sys.gql(
      `mutation($t:String!,$m:ID!){ a: completeLoginWithSms(input:{ticket:$t,methodId:$m,code:"000000"}){token} b: completeLoginWithSms(input:{ticket:$t,methodId:$m,code:"000001"}){token} }`,
      { t: ticket, m: methodId },
    );
    expectRefused(res);
    const viaFragment = await sys.gql(
      `mutation($t:String!,$m:ID!){ ...G ... on Mutation { b: login(input:{email:"x@example.com",password:"whatever-password"}) { __typename } } } fragment G on Mutation { a: completeLoginWithSms(input:{ticket:$t,methodId:$m,code:"000000"}){token} }`,
      { t: ticket, m: methodId },
    );
    expectRefused(viaFragment);
    expect(await ticketFailures()).toBe(0);
  });

  it('a JSON array batch is refused, nothing counted, no token', async () => {
    const sessions = await sys.sessionsOf(accountId);
    const batch = Array.from({ length: 20 }, (_, i) => ({ query: COMPLETE_SMS, variables: { input: { ticket, methodId, code: i === 7 ? code : String(i).padStart(6, '0') } } }));
    const res = await sys.post(JSON.stringify(batch));
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/"token"\s*:\s*"/);
    expectNoStacktrace(res.text);
    expect(await ticketFailures()).toBe(0);
    expect(await sys.sessionsOf(accountId)).toBe(sessions);
    // The ticket and code still work afterwards: nothing above was executed.
    const ok = await sys.gql(COMPLETE_SMS, { input: { ticket, methodId, code } });
    expect(ok.errors).toBeUndefined();
    sys.remember(ok.data!['completeLoginWithSms'].token);
  });
});

describe('CSRF prevention (Apollo): simple requests without a preflight header execute nothing', () => {
  const signUpBody = (email: string) => JSON.stringify({ query: `mutation { signUp(input: { email: "${email}", password: "${PASSWORD}", name: "Mallory" }) { token } }` });

  it('text/plain POST', async () => {
    const res = await sys.post(signUpBody('csrf-text@example.com'), { contentType: 'text/plain' });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/CSRF|preflight/i);
    expect(await sys.count(`SELECT count(*) FROM account WHERE email_normalized = 'csrf-text@example.com'`)).toBe(0);
  });

  it('form POST (application/x-www-form-urlencoded) and multipart', async () => {
    const query = `mutation { signUp(input: { email: "csrf-form@example.com", password: "${PASSWORD}", name: "Mallory" }) { token } }`;
    const form = await sys.post(new URLSearchParams({ query }).toString(), { contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    expect(form.text).toMatch(/CSRF|preflight/i);
    const multipart = await sys.post(`--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query })}\r\n--b--\r\n`, { contentType: 'multipart/form-data; boundary=b' });
    expect(multipart.status).toBe(400);
    expect(await sys.count(`SELECT count(*) FROM account WHERE email_normalized = 'csrf-form@example.com'`)).toBe(0);
  });

  it('a GET mutation is not executed', async () => {
    const query = `mutation { signUp(input: { email: "csrf-get@example.com", password: "${PASSWORD}", name: "Mallory" }) { token } }`;
    const res = await fetch(`${sys.url}/graphql?query=${encodeURIComponent(query)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await sys.count(`SELECT count(*) FROM account WHERE email_normalized = 'csrf-get@example.com'`)).toBe(0);
  });

  it('CORS only answers WEB_ORIGIN', async () => {
    const evil = await fetch(`${sys.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(evil.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).not.toBe('*');
  });
});

describe('hostile inputs: BAD_USER_INPUT or the specific code, never 500, never an SMS', () => {
  let token: string;
  let pendingId: string;
  let ticket: string;
  let enabledId: string;
  let accountId: string;
  beforeAll(async () => {
    const acc = await sys.twoFactorAccount();
    ({ token, accountId } = acc);
    enabledId = acc.methodId;
    ({ methodId: pendingId } = await sys.addNumber(token));
    ticket = await sys.loginTicket(acc.email);
  });

  async function expectNothingSent<T>(fn: () => Promise<T>): Promise<T> {
    const rows = await sys.smsRows();
    const inbox = sys.gateway.messages.length;
    const out = await fn();
    expect(await sys.smsRows()).toBe(rows);
    expect(sys.gateway.messages.length).toBe(inbox);
    return out;
  }

  it.each([
    ['national format', '07700900123', 'PHONE_NUMBER_INVALID'],
    ['letters', '+44 7700 9OO123', 'PHONE_NUMBER_INVALID'],
    ['letters only', 'call me maybe', 'PHONE_NUMBER_INVALID'],
    ['fullwidth Unicode digits', '+４４７７００９００１２３', 'PHONE_NUMBER_INVALID'],
    ['Arabic-Indic digits', '+٤٤٧٧٠٠٩٠٠١٢٣', 'PHONE_NUMBER_INVALID'],
    ['20 digits', '+44770090012345678901', 'PHONE_NUMBER_INVALID'],
    ['empty', '', 'PHONE_NUMBER_INVALID'],
    ['premium rate', '+449098790999', 'PHONE_NUMBER_INVALID'],
    ['toll free', '+448001234567', 'PHONE_NUMBER_INVALID'],
    ['control characters', '+447700900\u0000123', 'PHONE_NUMBER_INVALID'],
  ])('addSmsMethod with %s → %s', async (_label, phoneNumber, code) => {
    const res = await expectNothingSent(() => sys.gql(ADD, { input: { phoneNumber } }, { token }));
    expectRefused(res, code);
  });

  it.each([
    ['null', null],
    ['a number', 447700900123],
    ['an object', { number: '+447700900123' }],
    ['a list', ['+447700900123']],
  ])('addSmsMethod with phoneNumber as %s → BAD_USER_INPUT', async (_label, phoneNumber) => {
    const res = await expectNothingSent(() => sys.gql(ADD, { input: { phoneNumber } }, { token }));
    expectRefused(res);
  });

  it.each([
    ['empty', ''],
    ['7 digits', '1234567'],
    ['5 digits', '12345'],
    ['letters', 'abcdef'],
    ['fullwidth digits', '１２３４５６'],
    ['Arabic-Indic digits', '١٢٣٤٥٦'],
    ['control characters', '123\u000045'],
    ['null', null],
    ['a number', 123456],
  ])('codes: %s → BAD_USER_INPUT, no try spent', async (_label, code) => {
    await expectNothingSent(async () => {
      expectRefused(await sys.gql(CONFIRM, { input: { methodId: pendingId, code } }, { token }));
      expectRefused(await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: enabledId, code } }));
      expectRefused(await sys.gql(`mutation($input: CompleteLoginWithBackupCodeInput!) { completeLoginWithBackupCode(input: $input) { token } }`, { input: { ticket, code } }));
    });
    expect(await sys.count(`SELECT failed_attempts FROM sms_method WHERE id = $1`, [pendingId])).toBe(0);
    expect(await sys.count(`SELECT failed_attempts FROM login_ticket WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [accountId])).toBe(0);
  });

  it.each([
    ['NUL', 'Work\u0000phone'],
    ['escape sequence', '\u001b[31mred'],
    ['newline', 'line\none'],
    ['DEL', 'x\u007f'],
    ['101 characters', 'x'.repeat(101)],
  ])('descriptions with %s → BAD_USER_INPUT', async (_label, description) => {
    await expectNothingSent(async () => {
      expectRefused(await sys.gql(CONFIRM, { input: { methodId: pendingId, code: '000000', description } }, { token }));
      expectRefused(await sys.gql(`mutation($input: UpdateSmsMethodInput!) { updateSmsMethod(input: $input) { id } }`, { input: { methodId: enabledId, description } }, { token }));
    });
    expect(await sys.count(`SELECT failed_attempts FROM sms_method WHERE id = $1`, [pendingId])).toBe(0);
    expect(await sys.count(`SELECT count(*) FROM sms_method WHERE description ~ '[[:cntrl:]]' OR length(description) > 100`)).toBe(0);
  });

  it.each([
    ['not a UUID', 'not-a-uuid'],
    ['SQL', "' OR 1=1 --"],
    ['an unknown UUID', '00000000-0000-4000-8000-000000000000'],
  ])('method ids: %s → NOT_FOUND', async (_label, id) => {
    await expectNothingSent(async () => {
      expectRefused(await sys.gql(`mutation($id: ID!) { resendSmsMethodCode(methodId: $id) { id } }`, { id }, { token }), 'NOT_FOUND');
      expectRefused(await sys.gql(`mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id } }`, { input: { ticket, methodId: id } }), 'NOT_FOUND');
    });
  });

  it('login and sign-up with hostile values answer BAD_USER_INPUT', async () => {
    expectRefused(await sys.gql(LOGIN, { input: { email: 'x'.repeat(5000) + '@example.com', password: PASSWORD } }));
    expectRefused(await sys.gql(LOGIN, { input: { email: 'a@example.com', password: 12345678901 } }));
    expectRefused(await sys.gql(LOGIN, { input: { email: null, password: PASSWORD } }));
    expectRefused(await sys.gql(LOGIN, { input: { email: 'a@example.com', password: '' } }));
    const signUp = `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`;
    expectRefused(await sys.gql(signUp, { input: { email: 'ctl@example.com', password: PASSWORD, name: 'Bad\u0000Name' } }));
    expectRefused(await sys.gql(signUp, { input: { email: 'not an email', password: PASSWORD, name: 'Eve' } }));
    expectRefused(await sys.gql(signUp, { input: { email: 'short@example.com', password: 'short', name: 'Eve' } }));
    expect(await sys.count(`SELECT count(*) FROM account WHERE email_normalized IN ('ctl@example.com', 'short@example.com')`)).toBe(0);
  });

  it('malformed JSON and wrong content answer 400, never 500', async () => {
    for (const body of ['{', '{"query": 42}', '"just a string"', '{"query": "{ me { id } }", "variables": "nope"}']) {
      const res = await sys.post(body);
      expect(res.status).toBe(400);
      expectNoStacktrace(res.text);
    }
  });
});

describe('start-up configuration', () => {
  async function startProduction(extra: Record<string, string>) {
    const port = await freePort();
    const env = { ...baseEnv(sys.db, sys.prefix, sys.gateway.url, port), NODE_ENV: 'production', ...extra };
    if (extra['APP_SECRET'] === undefined) delete (env as Record<string, string>)['APP_SECRET'];
    const proc = spawnNode('api-prod', API_MAIN, env);
    const timer = setTimeout(() => proc.proc.kill('SIGKILL'), 20000);
    const exit = await proc.exited;
    clearTimeout(timer);
    return { exit, lines: proc.lines.filter((l) => l.trim() !== '') };
  }

  it('refuses to start with NODE_ENV=production and the development APP_SECRET (one clear line)', async () => {
    const { exit, lines } = await startProduction({ APP_SECRET: DEV_APP_SECRET });
    expect(exit).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/APP_SECRET/);
    expect(lines[0]).not.toContain(DEV_APP_SECRET);
  });

  it('refuses to start with NODE_ENV=production and no APP_SECRET (the default is the development one)', async () => {
    const { exit, lines } = await startProduction({});
    expect(exit).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/APP_SECRET/);
  });

  it('refuses a short APP_SECRET', async () => {
    const { exit, lines } = await startProduction({ APP_SECRET: 'too-short' });
    expect(exit).not.toBe(0);
    expect(lines.join('\n')).toMatch(/APP_SECRET/);
    expect(lines.join('\n')).not.toContain('too-short');
    expect(APP_SECRET.length).toBeGreaterThanOrEqual(32);
  });
});
