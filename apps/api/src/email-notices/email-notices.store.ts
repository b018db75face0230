import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { prepared } from '@twofold/persistence';

/** SQL of the notice e-mail's side of `security_alert_token` (the link's hash) and the address it goes to. */
@Injectable()
export class EmailNoticesStore {
  /** The account's address and name (null when the account is gone). */
  async recipient(em: EntityManager, accountId: string): Promise<{ email: string; name: string } | null> {
    const rows = await prepared<{ email: string; name: string }>(em, 'email-notice-recipient', `SELECT email, name FROM account WHERE id = $1`, [accountId]);
    return rows[0] ?? null;
  }

  async insertToken(em: EntityManager, row: { id: string; accountId: string; tokenHash: Buffer; kind: string; expiresAt: Date }, now: Date): Promise<void> {
    await prepared(
      em,
      'security-alert-token-insert',
      `INSERT INTO security_alert_token (id, account_id, token_hash, kind, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5, $6, NULL)`,
      [row.id, row.accountId, row.tokenHash, row.kind, now, row.expiresAt],
    );
  }
}
