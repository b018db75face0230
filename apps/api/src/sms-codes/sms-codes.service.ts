import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { SmsMessageEntity, type SmsCodePurpose, type SmsMethodEntity } from '@twofold/persistence';
import { deriveKey, type SmsChannel } from '@twofold/sms-queue';
import {
  addSeconds,
  codeInMessage,
  digestsEqual,
  generateSmsCode,
  hmacCode,
  ipRateLimitKey,
  isSmsLocale,
  renderCodeSms,
  secondsUntil,
} from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Errors } from '../common/errors';
import { gateRetryAfter } from '../common/sliding-window';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { SmsPumpingGuard } from '../sms-pumping/sms-pumping-guard.service';
import { SmsCodeStore } from './sms-code.store';
import { SmsLedgerStore, type BudgetGateArgs, type BudgetGates } from './sms-ledger.store';

export interface IssuedCode {
  message: SmsMessageEntity;
  resendAvailableAt: Date;
}

export type CodeCheck = 'ok' | 'wrong' | 'expired';

/** The login ticket a code is bound to: its row id and the SHA-256 of its token (the HMAC scope). */
export interface TicketRef {
  id: string;
  tokenHash: Buffer;
}

/** Where a code goes: the cooldown is per method, purpose and ticket; hourly limits per number, account and IP. */
export interface SendTarget {
  accountId: string;
  phoneNumber: string;
  methodId: string;
  purpose: SmsCodePurpose;
  ticketId: string | null;
  /**
   * The number is ENABLED on this account: its per-number budget counts only this account's
   * sends, so codes that other accounts cause (the number pending there) never use it up. A
   * pending number's sends count every account's, which is what stops pumping one number.
   */
  ownedNumber: boolean;
}

const HOUR = 3600;
/** The sending limits' windows end a day past now (clock skew between instances), so the months ahead are not read. */
const DAY = 86400;

/**
 * A call carries the live code only while at least this much of its validity is left (ringing and
 * hearing it twice take about a minute); with less, or none live, the call carries a new code that
 * replaces it, exactly as a resent SMS does.
 */
export const CALL_MIN_VALIDITY_SECONDS = 60;

/**
 * Issues and checks the 6-digit codes sent by SMS. Sending limits read the sms_message table
 * (the ledger) under advisory locks, so they hold across API instances and without Redis.
 */
@Injectable()
export class SmsCodesService {
  private readonly hmacKey: Buffer;

  constructor(
    private readonly outbox: SmsOutboxService,
    private readonly pumping: SmsPumpingGuard,
    private readonly codes: SmsCodeStore,
    private readonly ledger: SmsLedgerStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.hmacKey = deriveKey(config.appSecret, 'code-hmac');
  }

