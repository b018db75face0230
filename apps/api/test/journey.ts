import type { TestApi } from './harness';

let counter = 0;
/** A distinct valid GB mobile per call (Ofcom's drama range is accepted in tests). */
export function phone(): string {
  counter = (counter + 1) % 1000;
  return `+447700900${String((process.pid * 7 + counter) % 1000).padStart(3, '0')}`;
}

export const PASSWORD = 'correct horse battery staple';

export async function signUp(api: TestApi, email = `user-${Math.random().toString(36).slice(2)}@example.com`, name = 'Ada Lovelace') {
  const res = await api.gql(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token expiresAt account { id email name initials } } }`,
    { input: { email, password: PASSWORD, name } },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { token: res.data['signUp'].token as string, accountId: res.data['signUp'].account.id as string, email };
}

export const ADD = `mutation($input: AddSmsMethodInput!) { addSmsMethod(input: $input) { method { id status phoneNumber maskedPhoneNumber countryCode isDefault } dispatch { id status expiresAt resendAvailableAt maskedPhoneNumber } } }`;
export const CONFIRM = `mutation($input: ConfirmSmsMethodInput!) { confirmSmsMethod(input: $input) { method { id status description isDefault verifiedAt } twoFactor { enabled defaultMethodId backupCodes { active remaining total } } backupCodes } }`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on Session { token expiresAt } ... on TwoFactorChallenge { ticket expiresAt defaultMethod { id kind label } methods { id kind label maskedPhoneNumber description } } } }`;
export const SEND_LOGIN = `mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id status expiresAt resendAvailableAt } }`;
export const COMPLETE_SMS = `mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token expiresAt account { id } } }`;
export const COMPLETE_BACKUP = `mutation($input: CompleteLoginWithBackupCodeInput!) { completeLoginWithBackupCode(input: $input) { token expiresAt account { id } } }`;
export const REAUTH = `mutation($input: ReauthenticateInput!) { reauthenticate(input: $input) { __typename ... on Session { token } ... on TwoFactorChallenge { ticket defaultMethod { id } methods { id kind } } } }`;
export const ME = `{ me { id email name initials twoFactor { enabled defaultMethodId smsMethods { id status isDefault description lastUsedAt } backupCodes { active remaining total generatedAt } } } }`;

/** Adds and confirms a number; returns its id and the emergency codes when this turned 2FA on. */
export async function enableNumber(api: TestApi, token: string, number = phone(), description: string | null = 'Work phone') {
  const added = await api.gql(ADD, { input: { phoneNumber: number } }, { token });
  if (!added.data) throw new Error(JSON.stringify(added.errors));
  const methodId = added.data['addSmsMethod'].method.id as string;
  const code = await api.lastCode(number);
  const confirmed = await api.gql(CONFIRM, { input: { methodId, code, description } }, { token });
  if (!confirmed.data) throw new Error(JSON.stringify(confirmed.errors));
  return { methodId, number, backupCodes: confirmed.data['confirmSmsMethod'].backupCodes as string[] | null };
}

/** Password step then SMS step with the default method; returns the new session token. */
export async function loginWithSms(api: TestApi, email: string, methodId?: string, number?: string) {
  const login = await api.gql(LOGIN, { input: { email, password: PASSWORD } });
  const challenge = login.data!['login'];
  const method = methodId ?? challenge.defaultMethod.id;
  const sent = await api.gql(SEND_LOGIN, { input: { ticket: challenge.ticket, methodId: method } });
  if (!sent.data) throw new Error(JSON.stringify(sent.errors));
  const target = number ?? (await api.pg.query('SELECT phone_number FROM sms_method WHERE id = $1', [method])).rows[0].phone_number;
  const code = await api.lastCode(target);
  const done = await api.gql(COMPLETE_SMS, { input: { ticket: challenge.ticket, methodId: method, code } });
  if (!done.data) throw new Error(JSON.stringify(done.errors));
  return done.data['completeLoginWithSms'].token as string;
}

// ---- Helpers for the accounts, sessions, sudo-mode, events and GraphQL-surface specs (appended). ----

export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token expiresAt account { id email name initials createdAt } } }`;
export const LOGOUT = `mutation { logout }`;
export const EVENTS = `query($first: Int, $after: String) { securityEvents(first: $first, after: $after) { nodes { id type createdAt ipAddress userAgent detail } pageInfo { endCursor hasNextPage } } }`;
export const REGENERATE = `mutation { regenerateBackupCodes { codes status { active remaining total } } }`;
export const DELETE_BACKUP = `mutation { deleteBackupCodes { enabled backupCodes { active remaining total } } }`;
export const REMOVE = `mutation($id: ID!) { removeSmsMethod(methodId: $id) { enabled defaultMethodId smsMethods { id status isDefault } } }`;
export const SET_DEFAULT = `mutation($id: ID!) { setDefaultTwoFactorMethod(methodId: $id) { enabled defaultMethodId } }`;
export const UPDATE = `mutation($input: UpdateSmsMethodInput!) { updateSmsMethod(input: $input) { id description } }`;

/** Every row of every table of the test database as JSON text, for "this secret is stored nowhere" assertions. */
export async function dumpDatabase(api: TestApi, only?: string[]): Promise<string> {
  const { rows } = await api.pg.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const tables = (rows as { table_name: string }[]).map((r) => r.table_name).filter((t) => !only || only.includes(t));
  const parts: string[] = [];
  for (const t of tables) {
    // row_to_json renders bytea as \x… hex, so a stored token would show up as hex or as text: both are searched by callers.
    const dump = await api.pg.query(`SELECT coalesce(json_agg(row_to_json(x))::text, '[]') AS j FROM "${t}" x`);
    parts.push(`${t}: ${dump.rows[0].j}`);
  }
  return parts.join('\n');
}

/** Fails when any error of the answer carries a stack trace (key or text). */
export function expectNoStacktrace(res: { errors?: unknown }): void {
  const text = JSON.stringify(res.errors ?? []);
  if (/stacktrace|exception|\n\s+at |\.ts:\d+|node_modules/i.test(text)) throw new Error(`stack trace leaked: ${text}`);
}
