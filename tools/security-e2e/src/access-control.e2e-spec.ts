import { errorCode, LOGIN, PASSWORD, startSystem, type System } from './harness';

/**
 * A single-factor session (opened before 2FA turned on), a pending login ticket used as a bearer
 * token, a garbage token and no token: none of them reaches any protected resolver, and nothing changes.
 */
let sys: System;
beforeAll(async () => {
  sys = await startSystem({ label: 'secaccess' });
});
afterAll(async () => {
  await sys?.stop();
});

const ZERO = '00000000-0000-4000-8000-000000000000';

/** Every guarded operation (all but @Public ones), with arguments that would succeed for the owner. */
function protectedOperations(ids: { methodId: string; pendingId: string; sessionId: string }): Record<string, { query: string; variables?: Record<string, unknown> }> {
  return {
    securityEvents: { query: `{ securityEvents(first: 50) { nodes { id type detail } } }` },
    addSmsMethod: { query: `mutation($p: String!) { addSmsMethod(input: { phoneNumber: $p }) { method { id } } }`, variables: { p: '+447700900999' } },
    confirmSmsMethod: { query: `mutation($id: ID!) { confirmSmsMethod(input: { methodId: $id, code: "123456" }) { method { id } } }`, variables: { id: ids.pendingId } },
    resendSmsMethodCode: { query: `mutation($id: ID!) { resendSmsMethodCode(methodId: $id) { id } }`, variables: { id: ids.pendingId } },
    callSmsMethodCode: { query: `mutation($id: ID!) { callSmsMethodCode(methodId: $id) { id } }`, variables: { id: ids.pendingId } },
    updateSmsMethod: { query: `mutation($id: ID!) { updateSmsMethod(input: { methodId: $id, description: "owned" }) { id } }`, variables: { id: ids.methodId } },
    removeSmsMethod: { query: `mutation($id: ID!) { removeSmsMethod(methodId: $id) { enabled } }`, variables: { id: ids.methodId } },
    setDefaultTwoFactorMethod: { query: `mutation($id: ID!) { setDefaultTwoFactorMethod(methodId: $id) { enabled } }`, variables: { id: ids.methodId } },
    regenerateBackupCodes: { query: `mutation { regenerateBackupCodes { codes } }` },
    deleteBackupCodes: { query: `mutation { deleteBackupCodes { enabled } }` },
    updateAccount: { query: `mutation { updateAccount(input: { locale: "fr" }) { locale } }` },
    sessions: { query: `{ sessions { id ipAddress userAgent } }` },
    revokeSession: { query: `mutation($id: ID!) { revokeSession(id: $id) { id } }`, variables: { id: ids.sessionId } },
    revokeOtherSessions: { query: `mutation { revokeOtherSessions { id } }` },
    startTotpEnrollment: { query: `mutation { startTotpEnrollment { enrollmentId } }` },
    updateTwoFactorMethod: { query: `mutation($id: ID!) { updateTwoFactorMethod(input: { methodId: $id, description: "owned" }) { enabled } }`, variables: { id: ids.methodId } },
    removeTwoFactorMethod: { query: `mutation($id: ID!) { removeTwoFactorMethod(methodId: $id) { enabled } }`, variables: { id: ids.methodId } },
    disableTwoFactor: { query: `mutation { disableTwoFactor { enabled } }` },
    confirmTotpMethod: { query: `mutation($id: ID!) { confirmTotpMethod(input: { enrollmentId: $id, code: "123456" }) { methodId } }`, variables: { id: ids.pendingId } },
    startSecurityKeyRegistration: { query: `mutation { startSecurityKeyRegistration { registrationId } }` },
    finishSecurityKeyRegistration: { query: `mutation($id: ID!) { finishSecurityKeyRegistration(input: { registrationId: $id, credential: "{}" }) { methodId } }`, variables: { id: ids.pendingId } },
    reauthenticate: { query: `mutation($p: String!) { reauthenticate(input: { password: $p }) { __typename } }`, variables: { p: PASSWORD } },
    trustedDevices: { query: `{ trustedDevices { id ipAddress userAgent } }` },
    forgetTrustedDevice: { query: `mutation($id: ID!) { forgetTrustedDevice(id: $id) { id } }`, variables: { id: ids.sessionId } },
    forgetAllTrustedDevices: { query: `mutation { forgetAllTrustedDevices { id } }` },
    resendVerificationEmail: { query: `mutation { resendVerificationEmail }` },
    changePassword: { query: `mutation($p: String!) { changePassword(input: { currentPassword: $p, newPassword: "a long new passphrase" }) }`, variables: { p: PASSWORD } },
    logout: { query: `mutation { logout }` },
  };
}

