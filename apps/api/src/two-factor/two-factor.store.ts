import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, SmsMethodEntity } from '@twofold/persistence';

const ENABLED_SQL = `SELECT EXISTS (SELECT 1 FROM sms_method WHERE account_id = $1 AND status = 'ENABLED') AS enabled`;

/** SQL of an account's second-factor state: its methods and its emergency codes' counts. */
@Injectable()
export class TwoFactorStore {
  constructor(private readonly db: DataSource) {}

  /** ENABLED methods and PENDING ones created after `pendingCutoff`, oldest first. */
  methods(em: EntityManager | null, accountId: string, pendingCutoff: Date): Promise<SmsMethodEntity[]> {
    return (em ?? this.db.manager)
      .getRepository(SmsMethodEntity)
      .createQueryBuilder('m')
      .where('m.account_id = :accountId', { accountId })
      .andWhere(`(m.status = 'ENABLED' OR m.created_at > :cutoff)`, { cutoff: pendingCutoff })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }

  enabledMethods(em: EntityManager | null, accountId: string): Promise<SmsMethodEntity[]> {
    return (em ?? this.db.manager).find(SmsMethodEntity, { where: { accountId, status: 'ENABLED' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Outside a transaction a prepared statement (every `me { twoFactor { enabled } }` asks it). */
  async isEnabled(em: EntityManager | null, accountId: string): Promise<boolean> {
    const rows = await prepared<{ enabled: boolean }>(em ?? this.db, 'two-factor-enabled', ENABLED_SQL, [accountId]);
    return rows[0]?.enabled === true;
  }

  async backupCodeCounts(em: EntityManager | null, accountId: string): Promise<{ total: number; remaining: number; generated_at: Date | null }> {
    const rows: { total: number; remaining: number; generated_at: Date | null }[] = await (em ?? this.db.manager).query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE used_at IS NULL)::int AS remaining, min(created_at) AS generated_at
         FROM backup_code WHERE account_id = $1`,
      [accountId],
    );
    return rows[0] ?? { total: 0, remaining: 0, generated_at: null };
  }
}
