import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LoginTicketEntity, SmsMethodEntity } from '@twofold/persistence';
import { hashOpaqueToken, maskPhoneNumber } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { Errors } from '../../../common/errors';
import { isUuid } from '../../../common/ids';
import type { RequestMeta } from '../../../common/request-context';
import { orderedEventId } from '../../../security-events/event-id';
import type { SessionModel } from '../../../sessions/dto/session.type';
import { SessionsService } from '../../../sessions/sessions.service';
import { SmsCodesService, type IssuedCode } from '../../../sms-codes/sms-codes.service';
import { TwoFactorService } from '../../../two-factor/two-factor.service';
import { smsLabel, type DescribedMethod } from '../../challenge-labels';
import { TwoFactorMethodKind } from '../../dto/two-factor-challenge.type';
import { blockedFor } from '../../lockout-policy';
import { TicketsService } from '../../tickets.service';
import { sessionFromFastRow } from '../fast-login-row';
import type { PrepareArgs, SecondFactorMethod, VerifyContext, VerifyResult } from '../second-factor-method';
import { SmsLoginStore, type LoginSendRow } from './sms-login.store';

/** The SMS second factor: a 6-digit code sent to one of the account's enabled numbers. */
@Injectable()
export class SmsMethod implements SecondFactorMethod<IssuedCode> {
  readonly kind = TwoFactorMethodKind.SMS;

  constructor(
    private readonly store: SmsLoginStore,
    private readonly twoFactor: TwoFactorService,
    private readonly smsCodes: SmsCodesService,
    private readonly sessions: SessionsService,
    private readonly tickets: TicketsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every enabled number, oldest first, the default marked. */
  async describe(em: EntityManager | null, accountId: string): Promise<DescribedMethod[]> {
    return (await this.twoFactor.enabledMethods(em, accountId)).map((m) => {
      const masked = maskPhoneNumber(m.phoneNumber);
      return { id: m.id, kind: TwoFactorMethodKind.SMS, label: smsLabel(masked, m.description), maskedPhoneNumber: masked, description: m.description, isDefault: m.isDefault };
    });
  }

  /**
   * sendLoginSmsCode: the live ticket (locked), its account's locale and the enabled method the code
   * goes to are read in one prepared statement; the same errors, in the same order, as reading them
   * one by one. A re-authentication ticket sends only for the session it belongs to.
   */
  async prepare(em: EntityManager, args: PrepareArgs): Promise<IssuedCode> {
    if (!TicketsService.looksLikeTicket(args.ticket)) throw Errors.ticketExpired();
    const r = await this.store.sendContext(em, hashOpaqueToken(args.ticket), isUuid(args.methodId) ? args.methodId : null);
    const t = this.tickets.assertLive(r ? ticketOf(r) : null, args.now);
    this.tickets.assertBoundTo(t, args.auth);
    const row = r as LoginSendRow; // assertLive threw when there was no row
    const blocked = blockedFor(row.second_factor_blocked_until, args.now);
    if (blocked > 0) throw Errors.tooManyAttempts(blocked, 'Too many failed second-factor attempts on this account.');
    const method = enabledOrThrow(row.m_id ? methodOf(row) : null);
    return this.smsCodes.issue(em, { method, purpose: 'LOGIN', ticket: t, locale: row.locale, clientIp: args.meta.ip, requestId: args.meta.requestId, channel: args.channel }, args.now);
  }

  async verify(ctx: VerifyContext): Promise<VerifyResult> {
    const method = enabledOrThrow(ctx.methodId && isUuid(ctx.methodId) ? await this.store.method(ctx.em, ctx.ticket.accountId, ctx.methodId) : null);
    const result = await this.smsCodes.check(ctx.em, { methodId: method.id, purpose: 'LOGIN', ticket: ctx.ticket, code: ctx.response }, ctx.now);
    return { result, detail: `SMS to ${maskPhoneNumber(method.phoneNumber)}` };
  }

  async onUsed(ctx: VerifyContext): Promise<void> {
    await this.store.stampUsed(ctx.em, ctx.methodId as string, ctx.now);
  }

  /**
   * The success path in one statement (SmsLoginStore.completeAtOnce); null sends the caller down
   * the locked path, which names the error and counts the failure.
   */
  async completeAtOnce(ticket: string, methodId: string, code: string, meta: RequestMeta, now: Date): Promise<SessionModel | null> {
    if (!isUuid(methodId) || !TicketsService.looksLikeTicket(ticket)) return null;
    const ticketTokenHash = hashOpaqueToken(ticket);
    const { token, ...session } = this.sessions.mint(now);
    const row = await this.store.completeAtOnce({
      ticketTokenHash,
      methodId,
      candidateHmac: this.smsCodes.codeHmac('LOGIN', methodId, { tokenHash: ticketTokenHash }, code),
      now,
      maxTicketFailures: this.config.limits.codeAttempts,
      session,
      ip: meta.ip,
      userAgent: meta.userAgent,
      eventId: orderedEventId(now),
    });
    return row ? sessionFromFastRow(token, row) : null;
  }
}

/** NOT_FOUND for no method (or another account's), METHOD_NOT_ENABLED for a pending one. */
function enabledOrThrow(method: SmsMethodEntity | null): SmsMethodEntity {
  if (!method) throw Errors.notFound('Method');
  if (method.status !== 'ENABLED') throw Errors.methodNotEnabled();
  return method;
}

function ticketOf(r: LoginSendRow): LoginTicketEntity {
  return Object.assign(new LoginTicketEntity(), {
    id: r.id,
    accountId: r.account_id,
    tokenHash: r.token_hash,
    purpose: r.purpose,
    sessionId: r.session_id,
    failedAttempts: r.failed_attempts,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    consumedAt: r.consumed_at,
  });
}

function methodOf(r: LoginSendRow): SmsMethodEntity {
  return Object.assign(new SmsMethodEntity(), {
    id: r.m_id,
    accountId: r.account_id,
    phoneNumber: r.m_phone_number,
    maskedPhoneNumber: r.m_masked_phone_number,
    countryCode: r.m_country_code,
    description: r.m_description,
    status: r.m_status,
    isDefault: r.m_is_default,
    failedAttempts: r.m_failed_attempts,
    createdAt: r.m_created_at,
    verifiedAt: r.m_verified_at,
    lastUsedAt: r.m_last_used_at,
  });
}