  /**
   * In the caller's transaction: checks every sending limit, replaces the live code of the same
   * method and purpose, stores the new code's HMAC and queues the SMS. Throws RATE_LIMITED.
   */
  async issue(
    em: EntityManager,
    args: { method: SmsMethodEntity; purpose: SmsCodePurpose; ticket: TicketRef | null; locale: string; clientIp: string | null; userAgent?: string | null; requestId?: string | null; channel?: SmsChannel },
    now: Date,
  ): Promise<IssuedCode> {
    const { method, purpose, ticket } = args;
    // The allow-list holds at send time too: a number added before SMS_ALLOWED_COUNTRIES left its
    // country out gets no more codes (and spends no limit), whatever the method's state.
    const allowed = this.config.sms.allowedCountries;
    if (allowed.length > 0 && !allowed.includes(method.countryCode)) {
      throw Errors.countryNotAllowed(`Codes are not sent to numbers in ${method.countryCode} any more. Use another sign-in method.`);
    }
    const ticketId = ticket?.id ?? null;
    // The per-IP limit keys an IPv6 client by its /64 (one subscriber's block), so rotating addresses
    // inside it does not reset the budget; the ledger row stores that key.
    const clientIp = ipRateLimitKey(args.clientIp);
    // One lock per ledger key, always in this order, so concurrent sends cannot both pass a limit.
    const prefix = this.pumping.prefixOf(method.phoneNumber);
    const keys = [`sms:prefix:${prefix}`, `sms:number:${method.phoneNumber}`, `sms:account:${method.accountId}`, ...(clientIp ? [`sms:ip:${clientIp}`] : [])];
    // All in one statement; PostgreSQL evaluates a select list left to right.
    await this.ledger.lock(em, keys);

    const target: SendTarget = { accountId: method.accountId, phoneNumber: method.phoneNumber, methodId: method.id, purpose, ticketId, ownedNumber: method.status === 'ENABLED' };
    // The pumping budgets are read with the limits, in one statement after the locks.
    const budget = this.pumping.budgetRead(prefix, now);
    const { now: wait, afterThisSend, gates } = await this.sendLimits(em, target, clientIp, now, budget);
    if (wait > 0) throw Errors.rateLimited(wait, 'Too many codes requested.');
    await this.pumping.check(em, { accountId: method.accountId, phoneNumber: method.phoneNumber, countryCode: method.countryCode }, { ip: args.clientIp, userAgent: args.userAgent ?? null, requestId: args.requestId ?? null }, now, budget, gates);

    // VOICE ("Call me instead"): the same limits as an SMS were passed above; the call reads out the
    // live code when there is one (the same value the SMS carried: never two live codes, and an SMS
    // that arrives late still works), else a new code that replaces any other, like an SMS.
    const channel = args.channel ?? 'SMS';
    const carried = channel === 'VOICE' ? await this.liveCodeToCall(em, method.id, purpose, ticketId, now) : null;
    const code = carried?.code ?? generateSmsCode();
    const expiresAt = carried?.expiresAt ?? addSeconds(now, this.config.timings.smsCodeTtlSeconds);
    const locale = isSmsLocale(args.locale) ? args.locale : 'en';
    const outgoing = {
      accountId: method.accountId,
      methodId: method.id,
      ticketId,
      phoneNumber: method.phoneNumber,
      countryCode: method.countryCode,
      destinationPrefix: prefix,
      purpose,
      locale,
      body: channel === 'VOICE' ? code : renderCodeSms(locale, code, this.config.timings.smsCodeTtlSeconds, this.config.webOriginHost),
      clientIp,
      codeExpiresAt: expiresAt,
      channel,
    };
    const resendAvailableAt = addSeconds(now, afterThisSend);
    if (carried) {
      const message = await this.outbox.add(em, outgoing, now);
      // The live code's row is locked (liveCodeToCall): it is still live here.
      if (await this.codes.carryBy(em, carried.id, message.id)) return { message, resendAvailableAt };
      await this.codes.replaceAndInsert(em, { id: randomUUID(), accountId: method.accountId, methodId: method.id, purpose, ticketId, messageId: message.id, codeHmac: this.codeHmac(purpose, method.id, ticket, code), expiresAt }, now);
      return { message, resendAvailableAt };
    }
    // A new code: the message and the code (replacing the live one) in one statement.
    const newCode = { id: randomUUID(), purpose, codeHmac: this.codeHmac(purpose, method.id, ticket, code), expiresAt };
    const message = await this.outbox.add(em, outgoing, now, (tx, row) => this.codes.insertWithMessage(tx, row, newCode, now));
    return { message, resendAvailableAt };
  }

  /** The live code of this method, purpose and ticket (its row locked) and its digits, read back from the message that carries it; null when a call needs a new code. */
  private async liveCodeToCall(em: EntityManager, methodId: string, purpose: SmsCodePurpose, ticketId: string | null, now: Date): Promise<{ id: string; code: string; expiresAt: Date } | null> {
    const live = await this.codes.liveLocked(em, methodId, purpose, ticketId, now);
    if (!live?.message_id || secondsUntil(live.expires_at, now) < CALL_MIN_VALIDITY_SECONDS) return null;
    const carrier = await this.codes.carrier(em, live.message_id);
    const code = carrier ? codeInMessage(carrier.channel, this.outbox.openBody(live.message_id, carrier.body_sealed)) : null;
    return code ? { id: live.id, code, expiresAt: live.expires_at } : null;
  }

