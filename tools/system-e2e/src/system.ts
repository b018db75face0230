import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { graphqlClient, WORKSPACE_ROOT, type GraphqlClient } from '@twofold/testing';

export { errorCode, freePort, sleep, spawnNode, waitUntil, type GqlResponse, type NodeProcess } from '@twofold/testing';

/** The built bundles (`nx run system-e2e:e2e` builds them first). */
export const WORKSPACE = WORKSPACE_ROOT;
export const API_MAIN = join(WORKSPACE, 'dist/apps/api/apps/api/src/main.js');
export const WORKER_MAIN = join(WORKSPACE, 'dist/apps/sms-worker/apps/sms-worker/src/main.js');

export const APP_SECRET = 'system-e2e-secret-that-is-long-enough-0123456789';
export const TWILIO = { sid: 'ACsystem0000000000000000000000e2e', token: 'system-e2e-twilio-auth-token', from: '+15005550006' };

export function assertBuilt(): void {
  for (const file of [API_MAIN, WORKER_MAIN]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx nx run-many -t build -p api,sms-worker,fake-sms-gateway\``);
  }
}

/** One API process over real HTTP. `ip` is sent as X-Forwarded-For (the APIs run with TRUST_PROXY=1, as behind one load balancer). */
export class ApiClient {
  readonly gql: GraphqlClient;

  constructor(
    readonly name: string,
    readonly url: string,
  ) {
    this.gql = graphqlClient(url, { userAgent: 'twofold-system-e2e' });
  }
}

// GraphQL documents, as in apps/api/test/journey.ts (copied: test folders of other projects are not imported).
export const PASSWORD = 'correct horse battery staple';
export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token account { id } } }`;
export const ADD = `mutation($input: AddSmsMethodInput!) { addSmsMethod(input: $input) { method { id status } dispatch { id status resendAvailableAt } } }`;
export const CONFIRM = `mutation($input: ConfirmSmsMethodInput!) { confirmSmsMethod(input: $input) { method { id status } twoFactor { enabled } backupCodes } }`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on Session { token } ... on TwoFactorChallenge { ticket defaultMethod { id } } } }`;
export const SEND_LOGIN = `mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id status resendAvailableAt } }`;
export const COMPLETE_SMS = `mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token account { id } } }`;
