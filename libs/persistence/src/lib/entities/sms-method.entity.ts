import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

export type SmsMethodStatus = 'PENDING_VERIFICATION' | 'ENABLED';

@Entity('sms_method')
@Index('UQ_sms_method_account_phone', ['accountId', 'phoneNumber'], { unique: true })
@Index('UQ_sms_method_account_default', ['accountId'], { unique: true, where: '"is_default"' })
@Index('IDX_sms_method_pending_created', ['createdAt'], { where: `"status" = 'PENDING_VERIFICATION'` })
export class SmsMethodEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_sms_method_account' })
  account?: AccountEntity;

  /** E.164. */
  @Column('varchar', { name: 'phone_number', length: 16 })
  phoneNumber!: string;

  /** The number as shown to its owner and in security events ("+44 •••• ••0123"), fixed at insert. */
  @Column('varchar', { name: 'masked_phone_number', length: 40 })
  maskedPhoneNumber!: string;

  @Column('varchar', { name: 'country_code', length: 2 })
  countryCode!: string;

  @Column('varchar', { length: 100, nullable: true })
  description!: string | null;

  @Column('varchar', { length: 24 })
  status!: SmsMethodStatus;

  @Column('boolean', { name: 'is_default', default: false })
  isDefault!: boolean;

  /** Wrong confirmation codes, across resends. */
  @Column('int', { name: 'failed_attempts', default: 0 })
  failedAttempts!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;
}
