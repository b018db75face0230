import { spawnSync } from 'node:child_process';
import { totpCodeAt } from '@twofold/two-factor-domain';
import { COMPLETE_BACKUP, COMPLETE_SMS, errorCode, LOGIN, PASSWORD, REAUTH, startSystem, type System } from './harness';

/**
 * After a full journey (sign-up, enabling 2FA, logins with an SMS code and an emergency code,
 * sudo mode, regenerated emergency codes, wrong passwords and codes, logout), none of the secrets
 * used appears in a dump of PostgreSQL, in any Redis key or value under the test prefix, or in the
 * API and worker logs (debug level, the most verbose).
 */
let sys: System;
beforeAll(async () => {
  sys = await startSystem({ label: 'secrest', env: { LOG_LEVEL: 'debug' } });
});
afterAll(async () => {
  await sys?.stop();
});

/** pg_dump of the test database (data and schema) when the client is installed, else every row of every table. */
async function dumpPostgres(): Promise<string> {
  const run = spawnSync('pg_dump', ['--no-owner', sys.db.url], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const rows = await sys.dumpDatabase();
  if (run.status === 0 && run.stdout.includes('COPY public.account')) return `${run.stdout}\n${rows}`;
  return rows;
}

/** Where a secret shows up: the secret itself, and for 6-digit codes only a run of exactly those 6 digits (not inside a longer number, a hex id or base64). */
function findings(haystack: string, secrets: string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    const forms = new Set([secret, secret.replace(/-/g, ''), secret.toLowerCase(), secret.replace(/-/g, '').toLowerCase()]);
    for (const form of forms) {
      const hit = /^\d{6}$/.test(form) ? new RegExp(`(?<![0-9A-Za-z])${form}(?![0-9A-Za-z])`).test(haystack) : haystack.includes(form);
      if (hit) found.push(secret);
    }
  }
  return [...new Set(found)];
}

it('no code, emergency code, token, ticket or password used in a full journey is in PostgreSQL, Redis or the logs', async () => {
  const account = await sys.twoFactorAccount();
  const second = await sys.enableNumber(account.token); // a second number: notices, another code
  expect(second.backupCodes).toBeNull();
  const wrongPassword = sys.remember('not my password 1234');
  expect(errorCode(await sys.gql(LOGIN, { input: { email: account.email, password: wrongPassword } }))).toBe('INVALID_CREDENTIALS');

  // Login with an SMS code, after one wrong code.
  const ticket = await sys.loginTicket(account.email);
  const code = await sys.loginCode(ticket, account.methodId, account.number);
  const wrong = sys.remember(String((Number(code) + 7) % 1_000_000).padStart(6, '0'));
  expect(errorCode(await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: account.methodId, code: wrong } }))).toBe('INVALID_CODE');
  const viaSms = await sys.gql(COMPLETE_SMS, { input: { ticket, methodId: account.methodId, code } });
  const smsToken = sys.remember(viaSms.data!['completeLoginWithSms'].token as string);

  // Login with an emergency code (typed lower case without dashes).
  const ticket2 = await sys.loginTicket(account.email);
  const viaBackup = await sys.gql(COMPLETE_BACKUP, { input: { ticket: ticket2, code: account.backupCodes[0].replace(/-/g, '').toLowerCase() } });
  sys.remember(viaBackup.data!['completeLoginWithBackupCode'].token as string);

  // Sudo mode on the SMS session, then regenerate the emergency codes.
  const reauth = await sys.gql(REAUTH, { input: { password: PASSWORD } }, { token: smsToken });
  const reauthTicket = sys.remember(reauth.data!['reauthenticate'].ticket as string);
  const reauthCode = await sys.loginCode(reauthTicket, second.methodId, second.number, smsToken);
  expect((await sys.gql(COMPLETE_SMS, { input: { ticket: reauthTicket, methodId: second.methodId, code: reauthCode } }, { token: smsToken })).errors).toBeUndefined();
  const regenerated = await sys.gql(`mutation { regenerateBackupCodes { codes } }`, {}, { token: smsToken });
  for (const c of regenerated.data!['regenerateBackupCodes'].codes as string[]) sys.remember(c);
  expect((await sys.gql(`mutation { logout }`, {}, { token: smsToken })).data!['logout']).toBe(true);

  // Let the worker and the status callbacks finish writing.
  await sys.gateway.idle();
  await new Promise((r) => setTimeout(r, 500));

  const secrets = [...sys.secrets];
  expect(secrets.length).toBeGreaterThanOrEqual(30);
  const postgres = await dumpPostgres();
  const redis = await sys.dumpRedis();
  const logs = sys.logs();
  // The dumps are real: they hold the account, the queue's jobs and the request log.
  expect(postgres).toContain(account.email);
  expect(redis.length).toBeGreaterThan(0);
  expect(logs.length).toBeGreaterThan(0);
  expect({ postgres: findings(postgres, secrets), redis: findings(redis, secrets), logs: findings(logs, secrets) }).toEqual({ postgres: [], redis: [], logs: [] });
  // The SMS bodies themselves are stored and queued only sealed.
  for (const body of sys.gateway.messages.map((m) => m.body)) {
    expect(postgres).not.toContain(body);
    expect(redis).not.toContain(body);
    expect(logs).not.toContain(body);
  }
});

