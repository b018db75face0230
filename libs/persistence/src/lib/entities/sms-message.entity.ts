import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SmsChannel, SmsDeliveryStatus, SmsPurpose } from '@twofold/sms-queue';

/**
 * One outbound SMS: the outbox the worker drains and the ledger every sending limit reads,
 * so limits hold across API instances and while Redis is down. The body is sealed
 * (AES-256-GCM, bound to the message id); the row has no foreign keys on purpose, so the
 * ledger survives the removal of the method or account that caused it. Partitioned by month on
 * created_at (migration 1796500000000, partitions.ts): the primary key is (id, created_at), and
 * the provider's message id is indexed, not unique (a unique key must hold created_at).
 */
@Entity('sms_message')
@Index('IDX_sms_message_phone_created', ['phoneNumber', 'createdAt'], { where: `"purpose" <> 'NOTICE'` })
@Index('IDX_sms_message_account_created', ['accountId', 'createdAt'], { where: `"purpose" <> 'NOTICE'` })
@Index('IDX_sms_message_method_created', ['methodId', 'purpose', 'createdAt'], { where: `"purpose" <> 'NOTICE'` })
@Index('IDX_sms_message_ticket', ['ticketId'], { where: '"ticket_id" IS NOT NULL' })
@Index('IDX_sms_message_prefix_created', ['destinationPrefix', 'createdAt'], { where: `"purpose" <> 'NOTICE'` })
@Index('IDX_sms_message_country_created', ['countryCode', 'createdAt'], { where: `"purpose" <> 'NOTICE'` })
@Index('IDX_sms_message_created', ['createdAt'])
@Index('IDX_sms_message_notice_account_created', ['accountId', 'createdAt'], { where: `"purpose" = 'NOTICE'` })
@Index('IDX_sms_message_ip_created', ['clientIp', 'createdAt'], { where: `"purpose" <> 'NOTICE'` })
@Index('IDX_sms_message_outbox', ['status', 'enqueuedAt'], { where: `"status" IN ('QUEUED', 'SENDING')` })
@Index('IDX_sms_message_provider_id', ['provider', 'providerMessageId'], { where: '"provider_message_id" IS NOT NULL' })
export class SmsMessageEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_sms_message' })
  id!: string;

  @Column('uuid', { name: 'account_id', nullable: true })
  accountId!: string | null;

  @Column('uuid', { name: 'method_id', nullable: true })
  methodId!: string | null;

  /** The login ticket that caused a LOGIN code, so `smsDispatch(ticket:)` can read it. */
  @Column('uuid', { name: 'ticket_id', nullable: true })
  ticketId!: string | null;

  @Column('varchar', { name: 'phone_number', length: 16 })
  phoneNumber!: string;

  @Column('varchar', { length: 24 })
  purpose!: SmsPurpose;

  /** ISO region of the destination, for the SMS-pumping guard. */
  @Column('varchar', { name: 'country_code', length: 2, nullable: true })
  countryCode!: string | null;

  /** The first digits of the destination (e.g. +447700), the unit of pumping budgets. */
  @Column('varchar', { name: 'destination_prefix', length: 16, nullable: true })
  destinationPrefix!: string | null;

  /** When the code this message carried was entered correctly: the conversion signal. */
  @Column('timestamptz', { name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;

  @Column('varchar', { length: 8, default: 'en' })
  locale!: string;

  /** SMS, or VOICE: a call that reads the code out ("Call me instead"); the same limits either way. */
  @Column('varchar', { length: 8, default: 'SMS' })
  channel!: SmsChannel;

  /** Sealed text (sealed-box.ts), never the code in clear. */
  @Column('text', { name: 'body_sealed' })
  bodySealed!: string;

  @Column('varchar', { length: 16 })
  status!: SmsDeliveryStatus;

  @Column('text', { name: 'client_ip', nullable: true })
  clientIp!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  provider!: string | null;

  @Column('varchar', { name: 'provider_message_id', length: 128, nullable: true })
  providerMessageId!: string | null;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason!: string | null;

  /** When the code in this message stops being accepted (null for notices). */
  @Column('timestamptz', { name: 'code_expires_at', nullable: true })
  codeExpiresAt!: Date | null;

  /** The partition key, so part of the primary key. */
  @PrimaryColumn('timestamptz', { name: 'created_at', primaryKeyConstraintName: 'PK_sms_message' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  /** Last hand-off to the queue; the relay re-enqueues what stays QUEUED too long. */
  @Column('timestamptz', { name: 'enqueued_at', nullable: true })
  enqueuedAt!: Date | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt!: Date | null;
}
