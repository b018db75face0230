import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LoginTicketEntity } from './login-ticket.entity';

/**
 * The WebAuthn challenge of a login ticket (startSecurityKeyLogin): one per ticket, a new start
 * replaces it, a success deletes it; 5 minutes. It goes with its ticket (cascade).
 */
@Entity('security_key_login_challenge')
export class SecurityKeyLoginChallengeEntity {
  @PrimaryColumn('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @ManyToOne(() => LoginTicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'FK_security_key_login_challenge_ticket' })
  ticket?: LoginTicketEntity;

  @Column('text')
  challenge!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
