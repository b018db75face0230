import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Signed delivery receipts of the `webhook` provider already accepted: the SHA-256 of each
 * X-Twofold-Signature, kept until its timestamp leaves the replay window (`expires_at`), so the
 * same signed request is applied once. Rows past `expires_at` are deleted (each API process, at
 * most once a minute, when a receipt comes).
 */
@Entity('sms_receipt_replay')
@Index('IDX_sms_receipt_replay_expires', ['expiresAt'])
export class SmsReceiptReplayEntity {
  @PrimaryColumn('bytea', { name: 'signature_hash', primaryKeyConstraintName: 'PK_sms_receipt_replay' })
  signatureHash!: Buffer;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
