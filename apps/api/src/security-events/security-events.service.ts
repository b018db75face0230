import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SecurityEventEntity, type SecurityEventType } from '@twofold/persistence';
import { Errors } from '../common/errors';
import type { RequestMeta } from '../common/request-context';
import { ReadReplica } from '../read-replica/read-replica';
import { orderedEventId } from './event-id';

export interface EventPage {
  nodes: SecurityEventEntity[];
  endCursor: string | null;
  hasNextPage: boolean;
}

@Injectable()
export class SecurityEventsService {
  constructor(
    private readonly db: DataSource,
    private readonly replica: ReadReplica,
  ) {}

  /** Records a state change or a failure. `detail` must never hold a secret (masked numbers only). */
  async record(em: EntityManager | null, accountId: string, type: SecurityEventType, meta: RequestMeta, now: Date, detail: string | null = null): Promise<void> {
    await (em ?? this.db.manager).insert(SecurityEventEntity, {
      id: orderedEventId(now),
      accountId,
      type,
      createdAt: now,
      ipAddress: meta.ip,
      userAgent: meta.userAgent,
      detail,
    });
  }

  /**
   * Newest first, keyset-paginated on (created_at, id). Read from the replica (docs/scaling.md):
   * an event appears after the replication lag; nothing is decided on this list.
   */
  async list(accountId: string, first: number, after: string | null): Promise<EventPage> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw Errors.badInput({ first: 'Between 1 and 100.' });
    const cursor = after ? decodeCursor(after) : null;
    const qb = this.replica.db.getRepository(SecurityEventEntity).createQueryBuilder('e').where('e.account_id = :accountId', { accountId });
    // Timestamps are written from JS dates (millisecond precision), so the cursor compares exactly.
    if (cursor) qb.andWhere('(e.created_at, e.id) < (:createdAt, :id)', cursor);
    const rows = await qb.orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC').limit(first + 1).getMany();
    const hasNextPage = rows.length > first;
    const nodes = rows.slice(0, first);
    const last = nodes[nodes.length - 1];
    return { nodes, hasNextPage, endCursor: last ? encodeCursor(last) : null };
  }
}

function encodeCursor(e: SecurityEventEntity): string {
  return Buffer.from(`${e.createdAt.toISOString()}|${e.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw Errors.badInput({ after: 'Not a cursor from this list.' });
  return { createdAt, id };
}
