import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AccountEntity, LoginTicketEntity, LoginTicketPurpose } from '@twofold/persistence';
import type { SmsChannel } from '@twofold/sms-queue';
import { addSeconds, normalizeBackupCode, normalizeSmsCode } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { lockAccount } from '../common/lock-account';
import type { AuthState, RequestMeta } from '../common/request-context';
import { toAccountModel } from '../accounts/dto/to-account';
import { SecurityEventsService } from '../security-events/security-events.service';
import type { SessionModel } from '../sessions/dto/session.type';
import { SessionsService } from '../sessions/sessions.service';
import type { SmsCodeDispatchModel } from '../sms-codes/dto/sms-code-dispatch.type';
import { toDispatchModel } from '../sms-codes/dto/to-dispatch';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { parseAuthenticationCredential } from '../webauthn/webauthn-json.util';
import { TrustedDevicesService } from '../trusted-devices/trusted-devices.service';
import { orderChallengeMethods } from './challenge-labels';
import { TwoFactorMethodKind, type TwoFactorChallengeModel } from './dto/two-factor-challenge.type';
import { blockedFor, blockUntil, triesLeftAfterFailure } from './lockout-policy';
import { SECOND_FACTOR_METHODS, type MethodRegistry } from './methods/method-registry';
import type { SecondFactorMethod } from './methods/second-factor-method';
import { SecurityKeyMethod, type SecurityKeyRequest } from './methods/security-key/security-key.method';
import { SmsMethod } from './methods/sms/sms.method';
import { TotpMethod } from './methods/totp/totp.method';
import { SecondFactorStore } from './second-factor.store';
import { TicketStore } from './ticket.store';
import { TicketsService } from './tickets.service';

type Outcome = { kind: 'ok'; session: SessionModel } | { kind: 'wrong'; remaining: number } | { kind: 'expired' } | { kind: 'blocked'; retryAfter: number };

