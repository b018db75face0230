import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EmailDeliveryStatus, EmailTemplate } from '@twofold/sms-queue';

/**
 * One outbound e-mail: the outbox the worker drains (its own queue) and the ledger the e-mail
 * budgets read. What a template needs (a link's token) is sealed (AES-256-GCM, bound to the
 * message id), never in clear; the address is the account's (already in `account`).
 * No foreign key, like sms_message: the ledger outlives the account.
 */
@Entity('email_message')
@Index('IDX_email_message_account_created', ['accountId', 'createdAt'])
@Index('IDX_email_message_created', ['createdAt'])
@Index('IDX_email_message_ip_created', ['clientIp', 'createdAt'], { where: '"client_ip" IS NOT NULL' })
@Index('IDX_email_message_outbox', ['status', 'enqueuedAt'], { where: `"status" IN ('QUEUED', 'SENDING')` })
export class EmailMessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id', nullable: true })
  accountId!: string | null;

  @Column('text', { name: 'to_address' })
  toAddress!: string;

  @Column('varchar', { length: 32 })
  template!: EmailTemplate;

  @Column('varchar', { length: 8, default: 'en' })
  locale!: string;

  /** Sealed JSON of the template data (sealed-box.ts, key `email-data`). */
  @Column('text', { name: 'data_sealed' })
  dataSealed!: string;

  @Column('varchar', { length: 16 })
  status!: EmailDeliveryStatus;

  /** The client that caused it (an IPv4 address or an IPv6 /64), for the per-IP e-mail budget. */
  @Column('text', { name: 'client_ip', nullable: true })
  clientIp!: string | null;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('varchar', { name: 'provider_message_id', length: 256, nullable: true })
  providerMessageId!: string | null;

  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  /** Last hand-off to the queue; the relay re-enqueues what stays QUEUED too long. */
  @Column('timestamptz', { name: 'enqueued_at', nullable: true })
  enqueuedAt!: Date | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt!: Date | null;
}
