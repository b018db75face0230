import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

/**
 * A password-reset link: only the SHA-256 of its 256-bit token is stored; single use (`used_at`,
 * set by the statement that checks it), until `expires_at` (15 minutes). A new link, a reset or a
 * password change drops the account's unused ones.
 */
@Entity('password_reset_token')
@Index('IDX_password_reset_token_account', ['accountId', 'createdAt'])
@Index('IDX_password_reset_token_expires', ['expiresAt'])
export class PasswordResetTokenEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_password_reset_token_account' })
  account?: AccountEntity;

  @Index('UQ_password_reset_token_hash', { unique: true })
  @Column('bytea', { name: 'token_hash' })
  tokenHash!: Buffer;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;
}
