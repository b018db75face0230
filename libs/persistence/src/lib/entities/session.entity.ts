import { Column, Entity, Index, ManyToOne, JoinColumn, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

@Entity('session')
export class SessionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('IDX_session_account')
  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_session_account' })
  account?: AccountEntity;

  /** SHA-256 of the bearer token; the token itself is never stored. */
  @Index('UQ_session_token_hash', { unique: true })
  @Column('bytea', { name: 'token_hash' })
  tokenHash!: Buffer;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_used_at' })
  lastUsedAt!: Date;

  /** Absolute end (SESSION_TTL_SECONDS after creation). */
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  /** Last full authentication (login or reauthenticate, with the second factor when on): sudo mode. */
  @Column('timestamptz', { name: 'authenticated_at' })
  authenticatedAt!: Date;

  /** The session passed a second factor (SMS code or emergency code), not the password alone. */
  @Column('boolean', { name: 'second_factor', default: false })
  secondFactor!: boolean;

  /**
   * The account's `two_factor_epoch` when the session was created, read in the statement that
   * inserted it. A single-factor session is valid only while the account's epoch is unchanged,
   * i.e. while 2FA has not been turned on since: a password login racing the confirmation of the
   * first number cannot outlive it, even if 2FA is later turned off again.
   */
  @Column('integer', { name: 'two_factor_epoch', default: 0 })
  twoFactorEpoch!: number;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('text', { name: 'ip_address', nullable: true })
  ipAddress!: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent!: string | null;

  /**
   * IP address and user agent of the last recorded use (written with `last_used_at`, at most once
   * a minute unless they change). NULL in both until a use after creation is recorded: then the
   * creation's `ip_address` and `user_agent` are the last use's.
   */
  @Column('text', { name: 'last_ip_address', nullable: true })
  lastIpAddress!: string | null;

  @Column('text', { name: 'last_user_agent', nullable: true })
  lastUserAgent!: string | null;
}
