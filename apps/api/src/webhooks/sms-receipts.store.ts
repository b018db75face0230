import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** SQL of the receipt endpoints: replay protection (sms_receipt_replay) and the OVHcloud id check. */
@Injectable()
export class SmsReceiptsStore {
  constructor(private readonly db: DataSource) {}

  /**
   * Records a signature as used until `expiresAt`, in the caller's transaction; false when it is
   * already recorded (a replay). A concurrent identical request waits on the key until this
   * transaction ends: it then sees the claim (committed) or takes it (rolled back).
   */
  async claimSignature(em: EntityManager, signatureHash: Buffer, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO sms_receipt_replay (signature_hash, expires_at) VALUES ($1, $2)
       ON CONFLICT (signature_hash) DO NOTHING RETURNING 1 AS claimed`,
      [signatureHash, expiresAt],
    );
    return rows.length === 1;
  }

  /** Deletes signatures whose window has passed (their timestamps are refused anyway). */
  async purgeExpired(now: Date): Promise<void> {
    await this.db.query(`DELETE FROM sms_receipt_replay WHERE expires_at < $1`, [now]);
  }

  /**
   * True when our message `messageId` was sent through OVHcloud as `providerMessageId`: one of its
   * attempts (the first send or a fallback), or, for a message sent before sms_attempt, the message.
   */
  async isOvhMessage(messageId: string, providerMessageId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM sms_attempt WHERE message_id = $1 AND provider = 'ovh' AND provider_message_id = $2
       UNION ALL
       SELECT 1 FROM sms_message WHERE id = $1 AND provider = 'ovh' AND provider_message_id = $2
       LIMIT 1`,
      [messageId, providerMessageId],
    );
    return rows.length === 1;
  }
}
