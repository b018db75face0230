import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { SmsMessageEntity, type SmsCodePurpose, type SmsMethodEntity } from '@twofold/persistence';
import { deriveKey } from '@twofold/sms-queue';
import {
  addSeconds,
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
import { gateRetryAfter, windowGateSql } from '../common/sliding-window';
import { affectedCount, preparedQueryIn } from '../common/sql';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { SmsPumpingGuard } from '../sms-pumping/sms-pumping-guard.service';

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
    args: { method: SmsMethodEntity; purpose: SmsCodePurpose; ticket: TicketRef | null; locale: string; clientIp: string | null; userAgent?: string | null; requestId?: string | null },
    now: Date,
  ): Promise<IssuedCode> {
    const { method, purpose, ticket } = args;
    const ticketId = ticket?.id ?? null;
    // The per-IP limit keys an IPv6 client by its /64 (one subscriber's block), so rotating addresses
    // inside it does not reset the budget; the ledger row stores that key.
    const clientIp = ipRateLimitKey(args.clientIp);
    // One lock per ledger key, always in this order, so concurrent sends cannot both pass a limit.
    const keys = [`sms:prefix:${this.pumping.prefixOf(method.phoneNumber)}`, `sms:number:${method.phoneNumber}`, `sms:account:${method.accountId}`, ...(clientIp ? [`sms:ip:${clientIp}`] : [])];
    // All in one statement; PostgreSQL evaluates a select list left to right.
    await preparedQueryIn(em, `sms-send-locks-${keys.length}`, `SELECT ${keys.map((_, i) => `pg_advisory_xact_lock(hashtextextended($${i + 1}, 0))`).join(', ')}`, keys);

    const target: SendTarget = { accountId: method.accountId, phoneNumber: method.phoneNumber, methodId: method.id, purpose, ticketId, ownedNumber: method.status === 'ENABLED' };
    const { now: wait, afterThisSend } = await this.sendLimits(em, target, clientIp, now);
    if (wait > 0) throw Errors.rateLimited(wait, 'Too many codes requested.');
    await this.pumping.check(em, { accountId: method.accountId, phoneNumber: method.phoneNumber, countryCode: method.countryCode }, { ip: args.clientIp, userAgent: args.userAgent ?? null, requestId: args.requestId ?? null }, now);

    const code = generateSmsCode();
    const expiresAt = addSeconds(now, this.config.timings.smsCodeTtlSeconds);
    const locale = isSmsLocale(args.locale) ? args.locale : 'en';
    const message = await this.outbox.add(
      em,
      {
        accountId: method.accountId,
        methodId: method.id,
        ticketId,
        phoneNumber: method.phoneNumber,
        countryCode: method.countryCode,
        destinationPrefix: this.pumping.prefixOf(method.phoneNumber),
        purpose,
        locale,
        body: renderCodeSms(locale, code, this.config.timings.smsCodeTtlSeconds, this.config.webOriginHost),
        clientIp,
        codeExpiresAt: expiresAt,
      },
      now,
    );
    // The method's live code of this purpose is replaced and the new one stored, in one statement.
    await preparedQueryIn(
      em,
      'sms-code-replace-insert',
      `WITH replaced AS (
         UPDATE sms_code SET replaced_at = $7 WHERE method_id = $3 AND purpose = $4 AND consumed_at IS NULL AND replaced_at IS NULL
       )
       INSERT INTO sms_code (id, account_id, method_id, purpose, ticket_id, message_id, code_hmac, created_at, expires_at, consumed_at, replaced_at)
       VALUES ($1, $2, $3, $4, $5, $6, $8, $7, $9, NULL, NULL)`,
      [randomUUID(), method.accountId, method.id, purpose, ticketId, message.id, now, this.codeHmac(purpose, method.id, ticket, code), expiresAt],
    );
    const resendAvailableAt = addSeconds(now, afterThisSend);
    return { message, resendAvailableAt };
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
  private async sendLimits(em: EntityManager, target: SendTarget, clientIp: string | null, now: Date): Promise<{ now: number; afterThisSend: number }> {
    const { limits, timings } = this.config;
    // Only the limit-th newest send in the window decides a limit (the (limit-1)-th, once this send
    // counts), so a limit of 20,000 costs what a limit of 5 costs: one row read through the
    // (key, created_at) index. `purpose <> 'NOTICE'` is spelled out in each part so the generic
    // plan of this prepared statement can use the partial indexes.
    const gate = (key: string, keyParam: number, offsetParam: number) => windowGateSql('sms_message', `${key} = $${keyParam} AND purpose <> 'NOTICE'`, '$7', `$${offsetParam}`);
    // An owned number's budget: this account's sends to it only (see SendTarget.ownedNumber).
    const numberGate = (offsetParam: number) =>
      target.ownedNumber ? windowGateSql('sms_message', `phone_number = $4 AND account_id = $5 AND purpose <> 'NOTICE'`, '$7', `$${offsetParam}`) : gate('phone_number', 4, offsetParam);
    const rows = await preparedQueryIn<{ last: Date | null; by_number: Date | null; by_account: Date | null; by_ip: Date | null; by_number_next: Date | null; by_account_next: Date | null }>(
      em,
      target.ownedNumber ? 'sms-send-limits-owned' : 'sms-send-limits',
      `SELECT (SELECT created_at FROM sms_message WHERE method_id = $1 AND purpose = $2 AND purpose <> 'NOTICE'
                 AND (ticket_id = $3::uuid OR ($3::uuid IS NULL AND ticket_id IS NULL)) ORDER BY created_at DESC LIMIT 1) AS last,
              ${numberGate(8)} AS by_number, ${gate('account_id', 5, 9)} AS by_account, ${gate('client_ip', 6, 10)} AS by_ip,
              ${numberGate(11)} AS by_number_next, ${gate('account_id', 5, 12)} AS by_account_next`,
      [
        target.methodId,
        target.purpose,
        target.ticketId,
        target.phoneNumber,
        target.accountId,
        clientIp,
        addSeconds(now, -HOUR),
        limits.smsPerNumberPerHour - 1,
        limits.smsPerAccountPerHour - 1,
        limits.smsPerIpPerHour - 1,
        Math.max(0, limits.smsPerNumberPerHour - 2),
        Math.max(0, limits.smsPerAccountPerHour - 2),
      ],
    );
    const r = rows[0];
    const hourly = (at: Date | null | undefined) => gateRetryAfter(at, HOUR, now);
    // With a limit of 1, this send alone fills the window for an hour.
    const next = (limit: number, at: Date | null | undefined) => (limit <= 1 ? HOUR : hourly(at));
    return {
      now: Math.max(r?.last ? secondsUntil(addSeconds(r.last, timings.smsResendCooldownSeconds), now) : 0, hourly(r?.by_number), hourly(r?.by_account), hourly(r?.by_ip)),
      afterThisSend: Math.max(timings.smsResendCooldownSeconds, next(limits.smsPerNumberPerHour, r?.by_number_next), next(limits.smsPerAccountPerHour, r?.by_account_next)),
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
    const params: unknown[] = [args.methodId, args.purpose];
    let ticketClause = 'ticket_id IS NULL';
    if (args.ticket) {
      params.push(args.ticket.id);
      ticketClause = 'ticket_id = $3';
    }
    const rows: { id: string; code_hmac: Buffer; expires_at: Date }[] = await em.query(
      `SELECT id, code_hmac, expires_at FROM sms_code
        WHERE method_id = $1 AND purpose = $2 AND ${ticketClause} AND consumed_at IS NULL AND replaced_at IS NULL
        ORDER BY created_at DESC LIMIT 1`,
      params,
    );
    const live = rows[0];
    if (!live) return 'wrong';
    if (live.expires_at.getTime() <= now.getTime()) return 'expired';
    const candidate = this.codeHmac(args.purpose, args.methodId, args.ticket, args.code);
    if (!digestsEqual(candidate, live.code_hmac)) return 'wrong';
    const consumed = await em.query(`UPDATE sms_code SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL RETURNING id`, [live.id, now]);
    if (affectedCount(consumed) !== 1) return 'wrong';
    // The conversion signal of the SMS-pumping guard: this SMS reached a person.
    await em.query(`UPDATE sms_message SET verified_at = $2 WHERE id = (SELECT message_id FROM sms_code WHERE id = $1)`, [live.id, now]);
    return 'ok';
  }
}