/**
 * The second step of login (and of sudo mode): challenges, preparing a method (sending a code),
 * completion and the account-wide lockout. Each kind of method is a plug-in (methods/); this
 * service holds what every kind shares.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECOND_FACTOR_METHODS) private readonly methods: MethodRegistry,
    private readonly sms: SmsMethod,
    private readonly totp: TotpMethod,
    private readonly securityKey: SecurityKeyMethod,
    private readonly tickets: TicketsService,
    private readonly ticketStore: TicketStore,
    private readonly store: SecondFactorStore,
    private readonly sessions: SessionsService,
    private readonly events: SecurityEventsService,
    private readonly outbox: SmsOutboxService,
    private readonly trustedDevices: TrustedDevicesService,
  ) {}

  /** A new ticket (LOGIN, or REAUTH bound to `sessionId`) and its TwoFactorChallenge, in the caller's transaction. */
  async openChallenge(em: EntityManager, accountId: string, purpose: LoginTicketPurpose, sessionId: string | null, now: Date): Promise<TwoFactorChallengeModel> {
    const { ticket, entity } = await this.tickets.create(em, accountId, purpose, sessionId, now);
    const described = [];
    // One after the other: they share the transaction's connection.
    for (const m of this.methods.values()) described.push(...(await m.describe(em, accountId)));
    const methods = orderChallengeMethods(described);
    return { ticket, expiresAt: entity.expiresAt, defaultMethod: methods[0], methods };
  }

  /** `channel` VOICE: "Call me instead" (voice-calls/), the same ticket rules and sending limits. */
  async sendLoginSmsCode(ticket: string, methodId: string, meta: RequestMeta, auth: AuthState | null, channel: SmsChannel = 'SMS'): Promise<SmsCodeDispatchModel> {
    const now = this.clock.now();
    const issued = await this.outbox.inTransaction((em) => this.sms.prepare(em, { ticket, methodId, auth, meta, now, channel }));
    return toDispatchModel(issued.message, issued.resendAvailableAt);
  }

  async completeWithSms(ticket: string, methodId: string, code: string, meta: RequestMeta, auth: AuthState | null, rememberDevice = false): Promise<SessionModel> {
    const normalized = normalizeSmsCode(code);
    if (!normalized) throw Errors.badInput({ code: 'Enter the 6-digit code.' });
    // One instant for the whole request: the fast path, the locked path and the code check judge
    // the guess at the same time, so a guess compared before expiry is always counted.
    const now = this.clock.now();
    // Remembering the device takes the locked path: the one-statement path makes no device.
    const fast = rememberDevice ? null : await this.sms.completeAtOnce(ticket, methodId, normalized, meta, now);
    return fast ?? this.completeLocked(this.sms, ticket, methodId, normalized, meta, auth, now, rememberDevice);
  }

  /** An authenticator app's code: the two-round-trip path first (TotpMethod.completeAtOnce), else the shared locked step. */
  async completeWithTotp(ticket: string, methodId: string, code: string, meta: RequestMeta, auth: AuthState | null, rememberDevice = false): Promise<SessionModel> {
    const normalized = normalizeSmsCode(code);
    if (!normalized) throw Errors.badInput({ code: 'Enter the 6-digit code from your authenticator app.' });
    const now = this.clock.now();
    const fast = rememberDevice ? null : await this.totp.completeAtOnce(ticket, methodId, normalized, meta, now);
    return fast ?? this.completeLocked(this.totp, ticket, methodId, normalized, meta, auth, now, rememberDevice);
  }

  async completeWithBackupCode(ticket: string, code: string, meta: RequestMeta, auth: AuthState | null, rememberDevice = false): Promise<SessionModel> {
    const normalized = normalizeBackupCode(code);
    if (!normalized) throw Errors.badInput({ code: 'Enter an emergency code like XXXX-XXXX-XXXX-XXXX.' });
    return this.completeLocked(this.method(TwoFactorMethodKind.BACKUP_CODE), ticket, null, normalized, meta, auth, this.clock.now(), rememberDevice);
  }

  /** WebAuthn request options bound to the ticket (a new start replaces the previous challenge). */
  startSecurityKeyLogin(ticket: string, meta: RequestMeta, auth: AuthState | null): Promise<SecurityKeyRequest> {
    const now = this.clock.now();
    return this.outbox.inTransaction((em) => this.securityKey.prepare(em, { ticket, methodId: null, auth, meta, now }));
  }

  /** A security key's or passkey's assertion (AuthenticationResponseJSON as text): the shared locked step. */
  async completeWithSecurityKey(ticket: string, credential: string, meta: RequestMeta, auth: AuthState | null, rememberDevice = false): Promise<SessionModel> {
    if (!parseAuthenticationCredential(credential)) throw Errors.badInput({ credential: 'Send the JSON of the credential navigator.credentials.get() gave.' });
    return this.completeLocked(this.securityKey, ticket, null, credential, meta, auth, this.clock.now(), rememberDevice);
  }

  /**
   * The shared second-factor step, for every kind. The ticket row is locked for the whole check,
   * so parallel tries on one ticket are counted one by one and at most one of them succeeds.
   * Failures are committed before the error is answered; a success's SMS (notices) go after commit.
   * `rememberDevice`: the success also makes a remembered device, its token in the answer.
   */
  async completeLocked(
    method: SecondFactorMethod,
    ticket: string,
    methodId: string | null,
    response: string,
    meta: RequestMeta,
    auth: AuthState | null,
    now: Date,
    rememberDevice = false,
  ): Promise<SessionModel> {
    const outcome = await this.outbox.inTransaction(async (em): Promise<Outcome> => {
      const t = await this.tickets.live(em, ticket, now, true);
      this.tickets.assertBoundTo(t, auth);
      const account = await lockAccount(em, t.accountId);
      const blocked = blockedFor(account.secondFactorBlockedUntil, now);
      if (blocked > 0) return { kind: 'blocked', retryAfter: blocked };

      const ctx = { em, ticket: t, methodId, response, now, meta, locale: account.locale };
      const { result, detail } = await method.verify(ctx);
      if (result === 'expired') return { kind: 'expired' };
      if (result === 'wrong') return { kind: 'wrong', remaining: await this.recordFailure(em, t, account, meta, now, detail) };

      if (!(await this.ticketStore.consume(em, t.id, now))) throw Errors.ticketExpired();
      await method.onUsed(ctx);
      // Only a remembered device adds the field: the answer is otherwise the fast path's, key for key.
      const remembered = rememberDevice ? { trustedDeviceToken: await this.trustedDevices.remember(em, account, meta, now) } : {};
      if (t.purpose === 'REAUTH' && auth) {
        await this.sessions.markAuthenticated(em, auth.session.id, now, true);
        await this.events.record(em, account.id, 'REAUTHENTICATED', meta, now, detail);
        return { kind: 'ok', session: { token: auth.token, expiresAt: auth.session.expiresAt, account: toAccountModel(account), ...remembered } };
      }
      const { token, session } = await this.sessions.create(em, account.id, meta, now, true);
      await this.events.record(em, account.id, 'LOGIN_SUCCEEDED', meta, now, detail);
      return { kind: 'ok', session: { token, expiresAt: session.expiresAt, account: toAccountModel(account), ...remembered } };
    });

    switch (outcome.kind) {
      case 'ok':
        return outcome.session;
      case 'wrong':
        throw Errors.invalidCode(outcome.remaining);
      case 'expired':
        throw Errors.codeExpired();
      case 'blocked':
        throw Errors.tooManyAttempts(outcome.retryAfter, 'Too many failed second-factor attempts on this account.');
    }
  }

  /** Counts a failure on the ticket and the account (blocking it at the limit); returns the tries left on the ticket. */
  private async recordFailure(em: EntityManager, t: LoginTicketEntity, account: AccountEntity, meta: RequestMeta, now: Date, detail: string): Promise<number> {
    const limits = this.lockoutLimits();
    await this.ticketStore.countFailure(em, t.id);
    await this.events.record(em, account.id, 'SECOND_FACTOR_FAILED', meta, now, detail);
    const until = blockUntil(await this.store.failuresSince(em, account.id, addSeconds(now, -limits.windowSeconds)), now, limits);
    if (until) await this.store.block(em, account.id, until);
    return triesLeftAfterFailure(t.failedAttempts, limits);
  }

  private lockoutLimits() {
    const l = this.config.limits;
    return { codeAttempts: l.codeAttempts, failures: l.secondFactorFailures, windowSeconds: l.secondFactorWindowSeconds, blockSeconds: l.secondFactorBlockSeconds };
  }

  private method(kind: TwoFactorMethodKind): SecondFactorMethod {
    const method = this.methods.get(kind);
    if (!method) throw new Error(`no second-factor plug-in for ${kind}`);
    return method;
  }
}
