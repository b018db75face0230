import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared } from '@twofold/persistence';

export interface VerificationTokenRow {
  id: string;
  account_id: string;
  email_normalized: string;
  expires_at: Date;
  used_at: Date | null;
  account_email_normalized: string | null;
}

/** SQL of `email_verification_token` and of account.email_verified_at. */
@Injectable()
export class EmailVerificationStore {
  constructor(private readonly db: DataSource) {}

  /** A new link replaces the account's unused ones, in the caller's transaction. */
  async replace(em: EntityManager, row: { id: string; accountId: string; tokenHash: Buffer; emailNormalized: string; expiresAt: Date }, now: Date): Promise<void> {
    await prepared(em, 'email-verification-drop-unused', `DELETE FROM email_verification_token WHERE account_id = $1 AND used_at IS NULL`, [row.accountId]);
    await prepared(
      em,
      'email-verification-insert',
      `INSERT INTO email_verification_token (id, account_id, token_hash, email_normalized, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5, $6, NULL)`,
      [row.id, row.accountId, row.tokenHash, row.emailNormalized, now, row.expiresAt],
    );
  }

  /** The token's row, locked, with the account's current address (null when no row has this hash). */
  async lockByHash(em: EntityManager, tokenHash: Buffer): Promise<VerificationTokenRow | null> {
    const rows = await prepared<VerificationTokenRow>(
      em,
      'email-verification-lock',
      `SELECT t.id, t.account_id, t.email_normalized, t.expires_at, t.used_at, a.email_normalized AS account_email_normalized
         FROM email_verification_token t LEFT JOIN account a ON a.id = t.account_id
        WHERE t.token_hash = $1
        FOR UPDATE OF t`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Spends the token and marks the address verified (kept when it already was). */
  async spend(em: EntityManager, tokenId: string, accountId: string, now: Date): Promise<void> {
    await prepared(em, 'email-verification-spend', `UPDATE email_verification_token SET used_at = $2 WHERE id = $1 AND used_at IS NULL`, [tokenId, now]);
    await prepared(em, 'email-verification-mark', `UPDATE account SET email_verified_at = COALESCE(email_verified_at, $2) WHERE id = $1`, [accountId, now]);
  }

  async isVerified(accountId: string): Promise<boolean> {
    const rows = await prepared<{ verified: boolean }>(this.db, 'email-verified', `SELECT email_verified_at IS NOT NULL AS verified FROM account WHERE id = $1`, [accountId]);
    return rows[0]?.verified === true;
  }
}
