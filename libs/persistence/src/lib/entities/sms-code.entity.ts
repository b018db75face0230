import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SmsMethodEntity } from './sms-method.entity';
import { LoginTicketEntity } from './login-ticket.entity';

export type SmsCodePurpose = 'METHOD_CONFIRMATION' | 'LOGIN';

/** A one-time code sent by SMS, kept only as an HMAC bound to its purpose, method and ticket. */
@Entity('sms_code')
@Index('IDX_sms_code_live', ['methodId', 'purpose', 'createdAt'], { where: '"consumed_at" IS NULL AND "replaced_at" IS NULL' })
export class SmsCodeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @Column('uuid', { name: 'method_id' })
  methodId!: string;

  @ManyToOne(() => SmsMethodEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'method_id', foreignKeyConstraintName: 'FK_sms_code_method' })
  method?: SmsMethodEntity;

  @Column('varchar', { length: 24 })
  purpose!: SmsCodePurpose;

  @Index('IDX_sms_code_ticket')
  @Column('uuid', { name: 'ticket_id', nullable: true })
  ticketId!: string | null;

  @ManyToOne(() => LoginTicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'FK_sms_code_ticket' })
  ticket?: LoginTicketEntity;

  /** The sms_message that carried this code (no foreign key: the ledger outlives codes). */
  @Column('uuid', { name: 'message_id', nullable: true })
  messageId!: string | null;

  @Column('bytea', { name: 'code_hmac' })
  codeHmac!: Buffer;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'consumed_at', nullable: true })
  consumedAt!: Date | null;

  /** Set when a newer code for the same method and purpose was sent. */
  @Column('timestamptz', { name: 'replaced_at', nullable: true })
  replacedAt!: Date | null;
}
