import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { affectedCount, LoginTicketEntity } from '@twofold/persistence';

/** SQL of the login_ticket table. */
@Injectable()
export class TicketStore {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager, ticket: LoginTicketEntity): Promise<void> {
    await em.insert(LoginTicketEntity, ticket);
  }

  /** The ticket with this token hash; with `lock`, locked until the transaction ends. */
  byTokenHash(em: EntityManager | null, tokenHash: Buffer, lock: boolean): Promise<LoginTicketEntity | null> {
    const qb = (em ?? this.db.manager).getRepository(LoginTicketEntity).createQueryBuilder('t').where('t.token_hash = :h', { h: tokenHash });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** Single use: false when another request consumed it first. */
  async consume(em: EntityManager, ticketId: string, now: Date): Promise<boolean> {
    return affectedCount(await em.query(`UPDATE login_ticket SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL`, [ticketId, now])) === 1;
  }

  async countFailure(em: EntityManager, ticketId: string): Promise<void> {
    await em.query(`UPDATE login_ticket SET failed_attempts = failed_attempts + 1 WHERE id = $1`, [ticketId]);
  }
}
