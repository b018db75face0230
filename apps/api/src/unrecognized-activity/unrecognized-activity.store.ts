import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { prepared } from '@twofold/persistence';

/** SQL of the spending side of `security_alert_token`. */
@Injectable()
export class UnrecognizedActivityStore {
  /**
   * Spends a live link in one statement (the read is the write): of concurrent uses of one token
   * exactly one gets its row back, the others wait for it and then find it used. Null for an
   * unknown, used or expired token.
   */
  async spend(em: EntityManager, tokenHash: Buffer, now: Date): Promise<{ account_id: string; kind: string } | null> {
    const rows = await prepared<{ account_id: string; kind: string }>(
      em,
      'security-alert-token-spend',
      `UPDATE security_alert_token SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id, kind`,
      [tokenHash, now],
    );
    return rows[0] ?? null;
  }
}
