import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { SessionEntity } from './session.entity';

export type LoginTicketPurpose = 'LOGIN' | 'REAUTH';

/** Proof that the password step passed; the second factor consumes it once. */
@Entity('login_ticket')
export class LoginTicketEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('IDX_login_ticket_account')
  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_login_ticket_account' })
  account?: AccountEntity;

  @Index('UQ_login_ticket_token_hash', { unique: true })
  @Column('bytea', { name: 'token_hash' })
  tokenHash!: Buffer;

  @Column('varchar', { length: 16 })
  purpose!: LoginTicketPurpose;

  /** REAUTH tickets refresh this session when completed. */
  @Index('IDX_login_ticket_session')
  @Column('uuid', { name: 'session_id', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_login_ticket_session' })
  session?: SessionEntity;

  @Column('int', { name: 'failed_attempts', default: 0 })
  failedAttempts!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'consumed_at', nullable: true })
  consumedAt!: Date | null;
}
