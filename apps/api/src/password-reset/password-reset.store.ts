import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, preparedCount } from '@twofold/persistence';

/** The account a reset link is for. */
export interface ResetTarget {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/** SQL of `password_reset_token` and of account.password_hash. */
@Injectable()
export class PasswordResetStore {
  constructor(private readonly db: DataSource) {}

  async accountByEmail(emailNormalized: string): Promise<ResetTarget | null> {
    const rows = await prepared<ResetTarget>(this.db, 'password-reset-account', `SELECT id, email, name, locale FROM account WHERE email_normalized = $1`, [emailNormalized]);
    return rows[0] ?? null;
  }

  async insert(em: EntityManager, row: { id: string; accountId: string; tokenHash: Buffer; expiresAt: Date }, now: Date): Promise<void> {
    await prepared(
      em,
      'password-reset-insert',
      `INSERT INTO password_reset_token (id, account_id, token_hash, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5, NULL)`,
      [row.id, row.accountId, row.tokenHash, now, row.expiresAt],
    );
  }

  /** The account of a live link (unused, unexpired), or null: a read that decides nothing, so that a dead link costs no hashing. */
  async liveAccount(tokenHash: Buffer, now: Date): Promise<string | null> {
    const rows = await prepared<{ account_id: string }>(
      this.db,
      'password-reset-live',
      `SELECT account_id FROM password_reset_token WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`,
      [tokenHash, now],
    );
    return rows[0]?.account_id ?? null;
  }

  /**
   * Spends a live link in the statement that checks it: of concurrent uses of one token exactly one
   * gets the account id back, the others (and an unknown, used or expired token) get null.
   */
  async consume(em: EntityManager, tokenHash: Buffer, now: Date): Promise<string | null> {
    const rows = await prepared<{ account_id: string }>(
      em,
      'password-reset-consume',
      `UPDATE password_reset_token SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id`,
      [tokenHash, now],
    );
    return rows[0]?.account_id ?? null;
  }

  /** Every unused link of the account goes (a reset or a password change makes them pointless). */
  async dropUnused(em: EntityManager, accountId: string): Promise<number> {
    return preparedCount(em, 'password-reset-drop-unused', `DELETE FROM password_reset_token WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
  }

  /**
   * Pending sign-ins and re-authentications of the account (the password step passed, the second
   * factor not yet) end: they were opened with the password that just changed. A completion racing
   * this waits for its row lock, then finds the ticket consumed.
   */
  endPendingTickets(em: EntityManager, accountId: string, now: Date): Promise<number> {
    return preparedCount(em, 'password-end-tickets', `UPDATE login_ticket SET consumed_at = $2 WHERE account_id = $1 AND consumed_at IS NULL AND expires_at > $2`, [accountId, now]);
  }

  /**
   * The new password's hash; with `expectedHash`, only while the stored one is still that (a
   * change checked against a password that a concurrent change or reset replaced writes nothing).
   */
  async setPasswordHash(em: EntityManager, accountId: string, passwordHash: string, expectedHash: string | null): Promise<boolean> {
    const changed = await preparedCount(
      em,
      'password-set-hash',
      `UPDATE account SET password_hash = $2 WHERE id = $1 AND ($3::text IS NULL OR password_hash = $3)`,
      [accountId, passwordHash, expectedHash],
    );
    return changed > 0;
  }

  /** Whether a refused reset e-mail was already recorded for the account since `since` (one event per hour, however long a flood). */
  async refusalRecordedSince(accountId: string, since: Date): Promise<boolean> {
    const rows = await prepared(
      this.db,
      'password-reset-refusal-recorded',
      `SELECT 1 FROM security_event WHERE account_id = $1 AND type = 'PASSWORD_RESET_REQUESTED' AND created_at > $2 AND detail LIKE 'no e-mail sent%' LIMIT 1`,
      [accountId, since],
    );
    return rows.length > 0;
  }
}
