import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

/** An authenticator app being added: its secret (sealed) until a first code confirms it, 10 minutes at most. */
@Entity('totp_enrollment')
@Index('IDX_totp_enrollment_account', ['accountId'])
export class TotpEnrollmentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_totp_enrollment_account' })
  account?: AccountEntity;

  @Column('text', { name: 'secret_sealed' })
  secretSealed!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('integer', { name: 'failed_attempts', default: 0 })
  failedAttempts!: number;

  @Column('timestamptz', { name: 'consumed_at', nullable: true })
  consumedAt!: Date | null;
}