/** Public operations: they take no session (login steps carry their own ticket). */
const PUBLIC = new Set(['me', 'smsDispatch', 'signUp', 'login', 'sendLoginSmsCode', 'completeLoginWithSms', 'completeLoginWithTotp', 'completeLoginWithBackupCode', 'startSecurityKeyLogin', 'completeLoginWithSecurityKey', 'verifyEmail', 'reportUnrecognizedActivity', 'startAccountRecovery', 'confirmAccountRecovery', 'completeAccountRecovery', 'accountRecovery', 'requestPasswordReset', 'resetPassword', 'callLoginCode', 'codeDeliveryOptions']);

it('the list below covers every guarded root field of the schema', async () => {
  const res = await sys.gql(`{ q: __type(name: "Query") { fields { name } } m: __type(name: "Mutation") { fields { name } } }`);
  const fields = [...res.data!['q'].fields, ...res.data!['m'].fields].map((f: { name: string }) => f.name);
  const guarded = fields.filter((f) => !PUBLIC.has(f)).sort();
  expect(guarded).toEqual(Object.keys(protectedOperations({ methodId: ZERO, pendingId: ZERO, sessionId: ZERO })).sort());
});

it('a single-factor session, a pending ticket, a garbage token and no token reach no protected resolver', async () => {
  const owner = await sys.signUp();
  // A second session opened with the password alone, before 2FA is on.
  const single = await sys.gql(LOGIN, { input: { email: owner.email, password: PASSWORD } });
  const singleFactorToken = sys.remember(single.data!['login'].token as string);
  const { methodId } = await sys.enableNumber(owner.token);
  const { methodId: pendingId } = await sys.addNumber(owner.token);
  const ticket = await sys.loginTicket(owner.email);
  const sessionId = (await sys.pg.query(`SELECT id FROM session WHERE account_id = $1 AND revoked_at IS NULL`, [owner.accountId])).rows[0].id as string;

  const snapshot = async () => ({
    db: (await sys.pg.query(
      `SELECT (SELECT json_agg(m ORDER BY id) FROM (SELECT id, status, description, is_default, failed_attempts FROM sms_method) m) AS methods,
              (SELECT json_agg(b ORDER BY id) FROM (SELECT id, used_at FROM backup_code) b) AS codes,
              (SELECT count(*) FROM session WHERE revoked_at IS NULL) AS sessions,
              (SELECT count(*) FROM sms_message) AS sms`,
    )).rows[0],
    inbox: sys.gateway.messages.length,
  });
  const before = await snapshot();

  const bearers: Record<string, string | undefined> = {
    'single-factor session (ended when 2FA turned on)': singleFactorToken,
    'pending login ticket': ticket,
    'garbage token': 'x'.repeat(43),
    'no token': undefined,
  };
  for (const [label, token] of Object.entries(bearers)) {
    for (const [name, op] of Object.entries(protectedOperations({ methodId, pendingId, sessionId }))) {
      const res = await sys.gql(op.query, op.variables ?? {}, { token });
      expect({ label, name, code: errorCode(res), data: res.data }).toEqual({ label, name, code: 'UNAUTHENTICATED', data: null });
    }
    const me = await sys.gql(`{ me { id email } }`, {}, { token });
    expect({ label, me: me.data?.['me'] }).toEqual({ label, me: null });
  }
  // The SMS delivery state of the owner's numbers is not readable without the session (or the ticket it belongs to).
  const dispatchId = (await sys.pg.query(`SELECT id FROM sms_message ORDER BY created_at LIMIT 1`)).rows[0].id as string;
  for (const token of [singleFactorToken, ticket, undefined]) {
    const res = await sys.gql(`query($id: ID!) { smsDispatch(id: $id) { id status } }`, { id: dispatchId }, { token });
    expect(res.data?.['smsDispatch'] ?? null).toBeNull();
  }

  expect(await snapshot()).toEqual(before);
  // The owner's real session still works.
  const ok = await sys.gql(`{ me { id } }`, {}, { token: owner.token });
  expect(ok.data!['me'].id).toBe(owner.accountId);
});
