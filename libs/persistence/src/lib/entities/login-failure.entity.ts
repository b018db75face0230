import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed password attempts per email (known or not): the ledger of the login throttle. */
@Entity('login_failure')
@Index('IDX_login_failure_email_created', ['emailNormalized', 'createdAt'])
@Index('IDX_login_failure_created', ['createdAt'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column('text', { name: 'email_normalized' })
  emailNormalized!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('text', { name: 'ip_address', nullable: true })
  ipAddress!: string | null;
}
