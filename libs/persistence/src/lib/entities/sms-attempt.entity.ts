import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SmsAttemptStatus, SmsFallbackCause } from '@twofold/sms-queue';

/**
 * One provider's turn at an SMS: the first send (seq 1), then each receipt-driven fallback through
 * the next provider of the route (seq 2, 3, …), at most one per provider. Receipts are applied to
 * the attempt they name (provider, provider_message_id) and, through it, to sms_message.
 * No foreign key to sms_message (partitioned by month, key (id, created_at)): `message_id` alone.
 */
@Entity('sms_attempt')
@Index('UQ_sms_attempt_message_provider', ['messageId', 'provider'], { unique: true })
@Index('UQ_sms_attempt_provider_id', ['provider', 'providerMessageId'], { unique: true, where: '"provider_message_id" IS NOT NULL' })
@Index('IDX_sms_attempt_created', ['createdAt'])
@Index('IDX_sms_attempt_deadline', ['deadlineAt'], { where: '"deadline_at" IS NOT NULL' })
export class SmsAttemptEntity {
  @PrimaryColumn('uuid', { name: 'message_id', primaryKeyConstraintName: 'PK_sms_attempt' })
  messageId!: string;

  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'PK_sms_attempt' })
  seq!: number;

  @Column('varchar', { length: 32 })
  provider!: string;

  @Column('varchar', { length: 16 })
  status!: SmsAttemptStatus;

  @Column('varchar', { name: 'provider_message_id', length: 128, nullable: true })
  providerMessageId!: string | null;

  /** Why this attempt was made: null for the first, FAILED_RECEIPT or NO_RECEIPT for a fallback. */
  @Column('varchar', { name: 'fallback_cause', length: 16, nullable: true })
  fallbackCause!: SmsFallbackCause | null;

  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason!: string | null;

  /**
   * While set, the worker's delivery watch owns what follows this attempt: no "delivered" receipt
   * by then means a fallback. Null when no fallback can follow (a notice, one provider, a provider
   * without receipts, or the watch has finished).
   */
  @Column('timestamptz', { name: 'deadline_at', nullable: true })
  deadlineAt!: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt!: Date | null;
}
