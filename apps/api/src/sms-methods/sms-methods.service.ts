import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SmsMethodEntity } from '@twofold/persistence';
import type { SmsChannel } from '@twofold/sms-queue';
import { cleanText, DESCRIPTION_MAX_LENGTH, maskPhoneNumber, normalizeSmsCode, parseMobileNumber } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { lockAccount } from '../common/lock-account';
import { isUuid } from '../common/ids';
import type { AuthState, RequestMeta } from '../common/request-context';
import { NoticesService } from '../sms-outbox/notices.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { SmsCodesService } from '../sms-codes/sms-codes.service';
import { toDispatchModel } from '../sms-codes/dto/to-dispatch';
import type { SmsCodeDispatchModel } from '../sms-codes/dto/sms-code-dispatch.type';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { TwoFactorService, type TwoFactorState } from '../two-factor/two-factor.service';
import { TwoFactorActivationService } from '../two-factor-activation/two-factor-activation.service';
import { SmsMethodStore } from './sms-method.store';

type ConfirmOutcome =
  | { kind: 'ok'; method: SmsMethodEntity; backupCodes: string[] | null }
  | { kind: 'wrong'; remaining: number }
  | { kind: 'expired' };

@Injectable()
export class SmsMethodsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly twoFactor: TwoFactorService,
    private readonly smsCodes: SmsCodesService,
    private readonly notices: NoticesService,
    private readonly outbox: SmsOutboxService,
    private readonly sessions: SessionsService,
    private readonly events: SecurityEventsService,
    private readonly store: SmsMethodStore,
    private readonly activation: TwoFactorActivationService,
  ) {}

  /** REAUTH_REQUIRED unless the session fully authenticated within REAUTH_WINDOW_SECONDS. */
  requireRecentAuth(auth: AuthState): void {
    if (!this.sessions.isRecentlyAuthenticated(auth.session, this.clock.now())) throw Errors.reauthRequired();
  }

  async add(auth: AuthState, phoneNumber: string, meta: RequestMeta): Promise<{ method: SmsMethodEntity; dispatch: SmsCodeDispatchModel }> {
    const accountId = auth.account.id;
    // The first number too: a stolen session must not bind the thief's phone and take the emergency codes.
    this.requireRecentAuth(auth);
    const parsed = parseMobileNumber(phoneNumber, this.config.sms.allowedCountries, { allowFictional: this.config.sms.allowFictionalNumbers });
    if (!parsed.ok) throw parsed.problem === 'COUNTRY_NOT_ALLOWED' ? Errors.countryNotAllowed(parsed.message) : Errors.phoneInvalid(parsed.message);
    const { e164, countryCode } = parsed.value;
    const now = this.clock.now();

    const result = await this.outbox.inTransaction(async (em) => {
      // Serialises adds on one account so the 5-number cap and duplicates are decided once.
      await lockAccount(em, accountId);
      const existing = await this.store.byNumber(em, accountId, e164);
      if (existing) {
        const stale = existing.status === 'PENDING_VERIFICATION' && (existing.createdAt <= this.twoFactor.pendingCutoff(now) || existing.failedAttempts >= this.config.limits.codeAttempts);
        if (!stale) throw Errors.phoneTaken();
        // An expired or exhausted confirmation may be started again; sending limits still apply.
        await this.store.remove(em, existing.id);
      }
      const count = (await this.twoFactor.methods(em, accountId, now)).length;
      if (count >= this.config.limits.smsMethodsPerAccount) {
        throw Errors.badInput({ phoneNumber: `You can register at most ${this.config.limits.smsMethodsPerAccount} numbers.` }, 'Too many numbers.');
      }
      const method = em.create(SmsMethodEntity, {
        id: randomUUID(),
        accountId,
        phoneNumber: e164,
        maskedPhoneNumber: maskPhoneNumber(e164),
        countryCode,
        description: null,
        status: 'PENDING_VERIFICATION',
        isDefault: false,
        failedAttempts: 0,
        createdAt: now,
        verifiedAt: null,
        lastUsedAt: null,
      });
      await this.store.insert(em, method);
      const issued = await this.smsCodes.issue(em, { method, purpose: 'METHOD_CONFIRMATION', ticket: null, locale: auth.account.locale, clientIp: meta.ip, requestId: meta.requestId }, now);
      await this.events.record(em, accountId, 'SMS_METHOD_ADDED', meta, now, maskPhoneNumber(e164));
      if (await this.twoFactor.isEnabled(em, accountId)) {
        await this.notices.queue(em, { accountId, locale: auth.account.locale, kind: 'SMS_METHOD_ADDED', exceptMethodId: method.id, meta }, now);
      }
      return { method, issued };
    });
    return { method: result.method, dispatch: toDispatchModel(result.issued.message, result.issued.resendAvailableAt) };
  }

  /** `channel` VOICE: "Call me instead" for the pending number (voice-calls/), the same limits. */
  async resend(auth: AuthState, methodId: string, meta: RequestMeta, channel: SmsChannel = 'SMS'): Promise<SmsCodeDispatchModel> {
    const now = this.clock.now();
    const issued = await this.outbox.inTransaction(async (em) => {
      const method = await this.pendingMethod(em, auth.account.id, methodId, now, true);
      return this.smsCodes.issue(em, { method, purpose: 'METHOD_CONFIRMATION', ticket: null, locale: auth.account.locale, clientIp: meta.ip, requestId: meta.requestId, channel }, now);
    });
    return toDispatchModel(issued.message, issued.resendAvailableAt);
  }

  async confirm(
    auth: AuthState,
    input: { methodId: string; code: string; description?: string | null },
    meta: RequestMeta,
  ): Promise<{ method: SmsMethodEntity; twoFactor: TwoFactorState; backupCodes: string[] | null }> {
    const description = cleanText(input.description, DESCRIPTION_MAX_LENGTH);
    const code = normalizeSmsCode(input.code ?? '');
    const fields: Record<string, string> = {};
    if (!description.ok) fields['description'] = description.message;
    if (!code) fields['code'] = 'Enter the 6-digit code.';
    if (Object.keys(fields).length > 0) throw Errors.badInput(fields);
    const accountId = auth.account.id;
    const now = this.clock.now();

    const outcome = await this.db.transaction(async (em): Promise<ConfirmOutcome> => {
      // The account lock serialises confirmations, so "first confirmed number" is decided once.
      await lockAccount(em, accountId);
      const method = await this.pendingMethod(em, accountId, input.methodId, now, true);
      const result = await this.smsCodes.check(em, { methodId: method.id, purpose: 'METHOD_CONFIRMATION', ticket: null, code: code as string }, now);
      if (result === 'expired') return { kind: 'expired' };
      if (result === 'wrong') {
        await this.store.countFailure(em, method.id);
        return { kind: 'wrong', remaining: Math.max(0, this.config.limits.codeAttempts - (method.failedAttempts + 1)) };
      }
      const wasEnabled = await this.twoFactor.isEnabled(em, accountId);
      method.status = 'ENABLED';
      method.verifiedAt = now;
      method.description = description.ok ? description.value : null;
      method.isDefault = !wasEnabled;
      await this.store.enable(em, method);
      await this.events.record(em, accountId, 'SMS_METHOD_CONFIRMED', meta, now, maskPhoneNumber(method.phoneNumber));
      const backupCodes = wasEnabled ? null : await this.activation.turnedOn(em, accountId, auth.session.id, meta, now);
      return { kind: 'ok', method, backupCodes };
    });

    if (outcome.kind === 'wrong') throw Errors.invalidCode(outcome.remaining);
    if (outcome.kind === 'expired') throw Errors.codeExpired();
    return { method: outcome.method, twoFactor: await this.twoFactor.state(null, accountId, now), backupCodes: outcome.backupCodes };
  }

  /** Sets the description; `null` or blank clears it, leaving the field out changes nothing. */
  async update(auth: AuthState, input: { methodId: string; description?: string | null }, meta: RequestMeta): Promise<SmsMethodEntity> {
    const description = cleanText(input.description, DESCRIPTION_MAX_LENGTH);
    if (!description.ok) throw Errors.badInput({ description: description.message });
    const now = this.clock.now();
    const method = await this.ownMethod(this.db.manager, auth.account.id, input.methodId, now);
    if (input.description === undefined) return method;
    method.description = description.value;
    await this.db.transaction(async (em) => {
      await this.store.describe(em, method.id, description.value);
      await this.events.record(em, auth.account.id, 'SMS_METHOD_UPDATED', meta, now, maskPhoneNumber(method.phoneNumber));
    });
    return method;
  }

  async remove(auth: AuthState, methodId: string, meta: RequestMeta): Promise<TwoFactorState> {
    this.requireRecentAuth(auth);
    const accountId = auth.account.id;
    const now = this.clock.now();
    await this.outbox.inTransaction(async (em) => {
      const account = await lockAccount(em, accountId);
      const method = await this.ownMethod(em, accountId, methodId, now);
      await this.store.remove(em, method.id);
      await this.events.record(em, accountId, 'SMS_METHOD_REMOVED', meta, now, maskPhoneNumber(method.phoneNumber));
      // A pending number never was a method: only a confirmed one's removal has consequences
      // (methods of every kind count: an authenticator app keeps 2FA on when the last number goes).
      if (method.status === 'ENABLED') {
        const { turnedOff } = await this.activation.methodRemoved(em, accountId, method.isDefault, meta, now, 'last number removed');
        if (turnedOff) {
          // The number that was enabled is told, though it is gone from the account.
          await this.notices.queue(em, { accountId, locale: account.locale, kind: 'TWO_FACTOR_DISABLED', targets: [method], meta }, now);
          return;
        }
      }
      // Any removal (a pending number too) is told to the enabled numbers; none when 2FA is off.
      await this.notices.queue(em, { accountId, locale: account.locale, kind: 'SMS_METHOD_REMOVED', exceptMethodId: method.id, meta }, now);
    });
    return this.twoFactor.state(null, accountId, now);
  }

  async setDefault(auth: AuthState, methodId: string, meta: RequestMeta): Promise<TwoFactorState> {
    this.requireRecentAuth(auth);
    const accountId = auth.account.id;
    const now = this.clock.now();
    await this.outbox.inTransaction(async (em) => {
      const account = await lockAccount(em, accountId);
      // The default may be of any kind: a number or an authenticator app.
      const confirmed = isUuid(methodId) ? (await this.twoFactor.confirmedMethods(em, accountId)).find((m) => m.id === methodId) : undefined;
      if (!confirmed) {
        const method = await this.ownMethod(em, accountId, methodId, now);
        if (method.status !== 'ENABLED') throw Errors.methodNotEnabled();
        throw Errors.notFound('Method');
      }
      if (confirmed.is_default) return;
      await this.twoFactor.makeDefault(em, accountId, confirmed.kind, confirmed.id);
      await this.events.record(em, accountId, 'DEFAULT_METHOD_CHANGED', meta, now, await this.twoFactor.eventLabel(em, accountId, confirmed));
      // To every enabled number: the one that stopped being the default sees it too.
      await this.notices.queue(em, { accountId, locale: account.locale, kind: 'DEFAULT_METHOD_CHANGED', meta }, now);
    });
    return this.twoFactor.state(null, accountId, now);
  }

  /** An account's own method (pending ones only while not expired), else NOT_FOUND. */
  private async ownMethod(em: EntityManager, accountId: string, methodId: string, now: Date, lock = false): Promise<SmsMethodEntity> {
    if (!isUuid(methodId)) throw Errors.notFound('Method');
    const method = await this.store.own(em, accountId, methodId, lock);
    if (!method || (method.status === 'PENDING_VERIFICATION' && method.createdAt <= this.twoFactor.pendingCutoff(now))) throw Errors.notFound('Method');
    return method;
  }

  private async pendingMethod(em: EntityManager, accountId: string, methodId: string, now: Date, lock: boolean): Promise<SmsMethodEntity> {
    const method = await this.ownMethod(em, accountId, methodId, now, lock);
    if (method.status !== 'PENDING_VERIFICATION') throw Errors.badInput({ methodId: 'This number is already confirmed.' }, 'This number is already confirmed.');
    if (method.failedAttempts >= this.config.limits.codeAttempts) {
      throw Errors.tooManyAttempts(0, 'Too many wrong codes for this number: remove it and add it again.');
    }
    return method;
  }
}
