import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

/**
 * The "This wasn't me" link of a security-notice e-mail: only the SHA-256 of its 256-bit token is
 * stored (the token itself travels sealed in the e-mail outbox row and job); single use (`used_at`),
 * until `expires_at` (SECURITY_ALERT_TTL_SECONDS, 7 days). `kind` is the notice it came with.
 */
@Entity('security_alert_token')
@Index('IDX_security_alert_token_account', ['accountId', 'createdAt'])
@Index('IDX_security_alert_token_expires', ['expiresAt'])
export class SecurityAlertTokenEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_security_alert_token_account' })
  account?: AccountEntity;

  @Index('UQ_security_alert_token_hash', { unique: true })
  @Column('bytea', { name: 'token_hash' })
  tokenHash!: Buffer;

  @Column('varchar', { length: 40 })
  kind!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;
}