  /** The HMAC stored for a code: bound to its purpose, method and (for login) ticket. */
  codeHmac(purpose: SmsCodePurpose, methodId: string, ticket: Pick<TicketRef, 'tokenHash'> | null, code: string): Buffer {
    return hmacCode(this.hmacKey, `${purpose}:${methodId}:${ticket ? ticket.tokenHash.toString('hex') : '-'}`, code);
  }

  /**
   * Seconds until one more code may be sent for this target (and from this IP): the resend
   * cooldown of the same method, purpose and ticket, then 5/hour per number, 10/hour per
   * account, 20/hour per client IP. A new login ticket has its own cooldown; the hourly
   * limits bound how many tickets can be used to send.
   */
  async secondsUntilNextSend(em: EntityManager, target: SendTarget, clientIp: string | null, now: Date): Promise<number> {
    return (await this.sendLimits(em, target, clientIp, now)).now;
  }

  /**
   * In one round trip: the seconds to wait before a send to this target now (cooldown, and the
   * hourly limits per number, account and IP), and, if it happens, before the one after it (the
   * cooldown it starts, and the number and account limits counting it: what `resendAvailableAt`
   * tells the client).
   */
  private async sendLimits(
    em: EntityManager,
    target: SendTarget,
    clientIp: string | null,
    now: Date,
    budget?: BudgetGateArgs,
  ): Promise<{ now: number; afterThisSend: number; gates: Partial<BudgetGates> | undefined }> {
    const { limits, timings } = this.config;
    const r = await this.ledger.sendGates(em, {
      methodId: target.methodId,
      purpose: target.purpose,
      ticketId: target.ticketId,
      phoneNumber: target.phoneNumber,
      accountId: target.accountId,
      clientIp,
      ownedNumber: target.ownedNumber,
      since: addSeconds(now, -HOUR),
      until: addSeconds(now, DAY),
      offsets: {
        number: limits.smsPerNumberPerHour - 1,
        account: limits.smsPerAccountPerHour - 1,
        ip: limits.smsPerIpPerHour - 1,
        numberNext: Math.max(0, limits.smsPerNumberPerHour - 2),
        accountNext: Math.max(0, limits.smsPerAccountPerHour - 2),
      },
    }, budget);
    const hourly = (at: Date | null | undefined) => gateRetryAfter(at, HOUR, now);
    // With a limit of 1, this send alone fills the window for an hour.
    const next = (limit: number, at: Date | null | undefined) => (limit <= 1 ? HOUR : hourly(at));
    return {
      now: Math.max(r?.last ? secondsUntil(addSeconds(r.last, timings.smsResendCooldownSeconds), now) : 0, hourly(r?.by_number), hourly(r?.by_account), hourly(r?.by_ip)),
      afterThisSend: Math.max(timings.smsResendCooldownSeconds, next(limits.smsPerNumberPerHour, r?.by_number_next), next(limits.smsPerAccountPerHour, r?.by_account_next)),
      gates: budget ? r : undefined,
    };
  }

  /**
   * Checks a code against the live one for this method, purpose (and ticket), and consumes it
   * when right. Callers hold a row lock on the method or ticket, so checks never interleave.
   */
  async check(
    em: EntityManager,
    args: { methodId: string; purpose: SmsCodePurpose; ticket: TicketRef | null; code: string },
    now: Date,
  ): Promise<CodeCheck> {
    const live = await this.codes.live(em, args.methodId, args.purpose, args.ticket?.id ?? null);
    if (!live) return 'wrong';
    if (live.expires_at.getTime() <= now.getTime()) return 'expired';
    const candidate = this.codeHmac(args.purpose, args.methodId, args.ticket, args.code);
    if (!digestsEqual(candidate, live.code_hmac)) return 'wrong';
    // Consumed, and its SMS marked as entered (the SMS-pumping guard's conversion signal).
    if (!(await this.codes.consume(em, live.id, now))) return 'wrong';
    return 'ok';
  }
}
