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

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('text', { name: 'ip_address', nullable: true })
  ipAddress!: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent!: string | null;
}
