import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

/** A confirmed authenticator app (RFC 6238). The secret is sealed (AES-256-GCM, key from APP_SECRET, bound to the id). */
@Entity('totp_method')
@Index('IDX_totp_method_account', ['accountId'])
@Index('UQ_totp_method_account_default', ['accountId'], { unique: true, where: '"is_default"' })
export class TotpMethodEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_totp_method_account' })
  account?: AccountEntity;

  @Column('text', { name: 'secret_sealed' })
  secretSealed!: string;

  @Column('varchar', { length: 100, nullable: true })
  description!: string | null;

  @Column('boolean', { name: 'is_default', default: false })
  isDefault!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  /** The newest 30-second step accepted for this app: an older or equal step is a replay. */
  @Column('bigint', { name: 'last_time_step', nullable: true })
  lastTimeStep!: string | null;
}
