import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, SmsMethodEntity, TotpMethodEntity } from '@twofold/persistence';

/** 2FA is on while the account has a confirmed method of any kind (the `two_factor_method` view). */
const ENABLED_SQL = `SELECT EXISTS (SELECT 1 FROM two_factor_method WHERE account_id = $1) AS enabled`;

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

  totpMethods(em: EntityManager | null, accountId: string): Promise<TotpMethodEntity[]> {
    return (em ?? this.db.manager).find(TotpMethodEntity, { where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every confirmed method of every kind, oldest first: what the default falls back to. */
  confirmedMethods(em: EntityManager | null, accountId: string): Promise<{ id: string; kind: 'SMS' | 'TOTP'; is_default: boolean; created_at: Date }[]> {
    return (em ?? this.db.manager).query(`SELECT id, kind, is_default, created_at FROM two_factor_method WHERE account_id = $1 ORDER BY created_at, id`, [accountId]);
  }

  /** Makes `methodId` (of `kind`) the account's only default, whatever the kind of the previous one (under the account lock). */
  async makeDefault(em: EntityManager, accountId: string, kind: 'SMS' | 'TOTP', methodId: string): Promise<void> {
    await em.query(`UPDATE sms_method SET is_default = false WHERE account_id = $1 AND is_default`, [accountId]);
    await em.query(`UPDATE totp_method SET is_default = false WHERE account_id = $1 AND is_default`, [accountId]);
    await em.query(kind === 'SMS' ? `UPDATE sms_method SET is_default = true WHERE id = $1` : `UPDATE totp_method SET is_default = true WHERE id = $1`, [methodId]);
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
