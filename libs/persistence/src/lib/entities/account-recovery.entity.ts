import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

export const ACCOUNT_RECOVERY_STATUSES = ['REQUESTED', 'WAITING', 'CANCELLED', 'COMPLETED'] as const;
export type AccountRecoveryStatus = (typeof ACCOUNT_RECOVERY_STATUSES)[number];

/**
 * Lost-phone recovery (issue 13 part 5): REQUESTED (the e-mailed link waits for its first use,
 * RECOVERY_LINK_TTL_SECONDS) → WAITING (confirmed; `ready_at` = confirmation + RECOVERY_DELAY_SECONDS)
 * → COMPLETED (password + the same link after `ready_at`: 2FA off), or CANCELLED. Only the SHA-256
 * of the link's 256-bit token is stored.
 */
@Entity('account_recovery')
@Index('IDX_account_recovery_account', ['accountId', 'createdAt'])
@Index('IDX_account_recovery_expires', ['expiresAt'])
export class AccountRecoveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_account_recovery_account' })
  account?: AccountEntity;

  @Index('UQ_account_recovery_token_hash', { unique: true })
  @Column('bytea', { name: 'token_hash' })
  tokenHash!: Buffer;

  @Column('varchar', { length: 16 })
  status!: AccountRecoveryStatus;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;

  @Column('timestamptz', { name: 'ready_at', nullable: true })
  readyAt!: Date | null;

  /** REQUESTED: until the link must be confirmed; WAITING: until it may complete. */
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;
}
