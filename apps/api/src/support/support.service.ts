import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maskPhoneNumber, normalizeEmail } from '@twofold/two-factor-domain';
import { AccountRecoveryService } from '../account-recovery/account-recovery.service';
import { Clock } from '../common/clock';
import { lockAccount } from '../common/lock-account';
import type { RequestMeta } from '../common/request-context';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { NoticesService } from '../sms-outbox/notices.service';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { TrustedDevicesService } from '../trusted-devices/trusted-devices.service';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { TwoFactorMethodsService } from '../two-factor-methods/two-factor-methods.service';
import { SupportError, type Operator } from './support-error';
import { SupportStore, type SupportAccountRow } from './support.store';

/** How many security events `account show` lists, newest first. */
export const SUPPORT_RECENT_EVENTS = 20;

/** How long a command that queues SMS waits for Redis before leaving them to the API's relay. */
const REDIS_WAIT_MS = 3000;

export interface SupportMethod {
  kind: 'SMS' | 'TOTP' | 'SECURITY_KEY';
  id: string;
  /** The masked number, or the description of an app or key; never a full number. */
  label: string;
  description: string | null;
  status: string;
  isDefault: boolean;
  lastUsedAt: Date | null;
}

export interface SupportAccountView {
  account: { id: string; email: string; name: string; locale: string; emailVerified: boolean; createdAt: Date };
  twoFactor: { enabled: boolean; methods: SupportMethod[]; emergencyCodesLeft: number };
  sessions: number;
  rememberedDevices: number;
  recentEvents: { at: Date; type: string; detail: string | null; ipAddress: string | null; userAgent: string | null }[];
  /** An open lost-phone recovery: REQUESTED (link e-mailed, not confirmed) or WAITING (2FA removable from `readyAt`). */
  pendingRecovery: { status: 'REQUESTED' | 'WAITING'; startedAt: Date; confirmedAt: Date | null; readyAt: Date | null; expiresAt: Date } | null;
}

export interface SupportResetResult {
  accountId: string;
  email: string;
  methodsRemoved: number;
  emergencyCodesDeleted: number;
  rememberedDevicesForgotten: number;
  sessionsEnded: number;
  /** Open lost-phone recoveries cancelled (the reset makes them moot). */
  recoveriesCancelled: number;
  /** Masked numbers told by SMS (the numbers that were enabled before the reset, as far as the notice budget allows). */
  noticesQueued: string[];
}

/** What an operator's change records as its request: no IP address, the CLI and the operator's name as the user agent. */
export function operatorMeta(operator: Operator): RequestMeta {
  return { ip: null, userAgent: `twofold-cli (operator ${operator.name})`, requestId: null };
}

/**
 * The operator CLI's account commands. Every change goes through the API's own services, under
 * the account lock, as the same change made by the customer does: 2FA off as `disableTwoFactor`
 * does it (TwoFactorMethodsService.turnOffIn), sessions ended by SessionsService, events recorded
 * by SecurityEventsService, notices queued by NoticesService in the same transaction.
 */
