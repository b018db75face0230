import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('account')
export class AccountEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** As typed at sign-up (trimmed), for display. */
  @Column('text')
  email!: string;

  /** Trimmed and lower-cased: the unique, case-insensitive login key. */
  @Index('UQ_account_email_normalized', { unique: true })
  @Column('text', { name: 'email_normalized' })
  emailNormalized!: string;

  @Column('text')
  name!: string;

  /** argon2id PHC string. */
  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  /** SMS language, from Accept-Language at sign-up. */
  @Column('varchar', { length: 8, default: 'en' })
  locale!: string;

  /** Set when second-factor failures for this account reach the limit. */
  @Column('timestamptz', { name: 'second_factor_blocked_until', nullable: true })
  secondFactorBlockedUntil!: Date | null;

  /** Incremented, under the account lock, each time 2FA turns on: single-factor sessions of an older epoch are dead. */
  @Column('integer', { name: 'two_factor_epoch', default: 0 })
  twoFactorEpoch!: number;

  /** When the address was proven by a verification link (null: not verified). */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true })
  emailVerifiedAt?: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
