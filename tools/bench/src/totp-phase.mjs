// B3t: completeLoginWithTotp beside B3's completeLoginWithSms. Accounts with one authenticator
// app each (the secret sealed as the API seals it) and a login ticket each, written in SQL as
// B3's are; one account per request, since a time step accepted once for an app is refused after.
import { randomUUID } from 'node:crypto';

export const COMPLETE_TOTP = `mutation($input: CompleteLoginWithTotpInput!) { completeLoginWithTotp(input: $input) { token } }`;

/**
 * Seeds `count` accounts with 2FA on through an authenticator app. `d` holds the API's own
 * helpers (from the built bundle): seal, the derived TOTP key, newTotpSecret, token helpers.
 */
export async function seedTotpAccounts(pool, count, passwordHash, d) {
  const rows = Array.from({ length: count }, (_, i) => {
    const methodId = randomUUID();
    const secret = d.newTotpSecret();
    return { accountId: randomUUID(), methodId, secret, sealed: d.seal(d.totpKey, secret, methodId), ticketId: randomUUID(), token: d.generateOpaqueToken(), email: `bench-totp-${i}@example.com` };
  });
  for (let i = 0; i < rows.length; i += 2000) {
    const c = rows.slice(i, i + 2000);
    const col = (k) => c.map((t) => t[k]);
    await pool.query(
      `INSERT INTO account (id, email, email_normalized, name, password_hash, locale, second_factor_blocked_until, created_at)
       SELECT id, email, email, 'Bench Totp', $3, 'en', NULL, now() FROM unnest($1::uuid[], $2::text[]) AS t(id, email)`,
      [col('accountId'), col('email'), passwordHash],
    );
    await pool.query(
      `INSERT INTO totp_method (id, account_id, secret_sealed, description, is_default, created_at, last_used_at, last_time_step)
       SELECT id, account_id, sealed, NULL, true, now(), NULL, NULL FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(id, account_id, sealed)`,
      [col('methodId'), col('accountId'), col('sealed')],
    );
    await pool.query(
      `INSERT INTO login_ticket (id, account_id, token_hash, purpose, session_id, failed_attempts, created_at, expires_at, consumed_at)
       SELECT id, account_id, token_hash, 'LOGIN', NULL, 0, now(), now() + interval '1 hour', NULL
         FROM unnest($1::uuid[], $2::uuid[], $3::bytea[]) AS t(id, account_id, token_hash)`,
      [col('ticketId'), col('accountId'), c.map((t) => d.hashOpaqueToken(t.token))],
    );
  }
  return rows;
}

/** The request bodies, each with the code its app shows now (valid for this step and the next). */
export function totpBodies(rows, totpCodeAt, ipOf) {
  const now = new Date();
  return rows.map((t, i) => ({ body: JSON.stringify({ query: COMPLETE_TOTP, variables: { input: { ticket: t.token, methodId: t.methodId, code: totpCodeAt(t.secret, now) } } }), headers: { 'x-forwarded-for': ipOf(i) } }));
}
