import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SecurityKeyEntity, SmsMethodEntity, TotpMethodEntity } from '@twofold/persistence';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TwoFactorStore, type ConfirmedMethodKind } from './two-factor.store';

export type { ConfirmedMethodKind } from './two-factor.store';

/** At most this many security keys and passkeys per account (contract §7). */
export const SECURITY_KEYS_PER_ACCOUNT = 10;
import { DESCRIPTION_MAX_LENGTH, maskPhoneNumber } from '@twofold/two-factor-domain';

export interface BackupCodesState {
  active: boolean;
  remaining: number;
  total: number;
  generatedAt: Date | null;
}

/** The account's limits, from configuration: the web app shows them instead of constants. */
export interface TwoFactorLimits {
  smsMethodsPerAccount: number;
  securityKeysPerAccount: number;
  descriptionMaxLength: number;
}

export interface TwoFactorState {
  enabled: boolean;
  defaultMethodId: string | null;
  /** Enabled numbers and pending ones not yet expired, oldest first. */
  smsMethods: SmsMethodEntity[];
  /** Confirmed authenticator apps, oldest first. */
  totpMethods: TotpMethodEntity[];
  /** Security keys and passkeys, oldest first. */
  securityKeys: SecurityKeyEntity[];
  backupCodes: BackupCodesState;
  limits: TwoFactorLimits;
}

/** Reads an account's second-factor state: 2FA is on while it has a confirmed method of any kind. */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly store: TwoFactorStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  pendingCutoff(now: Date): Date {
    return new Date(now.getTime() - this.config.timings.pendingMethodTtlSeconds * 1000);
  }

  /** Methods that count: ENABLED ones and PENDING ones younger than the pending TTL. */
  methods(em: EntityManager | null, accountId: string, now: Date): Promise<SmsMethodEntity[]> {
    return this.store.methods(em, accountId, this.pendingCutoff(now));
  }

  enabledMethods(em: EntityManager | null, accountId: string): Promise<SmsMethodEntity[]> {
    return this.store.enabledMethods(em, accountId);
  }

  isEnabled(em: EntityManager | null, accountId: string): Promise<boolean> {
    return this.store.isEnabled(em, accountId);
  }

  totpMethods(em: EntityManager | null, accountId: string): Promise<TotpMethodEntity[]> {
    return this.store.totpMethods(em, accountId);
  }

  securityKeys(em: EntityManager | null, accountId: string): Promise<SecurityKeyEntity[]> {
    return this.store.securityKeys(em, accountId);
  }

  /** Every confirmed method of every kind, oldest first. */
  confirmedMethods(em: EntityManager | null, accountId: string) {
    return this.store.confirmedMethods(em, accountId);
  }

  /** What a security event says about a confirmed method: its masked number, "authenticator app" or "security key". */
  async eventLabel(em: EntityManager | null, accountId: string, method: { id: string; kind: ConfirmedMethodKind }): Promise<string> {
    if (method.kind === 'TOTP') return 'authenticator app';
    if (method.kind === 'SECURITY_KEY') return 'security key';
    const number = (await this.enabledMethods(em, accountId)).find((m) => m.id === method.id);
    return number ? maskPhoneNumber(number.phoneNumber) : 'number';
  }

  /** `methodId` becomes the only default, of whatever kind (under the account lock). */
  makeDefault(em: EntityManager, accountId: string, kind: ConfirmedMethodKind, methodId: string): Promise<void> {
    return this.store.makeDefault(em, accountId, kind, methodId);
  }

  async backupCodes(em: EntityManager | null, accountId: string): Promise<BackupCodesState> {
    const r = await this.store.backupCodeCounts(em, accountId);
    return { active: r.remaining > 0, remaining: r.remaining, total: r.total, generatedAt: r.generated_at };
  }

  async state(em: EntityManager | null, accountId: string, now: Date): Promise<TwoFactorState> {
    const [smsMethods, totpMethods, securityKeys, backupCodes] = em
      ? [await this.methods(em, accountId, now), await this.totpMethods(em, accountId), await this.securityKeys(em, accountId), await this.backupCodes(em, accountId)]
      : await Promise.all([this.methods(null, accountId, now), this.totpMethods(null, accountId), this.securityKeys(null, accountId), this.backupCodes(null, accountId)]);
    const confirmed = [...smsMethods.filter((m) => m.status === 'ENABLED'), ...totpMethods, ...securityKeys];
    const enabled = confirmed.length > 0;
    return { enabled, defaultMethodId: confirmed.find((m) => m.isDefault)?.id ?? null, smsMethods, totpMethods, securityKeys, backupCodes, limits: this.limits() };
  }

  limits(): TwoFactorLimits {
    return { smsMethodsPerAccount: this.config.limits.smsMethodsPerAccount, securityKeysPerAccount: SECURITY_KEYS_PER_ACCOUNT, descriptionMaxLength: DESCRIPTION_MAX_LENGTH };
  }
}

