import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, SecurityKeyEntity, SmsMethodEntity, TotpMethodEntity } from '@twofold/persistence';

/** The kinds of confirmed method (`two_factor_method.kind`); emergency codes are not a method here. */
export type ConfirmedMethodKind = 'SMS' | 'TOTP' | 'SECURITY_KEY';

/** Each kind's table, for the statements that touch every kind (defaults, renames, removals). */
export const METHOD_TABLES: Readonly<Record<ConfirmedMethodKind, 'sms_method' | 'totp_method' | 'security_key'>> = { SMS: 'sms_method', TOTP: 'totp_method', SECURITY_KEY: 'security_key' };

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

  securityKeys(em: EntityManager | null, accountId: string): Promise<SecurityKeyEntity[]> {
    return (em ?? this.db.manager).find(SecurityKeyEntity, { where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every confirmed method of every kind, oldest first: what the default falls back to. */
  confirmedMethods(em: EntityManager | null, accountId: string): Promise<{ id: string; kind: ConfirmedMethodKind; description: string | null; is_default: boolean; created_at: Date }[]> {
    return (em ?? this.db.manager).query(`SELECT id, kind, description, is_default, created_at FROM two_factor_method WHERE account_id = $1 ORDER BY created_at, id`, [accountId]);
  }

  /** Makes `methodId` (of `kind`) the account's only default, whatever the kind of the previous one (under the account lock). */
  async makeDefault(em: EntityManager, accountId: string, kind: ConfirmedMethodKind, methodId: string): Promise<void> {
    for (const table of Object.values(METHOD_TABLES)) await em.query(`UPDATE ${table} SET is_default = false WHERE account_id = $1 AND is_default`, [accountId]);
    await em.query(`UPDATE ${METHOD_TABLES[kind]} SET is_default = true WHERE id = $1`, [methodId]);
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
