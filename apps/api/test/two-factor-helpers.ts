import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@twofold/config';
import { graphqlClient, type GraphqlClient } from '@twofold/testing';
import { createApi } from '../src/bootstrap';
import type { TestApi } from './harness';
import { ADD, CONFIRM, LOGIN, PASSWORD, SEND_LOGIN } from './journey';

/** Helpers for the SMS-method, code, emergency-code and 2FA-login integration specs. */

type Headers = Record<string, string>;

export const RESEND = `mutation($methodId: ID!) { resendSmsMethodCode(methodId: $methodId) { id status expiresAt resendAvailableAt maskedPhoneNumber } }`;
export const REMOVE = `mutation($methodId: ID!) { removeSmsMethod(methodId: $methodId) { enabled defaultMethodId smsMethods { id status isDefault } backupCodes { active remaining total generatedAt } } }`;
export const SET_DEFAULT = `mutation($methodId: ID!) { setDefaultTwoFactorMethod(methodId: $methodId) { enabled defaultMethodId smsMethods { id status isDefault } } }`;
export const UPDATE = `mutation($input: UpdateSmsMethodInput!) { updateSmsMethod(input: $input) { id description } }`;
export const REGENERATE = `mutation { regenerateBackupCodes { codes status { active remaining total generatedAt } } }`;
export const DELETE_CODES = `mutation { deleteBackupCodes { enabled backupCodes { active remaining total generatedAt } } }`;
export const DISPATCH = `query($id: ID!, $ticket: String) { smsDispatch(id: $id, ticket: $ticket) { id status maskedPhoneNumber expiresAt resendAvailableAt failureReason } }`;
export const STATUS = `{ me { twoFactor { enabled defaultMethodId smsMethods { id phoneNumber maskedPhoneNumber countryCode description status isDefault createdAt verifiedAt lastUsedAt } backupCodes { active remaining total generatedAt } } } }`;

/** A sign-up that can carry headers (Accept-Language, X-Forwarded-For). */
export async function signUpWith(api: TestApi, headers: Headers = {}) {
  const email = `user-${Math.random().toString(36).slice(2)}@example.com`;
  const res = await api.gql(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token account { id } } }`,
    { input: { email, password: PASSWORD, name: 'Grace Hopper' } },
    { headers },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { token: res.data['signUp'].token as string, accountId: res.data['signUp'].account.id as string, email };
}

/** addSmsMethod; throws unless it succeeded. */
export async function addNumber(api: TestApi, token: string, number: string, headers: Headers = {}) {
  const res = await api.gql(ADD, { input: { phoneNumber: number } }, { token, headers });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { methodId: res.data['addSmsMethod'].method.id as string, dispatch: res.data['addSmsMethod'].dispatch, method: res.data['addSmsMethod'].method };
}

export function confirm(api: TestApi, token: string, methodId: string, code: string, description: string | null = null, headers: Headers = {}) {
  return api.gql(CONFIRM, { input: { methodId, code, description } }, { token, headers });
}

/** Adds and confirms a number with optional headers; returns id and emergency codes. */
export async function enableWith(api: TestApi, token: string, number: string, description: string | null = null, headers: Headers = {}) {
  const { methodId } = await addNumber(api, token, number, headers);
  const res = await confirm(api, token, methodId, await api.lastCode(number), description, headers);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { methodId, backupCodes: res.data['confirmSmsMethod'].backupCodes as string[] | null };
}

/** A 6-digit code that is certainly not `code`. */
export function wrongCode(code: string): string {
  return code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
}

/** Password step only: the TwoFactorChallenge. */
export async function challenge(api: TestApi, email: string, headers: Headers = {}) {
  const res = await api.gql(LOGIN, { input: { email, password: PASSWORD } }, { headers });
  const c = res.data?.['login'];
  if (!c || c.__typename !== 'TwoFactorChallenge') throw new Error(`expected a TwoFactorChallenge: ${JSON.stringify(res)}`);
  return c as { ticket: string; expiresAt: string; defaultMethod: { id: string; kind: string; label: string }; methods: { id: string; kind: string; label: string; maskedPhoneNumber: string | null; description: string | null }[] };
}

/** sendLoginSmsCode then the code that SMS carries. */
export async function sendLoginCode(api: TestApi, ticket: string, methodId: string, number: string, headers: Headers = {}) {
  const res = await api.gql(SEND_LOGIN, { input: { ticket, methodId } }, { headers });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { dispatch: res.data['sendLoginSmsCode'], code: await api.lastCode(number) };
}

/** Every row of a table as JSON text, with ISO timestamps removed (their digits are not codes). */
export async function dumpTable(api: TestApi, table: 'sms_code' | 'sms_message' | 'backup_code'): Promise<string> {
  const { rows } = await api.pg.query(`SELECT to_jsonb(t)::text AS j FROM ${table} t`);
  return rows.map((r: { j: string }) => r.j.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?/g, 'TS')).join('\n');
}

export interface ApiInstance {
  url: string;
  app: NestExpressApplication;
  gql: GraphqlClient;
  close(): Promise<void>;
}

/**
 * Boots one more API process-equivalent (its own Nest app, connection pool and Redis
 * connection) on `api.config` plus overrides, against the same PostgreSQL database and
 * sharing the test's clock: what two replicas behind a load balancer are.
 */
export async function startAnotherInstance(api: TestApi, overrides: Partial<AppConfig> = {}): Promise<ApiInstance> {
  const app = await createApi({ config: { ...api.config, ...overrides }, clock: api.clock, logger: ['error', 'fatal'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    gql: graphqlClient(url),
    close: () => app.close(),
  };
}
