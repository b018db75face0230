import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

export const SECURITY_EVENT_TYPES = [
  'ACCOUNT_CREATED',
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'SECOND_FACTOR_FAILED',
  'SESSION_REVOKED',
  'REAUTHENTICATED',
  'SMS_METHOD_ADDED',
  'SMS_METHOD_CONFIRMED',
  'SMS_METHOD_UPDATED',
  'SMS_METHOD_REMOVED',
  'DEFAULT_METHOD_CHANGED',
  'TWO_FACTOR_ENABLED',
  'TWO_FACTOR_DISABLED',
  'BACKUP_CODES_GENERATED',
  'BACKUP_CODES_DELETED',
  'BACKUP_CODE_USED',
  'SMS_SEND_BLOCKED',
  'TOTP_METHOD_ADDED',
  'SECURITY_KEY_ADDED',
  'TWO_FACTOR_METHOD_UPDATED',
  'TWO_FACTOR_METHOD_REMOVED',
  'TRUSTED_DEVICE_ADDED',
  'TRUSTED_DEVICE_REMOVED',
  'EMAIL_SEND_BLOCKED',
  'ACTIVITY_REPORTED',
  'RECOVERY_REQUESTED',
  'RECOVERY_STARTED',
  'RECOVERY_CANCELLED',
  'RECOVERY_COMPLETED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET',
  'TWO_FACTOR_RESET_BY_SUPPORT',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/** Partitioned by month on created_at (migration 1796500000000, partitions.ts): the primary key is (id, created_at). */
@Entity('security_event')
@Index('IDX_security_event_account_created', ['accountId', 'createdAt', 'id'])
@Index('IDX_security_event_account_type_created', ['accountId', 'type', 'createdAt'])
@Index('IDX_security_event_created', ['createdAt'])
export class SecurityEventEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_security_event' })
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_security_event_account' })
  account?: AccountEntity;

  @Column('varchar', { length: 40 })
  type!: SecurityEventType;

  /** The partition key, so part of the primary key. */
  @PrimaryColumn('timestamptz', { name: 'created_at', primaryKeyConstraintName: 'PK_security_event' })
  createdAt!: Date;

  @Column('text', { name: 'ip_address', nullable: true })
  ipAddress!: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent!: string | null;

  /** Non-secret context, e.g. a masked number. */
  @Column('text', { nullable: true })
  detail!: string | null;
}
