import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface TrustedDeviceRow {
  id: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date;
  ip_address: string | null;
  user_agent: string | null;
}

const COLUMNS = 'id, created_at, last_used_at, expires_at, ip_address, user_agent';

/**
 * SQL of the trusted_device table. Forgetting deletes the row: a forgotten token then matches
 * nothing, and the password step's statement (PasswordLoginStore) cannot use it any more.
 */
@Injectable()
export class TrustedDeviceStore {
  constructor(private readonly db: DataSource) {}

  async insert(
    em: EntityManager,
    d: { id: string; accountId: string; tokenHash: Buffer; expiresAt: Date; ip: string | null; userAgent: string | null },
    now: Date,
  ): Promise<void> {
    await em.query(
      `INSERT INTO trusted_device (id, account_id, token_hash, created_at, last_used_at, expires_at, ip_address, user_agent)
       VALUES ($1, $2, $3, $4, NULL, $5, $6, $7)`,
      [d.id, d.accountId, d.tokenHash, now, d.expiresAt, d.ip, d.userAgent],
    );
  }

  /** The account's live remembered devices, newest first. */
  live(accountId: string, now: Date, em: EntityManager = this.db.manager): Promise<TrustedDeviceRow[]> {
    return em.query(`SELECT ${COLUMNS} FROM trusted_device WHERE account_id = $1 AND expires_at > $2 ORDER BY created_at DESC, id`, [accountId, now]);
  }

  /** Deletes one device of this account; answers whether it existed (an expired one counts: it is gone either way). */
  async deleteOne(em: EntityManager, accountId: string, id: string): Promise<TrustedDeviceRow | null> {
    const rows: TrustedDeviceRow[] = await em.query(
      // A SELECT around the DELETE: TypeORM answers [rows, count] for a bare DELETE ... RETURNING.
      `WITH gone AS (DELETE FROM trusted_device WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}) SELECT * FROM gone`,
      [accountId, id],
    );
    return rows[0] ?? null;
  }

  /** Deletes every device of the account; answers how many were still live. */
  async deleteAll(em: EntityManager, accountId: string, now: Date): Promise<number> {
    const rows: { live: number }[] = await em.query(
      `WITH gone AS (DELETE FROM trusted_device WHERE account_id = $1 RETURNING expires_at)
       SELECT count(*) FILTER (WHERE expires_at > $2)::int AS live FROM gone`,
      [accountId, now],
    );
    return rows[0]?.live ?? 0;
  }
}