it('no authenticator-app secret or code, remembered-device token or session token of a v2 journey is in PostgreSQL, Redis or the logs', async () => {
  const account = await sys.twoFactorAccount();
  const started = await sys.gql(`mutation { startTotpEnrollment { enrollmentId secret otpauthUri } }`, {}, { token: account.token });
  const { enrollmentId, secret, otpauthUri } = started.data!['startTotpEnrollment'] as { enrollmentId: string; secret: string; otpauthUri: string };
  sys.remember(secret);
  sys.remember(encodeURIComponent(otpauthUri));
  const confirmCode = sys.remember(totpCodeAt(secret, new Date()));
  const confirmed = await sys.gql(`mutation($input: ConfirmTotpMethodInput!) { confirmTotpMethod(input: $input) { methodId } }`, { input: { enrollmentId, code: confirmCode } }, { token: account.token });
  const methodId = confirmed.data!['confirmTotpMethod'].methodId as string;

  // Login with the app's next step (the confirming one is spent), remembering the device.
  const ticket = await sys.loginTicket(account.email);
  const loginCode = sys.remember(totpCodeAt(secret, new Date(Date.now() + 30_000)));
  const viaApp = await sys.gql(`mutation($input: CompleteLoginWithTotpInput!) { completeLoginWithTotp(input: $input) { token trustedDeviceToken } }`, { input: { ticket, methodId, code: loginCode, rememberDevice: true } });
  expect(viaApp.errors).toBeUndefined();
  sys.remember(viaApp.data!['completeLoginWithTotp'].token as string);
  const deviceToken = sys.remember(viaApp.data!['completeLoginWithTotp'].trustedDeviceToken as string);
  const viaDevice = await sys.gql(`mutation($input: LoginInput!) { login(input: $input) { __typename ... on Session { token } } }`, { input: { email: account.email, password: PASSWORD, trustedDeviceToken: deviceToken } });
  expect(viaDevice.data!['login'].__typename).toBe('Session');
  sys.remember(viaDevice.data!['login'].token as string);
  await sys.gateway.idle();
  await new Promise((r) => setTimeout(r, 500));

  const secrets = [secret, deviceToken, confirmCode, loginCode, viaDevice.data!['login'].token as string, viaApp.data!['completeLoginWithTotp'].token as string];
  const postgres = await dumpPostgres();
  const redis = await sys.dumpRedis();
  const logs = sys.logs();
  expect(postgres).toContain('totp_method');
  expect({ postgres: findings(postgres, secrets), redis: findings(redis, secrets), logs: findings(logs, secrets) }).toEqual({ postgres: [], redis: [], logs: [] });
});