@Injectable()
export class SupportService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly store: SupportStore,
    private readonly twoFactor: TwoFactorService,
    private readonly methods: TwoFactorMethodsService,
    private readonly sessions: SessionsService,
    private readonly devices: TrustedDevicesService,
    private readonly events: SecurityEventsService,
    private readonly outbox: SmsOutboxService,
    private readonly notices: NoticesService,
    private readonly recovery: AccountRecoveryService,
  ) {}

  private async account(email: string): Promise<SupportAccountRow> {
    const found = email.trim() ? await this.store.accountByEmail(normalizeEmail(email)) : null;
    if (!found) throw new SupportError('NOT_FOUND', `no account with e-mail ${email.trim() || '(empty)'}`);
    return found;
  }

  async show(email: string): Promise<SupportAccountView> {
    const a = await this.account(email);
    const now = this.clock.now();
    const [state, sessions, devices, events, recovery] = await Promise.all([
      this.twoFactor.state(null, a.id, now),
      this.sessions.liveOf(a.id),
      this.devices.liveOf(a.id),
      this.events.list(a.id, SUPPORT_RECENT_EVENTS, null),
      this.store.openRecovery(a.id, now),
    ]);
    const methods: SupportMethod[] = [
      ...state.smsMethods.map((m) => ({ kind: 'SMS' as const, id: m.id, label: maskPhoneNumber(m.phoneNumber), description: m.description, status: m.status, isDefault: m.isDefault, lastUsedAt: m.lastUsedAt })),
      ...state.totpMethods.map((m) => ({ kind: 'TOTP' as const, id: m.id, label: m.description ?? 'authenticator app', description: m.description, status: 'ENABLED', isDefault: m.isDefault, lastUsedAt: m.lastUsedAt })),
      ...state.securityKeys.map((k) => ({ kind: 'SECURITY_KEY' as const, id: k.id, label: k.description ?? (k.isPasskey ? 'passkey' : 'security key'), description: k.description, status: 'ENABLED', isDefault: k.isDefault, lastUsedAt: k.lastUsedAt })),
    ];
    return {
      account: { id: a.id, email: a.email, name: a.name, locale: a.locale, emailVerified: a.email_verified_at !== null, createdAt: a.created_at },
      twoFactor: { enabled: state.enabled, methods, emergencyCodesLeft: state.backupCodes.remaining },
      sessions: sessions.length,
      rememberedDevices: devices.length,
      recentEvents: events.nodes.map((e) => ({ at: e.createdAt, type: e.type, detail: e.detail, ipAddress: e.ipAddress, userAgent: e.userAgent })),
      pendingRecovery: recovery ? { status: recovery.status, startedAt: recovery.created_at, confirmedAt: recovery.confirmed_at, readyAt: recovery.ready_at, expiresAt: recovery.expires_at } : null,
    };
  }

  /**
   * Support reset: in one transaction under the account lock, 2FA goes off as `disableTwoFactor`
   * turns it off (every method, the emergency codes, the remembered devices), every session ends,
   * any open lost-phone recovery is cancelled, the event records the operator and the reason, and
   * every number that was enabled is told.
   * Refused (nothing changed) when 2FA is already off.
   */
  async resetTwoFactor(email: string, operator: Operator): Promise<SupportResetResult> {
    if (!operator.reason) throw new SupportError('BAD_USAGE', '--reason is required and must not be empty');
    const a = await this.account(email);
    const meta = operatorMeta(operator);
    // A fresh process: let the producer connect, so the notices go to the queue at commit rather than wait for the API's relay.
    await this.outbox.whenReady(REDIS_WAIT_MS);
    const now = this.clock.now();
    return this.outbox.inTransaction(async (em) => {
      const account = await lockAccount(em, a.id);
      if (!(await this.twoFactor.isEnabled(em, a.id)) && (await this.twoFactor.backupCodes(em, a.id)).remaining === 0) {
        throw new SupportError('REFUSED', `two-factor authentication is already off for ${a.email}: nothing was changed`);
      }
      const off = await this.methods.turnOffIn(em, a.id, meta, now, 'forgotten: 2FA reset by support');
      const sessionsEnded = await this.sessions.revokeAllOf(em, a.id, now);
      const recoveriesCancelled = await this.recovery.cancelAllOf(em, a.id, meta, now, 'two-factor reset by support');
      await this.events.record(em, a.id, 'TWO_FACTOR_RESET_BY_SUPPORT', meta, now, `by ${operator.name}: ${operator.reason} (${off.methods} method(s) removed)`);
      if (off.codes > 0) await this.events.record(em, a.id, 'BACKUP_CODES_DELETED', meta, now);
      if (sessionsEnded > 0) await this.events.record(em, a.id, 'SESSION_REVOKED', meta, now, `${sessionsEnded} session(s) ended: two-factor reset by support`);
      const queued = await this.notices.queue(em, { accountId: a.id, locale: account.locale, kind: 'TWO_FACTOR_RESET_BY_SUPPORT', targets: off.numbers, meta }, now);
      return {
        accountId: a.id,
        email: a.email,
        methodsRemoved: off.methods,
        emergencyCodesDeleted: off.codes,
        rememberedDevicesForgotten: off.devices,
        sessionsEnded,
        recoveriesCancelled,
        noticesQueued: queued.map((m) => maskPhoneNumber(m.phoneNumber)),
      };
    });
  }

  /** Ends every live session of the account (under the account lock) and records it, with the operator (and the reason, when given). */
  async revokeSessions(email: string, operator: Operator): Promise<{ accountId: string; email: string; sessionsEnded: number }> {
    const a = await this.account(email);
    const meta = operatorMeta(operator);
    const now = this.clock.now();
    const sessionsEnded = await this.db.transaction(async (em) => {
      await lockAccount(em, a.id);
      const ended = await this.sessions.revokeAllOf(em, a.id, now);
      const why = operator.reason ? `: ${operator.reason}` : '';
      await this.events.record(em, a.id, 'SESSION_REVOKED', meta, now, `${ended} session(s) ended by support (${operator.name})${why}`);
      return ended;
    });
    return { accountId: a.id, email: a.email, sessionsEnded };
  }
}
