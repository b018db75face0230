// Accounts with 2FA on one number each and a login ticket each, as the password step leaves them,
// written in SQL (through the API each would cost an argon2 hash and verify, which B1 measures on
// its own). One account per code: a new code replaces the live one of its method. Numbers spread
// over 6-digit prefixes, as real traffic; `offset` keeps every call's numbers and emails apart.
import { randomUUID } from 'node:crypto';

/** `d`: the API's own helpers from the built bundle (parseMobileNumber, maskPhoneNumber, generateOpaqueToken, hashOpaqueToken). */
export async function seedSmsTickets(pool, { count, offset = 0, passwordHash }, d) {
  const prefixes = [];
  for (let a = 400; a < 1000; a++) if (d.parseMobileNumber(`+447${a}123456`, [], { allowFictional: false }).ok) prefixes.push(a);
  const tickets = Array.from({ length: count }, (_, k) => {
    const i = offset + k;
    return {
      accountId: randomUUID(),
      methodId: randomUUID(),
      id: randomUUID(),
      token: d.generateOpaqueToken(),
      number: `+447${prefixes[i % prefixes.length]}${String(i).padStart(6, '0')}`,
      email: `bench-2fa-${i}@example.com`,
    };
  });
  for (let i = 0; i < tickets.length; i += 2000) {
    const c = tickets.slice(i, i + 2000);
    const col = (k) => c.map((t) => t[k]);
    await pool.query(
      `INSERT INTO account (id, email, email_normalized, name, password_hash, locale, second_factor_blocked_until, created_at)
       SELECT id, email, email, 'Bench Twofa', $3, 'en', NULL, now() FROM unnest($1::uuid[], $2::text[]) AS t(id, email)`,
      [col('accountId'), col('email'), passwordHash],
    );
    await pool.query(
      `INSERT INTO sms_method (id, account_id, phone_number, masked_phone_number, country_code, description, status, is_default, failed_attempts, created_at, verified_at, last_used_at)
       SELECT id, account_id, phone, masked, 'GB', NULL, 'ENABLED', true, 0, now(), now(), NULL
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS t(id, account_id, phone, masked)`,
      [col('methodId'), col('accountId'), col('number'), c.map((t) => d.maskPhoneNumber(t.number))],
    );
    await pool.query(
      `INSERT INTO login_ticket (id, account_id, token_hash, purpose, session_id, failed_attempts, created_at, expires_at, consumed_at)
       SELECT id, account_id, token_hash, 'LOGIN', NULL, 0, now(), now() + interval '1 hour', NULL
         FROM unnest($1::uuid[], $2::uuid[], $3::bytea[]) AS t(id, account_id, token_hash)`,
      [col('id'), col('accountId'), c.map((t) => d.hashOpaqueToken(t.token))],
    );
  }
  return tickets;
}
