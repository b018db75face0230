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
