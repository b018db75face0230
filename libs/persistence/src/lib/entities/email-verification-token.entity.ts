import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

/**
 * A link that proves the account's address: only the SHA-256 of its 256-bit token is stored;
 * single use (`used_at`), until `expires_at`. A new link replaces the live ones of the account.
 */
@Entity('email_verification_token')
@Index('IDX_email_verification_token_account', ['accountId', 'createdAt'])
@Index('IDX_email_verification_token_expires', ['expiresAt'])
export class EmailVerificationTokenEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_email_verification_token_account' })
  account?: AccountEntity;

  @Index('UQ_email_verification_token_hash', { unique: true })
  @Column('bytea', { name: 'token_hash' })
  tokenHash!: Buffer;

  /** The address it proves (the link is worthless once the account's address differs). */
  @Column('text', { name: 'email_normalized' })
  emailNormalized!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;
}
