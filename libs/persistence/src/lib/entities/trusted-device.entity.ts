import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

/**
 * A remembered device: a correct password there skips the second factor until `expires_at`.
 * Only the SHA-256 of its 256-bit token is stored. Forgetting a device deletes its row.
 */
@Entity('trusted_device')
@Index('IDX_trusted_device_account', ['accountId', 'createdAt'])
@Index('IDX_trusted_device_expires', ['expiresAt'])
export class TrustedDeviceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_trusted_device_account' })
  account?: AccountEntity;

  @Index('UQ_trusted_device_token_hash', { unique: true })
  @Column('bytea', { name: 'token_hash' })
  tokenHash!: Buffer;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  /** Where it was remembered, then where it was last used. */
  @Column('text', { name: 'ip_address', nullable: true })
  ipAddress!: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent!: string | null;
}
