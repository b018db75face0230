import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** SQL of the receipt endpoints: replay protection (sms_receipt_replay) and the OVHcloud id check. */
@Injectable()
export class SmsReceiptsStore {
  constructor(private readonly db: DataSource) {}

  /**
   * Records a signature as used until `expiresAt`; false when it was already recorded (a replay).
   * The same statement deletes rows whose window has passed (their timestamps are refused anyway).
   */
  async claimSignature(signatureHash: Buffer, expiresAt: Date, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH purge AS (DELETE FROM sms_receipt_replay WHERE expires_at < $3)
       INSERT INTO sms_receipt_replay (signature_hash, expires_at) VALUES ($1, $2)
       ON CONFLICT (signature_hash) DO NOTHING RETURNING 1 AS claimed`,
      [signatureHash, expiresAt, now],
    );
    return rows.length === 1;
  }

  /** Forgets a claim whose receipt was not applied (unknown message, error), so the sender's retry counts. */
  async releaseSignature(signatureHash: Buffer): Promise<void> {
    await this.db.query(`DELETE FROM sms_receipt_replay WHERE signature_hash = $1`, [signatureHash]);
  }

  /** True when our message `messageId` was sent through OVHcloud as `providerMessageId`. */
  async isOvhMessage(messageId: string, providerMessageId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM sms_message WHERE id = $1 AND provider = 'ovh' AND provider_message_id = $2`,
      [messageId, providerMessageId],
    );
    return rows.length === 1;
  }
}
