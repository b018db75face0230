import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SmsMethodEntity } from '@twofold/persistence';
import { cleanText, DESCRIPTION_MAX_LENGTH } from '@twofold/two-factor-domain';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { isUuid } from '../common/ids';
import { lockAccount } from '../common/lock-account';
import type { AuthState, RequestMeta } from '../common/request-context';
import { BackupCodesService } from '../backup-codes/backup-codes.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { SmsMethodsService } from '../sms-methods/sms-methods.service';
import { NoticesService } from '../sms-outbox/notices.service';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { TrustedDevicesService } from '../trusted-devices/trusted-devices.service';
import { TwoFactorService, type TwoFactorState } from '../two-factor/two-factor.service';
import { TwoFactorActivationService } from '../two-factor-activation/two-factor-activation.service';
import { TwoFactorMethodsStore } from './two-factor-methods.store';

/**
 * The changes that speak of every kind of method (contract v2): rename, remove, turn 2FA off.
 * Each needs the sudo window, as every sensitive change does, and runs under the account lock.
 */
@Injectable()
export class TwoFactorMethodsService {
  constructor(
    private readonly clock: Clock,
    private readonly store: TwoFactorMethodsStore,
    private readonly twoFactor: TwoFactorService,
    private readonly smsMethods: SmsMethodsService,
    private readonly backupCodes: BackupCodesService,
    private readonly sessions: SessionsService,
    private readonly events: SecurityEventsService,
    private readonly notices: NoticesService,
    private readonly outbox: SmsOutboxService,
    private readonly trustedDevices: TrustedDevicesService,
    private readonly activation: TwoFactorActivationService,
  ) {}

  private requireRecentAuth(auth: AuthState, now: Date): void {
    if (!this.sessions.isRecentlyAuthenticated(auth.session, now)) throw Errors.reauthRequired();
  }

  /** Renames a confirmed method of any kind; `null` or blank clears the description, leaving it out changes nothing. */
  async update(auth: AuthState, input: { methodId: string; description?: string | null }, meta: RequestMeta): Promise<TwoFactorState> {
    const description = cleanText(input.description, DESCRIPTION_MAX_LENGTH);
    if (!description.ok) throw Errors.badInput({ description: description.message });
    const now = this.clock.now();
    this.requireRecentAuth(auth, now);
    const accountId = auth.account.id;
    await this.outbox.inTransaction(async (em) => {
      await lockAccount(em, accountId);
      const method = isUuid(input.methodId) ? (await this.twoFactor.confirmedMethods(em, accountId)).find((m) => m.id === input.methodId) : undefined;
      if (!method) throw Errors.notFound('Method');
      if (input.description === undefined) return;
      await this.store.describe(em, method.kind, method.id, description.value);
      await this.events.record(em, accountId, 'TWO_FACTOR_METHOD_UPDATED', meta, now, await this.twoFactor.eventLabel(em, accountId, method));
    });
    return this.twoFactor.state(null, accountId, now);
  }

  /** Removes a method of any kind; removing the last one turns 2FA off and deletes the emergency codes, as removeSmsMethod does. */
  async remove(auth: AuthState, methodId: string, meta: RequestMeta): Promise<TwoFactorState> {
    const now = this.clock.now();
    this.requireRecentAuth(auth, now);
    const accountId = auth.account.id;
    const found = isUuid(methodId) ? (await this.twoFactor.confirmedMethods(null, accountId)).find((m) => m.id === methodId) : undefined;
    // A number (pending or enabled) goes the v1 way, with its notices and events.
    if (!found || found.kind === 'SMS') return this.smsMethods.remove(auth, methodId, meta);
    const kind = found.kind;
    await this.outbox.inTransaction(async (em) => {
      const account = await lockAccount(em, accountId);
      const current = (await this.twoFactor.confirmedMethods(em, accountId)).find((m) => m.id === methodId && m.kind === kind);
      if (!current) throw Errors.notFound('Method');
      await this.store.deleteMethod(em, kind, methodId);
      const what = await this.twoFactor.eventLabel(em, accountId, current);
      await this.events.record(em, accountId, 'TWO_FACTOR_METHOD_REMOVED', meta, now, current.description ? `${what} (${current.description})` : what);
      if ((await this.activation.methodRemoved(em, accountId, current.is_default, meta, now, 'last method removed')).turnedOff) return;
      await this.notices.queue(em, { accountId, locale: account.locale, kind: 'TWO_FACTOR_METHOD_REMOVED', meta }, now);
    });
    return this.twoFactor.state(null, accountId, now);
  }

  /** Turns 2FA off: every method, the emergency codes (and, when they exist, the remembered devices) go; the removed numbers are told. */
  async disable(auth: AuthState, meta: RequestMeta): Promise<TwoFactorState> {
    const now = this.clock.now();
    this.requireRecentAuth(auth, now);
    const accountId = auth.account.id;
    await this.outbox.inTransaction(async (em) => {
      const account = await lockAccount(em, accountId);
      const off = await this.turnOffIn(em, accountId, meta, now, 'forgotten: 2FA turned off');
      if (off.methods === 0 && off.codes === 0) return;
      if (off.methods > 0) await this.events.record(em, accountId, 'TWO_FACTOR_DISABLED', meta, now, `turned off: ${off.methods} method(s) removed`);
      if (off.codes > 0) await this.events.record(em, accountId, 'BACKUP_CODES_DELETED', meta, now);
      await this.notices.queue(em, { accountId, locale: account.locale, kind: 'TWO_FACTOR_DISABLED', targets: off.numbers, meta }, now);
    });
    return this.twoFactor.state(null, accountId, now);
  }

  /**
   * What turning 2FA off removes, in the caller's transaction (which holds the account lock):
   * every method of every kind, the emergency codes and the remembered devices (their event, with
   * `devicesReason`). Answers the numbers that were enabled (the notices' targets) and the counts;
   * the caller records its own events. `disable` and the operator CLI's support reset share it.
   */
  async turnOffIn(em: EntityManager, accountId: string, meta: RequestMeta, now: Date, devicesReason: string): Promise<{ numbers: SmsMethodEntity[]; methods: number; codes: number; devices: number }> {
    const numbers = await this.twoFactor.enabledMethods(em, accountId);
    const methods = await this.store.deleteAll(em, accountId);
    const codes = await this.backupCodes.deleteSet(em, accountId);
    const devices = await this.trustedDevices.forgetAllOf(em, accountId, meta, now, devicesReason);
    return { numbers, methods, codes, devices };
  }
}
