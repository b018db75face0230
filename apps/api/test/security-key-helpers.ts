import { SoftwareAuthenticator, type Overrides, type SoftwareAuthenticatorOptions } from '@twofold/testing';
import type { TestApi } from './harness';
import { signUp } from './journey';
import { challenge } from './two-factor-helpers';

/** Helpers for the security-key (WebAuthn) integration spec: the four operations and a software authenticator. */

export const START_REG = `mutation { startSecurityKeyRegistration { registrationId options expiresAt } }`;
export const FINISH_REG = `mutation($input: FinishSecurityKeyRegistrationInput!) { finishSecurityKeyRegistration(input: $input) { methodId backupCodes twoFactor { enabled defaultMethodId securityKeys { id description isDefault isPasskey authenticatorName createdAt lastUsedAt } } } }`;
export const START_LOGIN = `mutation($input: StartSecurityKeyLoginInput!) { startSecurityKeyLogin(input: $input) { options expiresAt } }`;
export const COMPLETE_KEY = `mutation($input: CompleteLoginWithSecurityKeyInput!) { completeLoginWithSecurityKey(input: $input) { token expiresAt trustedDeviceToken account { id } } }`;
export const KEYS = `{ me { twoFactor { enabled defaultMethodId smsMethods { id isDefault } totpMethods { id } securityKeys { id description isDefault isPasskey authenticatorName lastUsedAt } backupCodes { active remaining } limits { securityKeysPerAccount } } } }`;
export const UPDATE_METHOD = `mutation($input: UpdateTwoFactorMethodInput!) { updateTwoFactorMethod(input: $input) { defaultMethodId securityKeys { id description isDefault } } }`;
export const REMOVE_METHOD = `mutation($methodId: ID!) { removeTwoFactorMethod(methodId: $methodId) { enabled defaultMethodId smsMethods { id isDefault } securityKeys { id isDefault } backupCodes { active } } }`;
export const DISABLE = `mutation { disableTwoFactor { enabled defaultMethodId smsMethods { id } securityKeys { id } backupCodes { active } } }`;

export const YUBIKEY_5 = 'ee882879-721c-4913-9775-3dfcce97072a';
export const GOOGLE_PASSWORD_MANAGER = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';

export function authenticator(api: TestApi, options: SoftwareAuthenticatorOptions = {}): SoftwareAuthenticator {
  return new SoftwareAuthenticator(api.config.webOrigin, options);
}

/** startSecurityKeyRegistration then finishSecurityKeyRegistration with what `key` answers; returns both answers. */
export async function register(api: TestApi, token: string, key: SoftwareAuthenticator, description: string | null = null, overrides: Overrides = {}) {
  const started = await api.gql(START_REG, {}, { token });
  if (!started.data) throw new Error(JSON.stringify(started.errors));
  const r = started.data['startSecurityKeyRegistration'] as { registrationId: string; options: string; expiresAt: string };
  const finished = await api.gql(FINISH_REG, { input: { registrationId: r.registrationId, credential: key.register(r.options, overrides), description } }, { token });
  return { started: r, finished };
}

/** A fresh account whose first method is a security key. */
export async function accountWithKey(api: TestApi, options: SoftwareAuthenticatorOptions = {}, description: string | null = 'Office key') {
  const account = await signUp(api);
  const key = authenticator(api, options);
  const { started, finished } = await register(api, account.token, key, description);
  if (!finished.data) throw new Error(JSON.stringify(finished.errors));
  const payload = finished.data['finishSecurityKeyRegistration'];
  return { ...account, key, started, payload, methodId: payload.methodId as string };
}

/** The password step, then startSecurityKeyLogin on its ticket. */
export async function keyChallenge(api: TestApi, email: string) {
  const c = await challenge(api, email);
  const started = await api.gql(START_LOGIN, { input: { ticket: c.ticket } });
  if (!started.data) throw new Error(JSON.stringify(started.errors));
  return { ...c, options: started.data['startSecurityKeyLogin'].options as string, optionsExpireAt: started.data['startSecurityKeyLogin'].expiresAt as string };
}

export function completeWithKey(api: TestApi, ticket: string, credential: string, rememberDevice = false) {
  return api.gql(COMPLETE_KEY, { input: { ticket, credential, rememberDevice } });
}

/** The same assertion with one byte of its signature changed. */
export function tamperSignature(credential: string): string {
  const c = JSON.parse(credential);
  const sig = Buffer.from(c.response.signature, 'base64url');
  sig[sig.length - 1] ^= 0x01;
  c.response.signature = sig.toString('base64url');
  return JSON.stringify(c);
}
