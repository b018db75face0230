import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import {
  createPartitionSql,
  dropPartitionSql,
  LIST_PARTITIONS_SQL,
  monthStart,
  PARTITION_MAINTENANCE_LOCK,
  partitionMonth,
  partitionName,
  unsentInPartitionSql,
  type PartitionedTable,
} from '@twofold/persistence';

/** One connection holding the maintenance lock: the partition DDL runs on it. */
export interface PartitionSession {
  /** Creates the partitions of the months from `now`'s to `ahead` months later that are missing; their names. */
  createAhead(table: PartitionedTable, now: Date, ahead: number): Promise<string[]>;
  /** Drops the partitions whose month ended at or before `cutoff` (sms_message: none still holding an unsent message); their names. */
  dropEndedBefore(table: PartitionedTable, cutoff: Date): Promise<string[]>;
}

/**
 * SQL of the monthly partitions of sms_message and security_event (libs/persistence partitions.ts):
 * months created ahead, months past their retention dropped. Two instances never run it at once
 * (a session advisory lock, tried, not waited for); the DDL waits at most 10 s for a lock.
 */
@Injectable()
export class LedgerPartitionsStore {
  constructor(private readonly db: DataSource) {}

  /** Runs `fn` under the maintenance lock on a connection of its own; null, without running it, when another instance holds it. */
  async exclusively<T>(fn: (session: PartitionSession) => Promise<T>): Promise<T | null> {
    const qr = this.db.createQueryRunner();
    await qr.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await qr.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [PARTITION_MAINTENANCE_LOCK]);
      if (!locked) return null;
      try {
        await qr.query(`SET lock_timeout = '10s'`);
        return await fn(session(qr));
      } finally {
        await qr.query(`RESET lock_timeout`);
        await qr.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [PARTITION_MAINTENANCE_LOCK]);
      }
    } finally {
      await qr.release();
    }
  }
}

function session(qr: QueryRunner): PartitionSession {
  const list = async (table: PartitionedTable) => {
    const rows: { name: string; detachPending: boolean }[] = await qr.query(LIST_PARTITIONS_SQL, [table]);
    return rows.flatMap((r) => {
      const month = partitionMonth(table, r.name);
      return month ? [{ ...r, month }] : [];
    });
  };
  return {
    async createAhead(table, now, ahead) {
      const existing = new Set((await list(table)).filter((p) => !p.detachPending).map((p) => p.name));
      const created: string[] = [];
      for (let i = 0; i <= ahead; i++) {
        const month = monthStart(now, i);
        if (existing.has(partitionName(table, month))) continue;
        for (const sql of createPartitionSql(table, month)) await qr.query(sql);
        created.push(partitionName(table, month));
      }
      return created;
    },
    async dropEndedBefore(table, cutoff) {
      const dropped: string[] = [];
      for (const p of await list(table)) {
        if (monthStart(p.month, 1).getTime() > cutoff.getTime()) continue;
        if (table === 'sms_message' && !p.detachPending) {
          const [{ unsent }]: { unsent: boolean }[] = await qr.query(unsentInPartitionSql(p.name));
          if (unsent) continue;
        }
        for (const sql of dropPartitionSql(table, p.name, p.detachPending)) await qr.query(sql);
        dropped.push(p.name);
      }
      return dropped;
    },
  };
}
