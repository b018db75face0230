import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

/**
 * A security key being registered: the challenge of its creation options (base64url, 32 random
 * bytes), single use, 5 minutes. The challenge is no credential (the browser echoes it in
 * clientDataJSON for the library to compare), so it is kept as is.
 */
@Entity('security_key_registration')
@Index('IDX_security_key_registration_account', ['accountId'])
export class SecurityKeyRegistrationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_security_key_registration_account' })
  account?: AccountEntity;

  @Column('text')
  challenge!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('integer', { name: 'failed_attempts', default: 0 })
  failedAttempts!: number;

  @Column('timestamptz', { name: 'consumed_at', nullable: true })
  consumedAt!: Date | null;
}
