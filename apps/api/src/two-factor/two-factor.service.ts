import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SmsMethodEntity } from '@twofold/persistence';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { preparedQuery } from '../common/sql';
import { DESCRIPTION_MAX_LENGTH } from '@twofold/two-factor-domain';

export interface BackupCodesState {
  active: boolean;
  remaining: number;
  total: number;
  generatedAt: Date | null;
}

/** The account's limits, from configuration: the web app shows them instead of constants. */
export interface TwoFactorLimits {
  smsMethodsPerAccount: number;
  descriptionMaxLength: number;
}

export interface TwoFactorState {
  enabled: boolean;
  defaultMethodId: string | null;
  /** Enabled numbers and pending ones not yet expired, oldest first. */
  smsMethods: SmsMethodEntity[];
  backupCodes: BackupCodesState;
  limits: TwoFactorLimits;
}

/** Reads an account's second-factor state: 2FA is on while at least one number is ENABLED. */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  pendingCutoff(now: Date): Date {
    return new Date(now.getTime() - this.config.timings.pendingMethodTtlSeconds * 1000);
  }

  /** Methods that count: ENABLED ones and PENDING ones younger than the pending TTL. */
  async methods(em: EntityManager | null, accountId: string, now: Date): Promise<SmsMethodEntity[]> {
    return (em ?? this.db.manager)
      .getRepository(SmsMethodEntity)
      .createQueryBuilder('m')
      .where('m.account_id = :accountId', { accountId })
      .andWhere(`(m.status = 'ENABLED' OR m.created_at > :cutoff)`, { cutoff: this.pendingCutoff(now) })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }

  async enabledMethods(em: EntityManager | null, accountId: string): Promise<SmsMethodEntity[]> {
    return (em ?? this.db.manager).find(SmsMethodEntity, { where: { accountId, status: 'ENABLED' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async isEnabled(em: EntityManager | null, accountId: string): Promise<boolean> {
    const sql = `SELECT EXISTS (SELECT 1 FROM sms_method WHERE account_id = $1 AND status = 'ENABLED') AS enabled`;
    const rows: { enabled: boolean }[] = em ? await em.query(sql, [accountId]) : await preparedQuery(this.db, 'two-factor-enabled', sql, [accountId]);
    return rows[0]?.enabled === true;
  }

  async backupCodes(em: EntityManager | null, accountId: string): Promise<BackupCodesState> {
    const rows: { total: number; remaining: number; generated_at: Date | null }[] = await (em ?? this.db.manager).query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE used_at IS NULL)::int AS remaining, min(created_at) AS generated_at
         FROM backup_code WHERE account_id = $1`,
      [accountId],
    );
    const r = rows[0] ?? { total: 0, remaining: 0, generated_at: null };
    return { active: r.remaining > 0, remaining: r.remaining, total: r.total, generatedAt: r.generated_at };
  }

  async state(em: EntityManager | null, accountId: string, now: Date): Promise<TwoFactorState> {
    const [smsMethods, backupCodes] = await Promise.all([this.methods(em, accountId, now), this.backupCodes(em, accountId)]);
    const enabled = smsMethods.some((m) => m.status === 'ENABLED');
    return { enabled, defaultMethodId: smsMethods.find((m) => m.isDefault && m.status === 'ENABLED')?.id ?? null, smsMethods, backupCodes, limits: this.limits() };
  }

  limits(): TwoFactorLimits {
    return { smsMethodsPerAccount: this.config.limits.smsMethodsPerAccount, descriptionMaxLength: DESCRIPTION_MAX_LENGTH };
  }
}

