import { Injectable } from '@nestjs/common';
import { maskPhoneNumber } from '@twofold/two-factor-domain';
import { Clock } from '../common/clock';
import { isUuid } from '../common/ids';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { SupportError } from '../support/support-error';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { SmsSupportStore, type CarriedCodeRow, type SmsSupportRow } from './sms-support.store';

/** How long `sms retry` waits for Redis before leaving the copy to the API's relay. */
const REDIS_WAIT_MS = 3000;

export interface SmsView {
  id: string;
  accountId: string | null;
  email: string | null;
  purpose: string;
  /** SMS, or VOICE ("Call me instead"). */
  channel: string;
  /** Never the full number. */
  maskedPhoneNumber: string;
  status: string;
  provider: string | null;
  providerMessageId: string | null;
  attempts: number;
  failureReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  enqueuedAt: Date | null;
  sentAt: Date | null;
  failedAt: Date | null;
  /** What the provider's receipts recorded: delivered (or failed) and when. */
  receipts: { deliveredAt: Date | null; failedAt: Date | null; failureReason: string | null };
  /** Each provider's turn (receipt-driven fallback), with its own receipts; empty without them. */
  deliveryAttempts: { provider: string; status: string; providerMessageId: string | null; fallbackCause: string | null; failureReason: string | null; sentAt: Date | null; deliveredAt: Date | null; failedAt: Date | null }[];
  /** For a code SMS: whether its code is still usable (never the code itself), and the copy it was retried as. */
  code: { state: string; expiresAt: Date; retriedAs: string | null } | null;
}

/**
 * The operator CLI's `sms show` and `sms retry`. A retry is a copy of the FAILED message written
 * by the SMS outbox (SmsOutboxService.addCopy, in its unit of work, handed to the queue after
 * commit), decided in one statement on the code's row (SmsSupportStore.claimRetry).
 */
@Injectable()
export class SmsSupportService {
  constructor(
    private readonly clock: Clock,
    private readonly store: SmsSupportStore,
    private readonly outbox: SmsOutboxService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  private async row(id: string): Promise<SmsSupportRow> {
    const found = isUuid(id) ? await this.store.message(id.toLowerCase()) : null;
    if (!found) throw new SupportError('NOT_FOUND', `no SMS with id ${id}`);
    return found;
  }

  async show(id: string): Promise<SmsView> {
    const m = await this.row(id);
    const [code, attempts] = await Promise.all([m.purpose === 'NOTICE' ? null : this.store.carriedCode(m.id), this.store.attempts(m.id)]);
    const now = this.clock.now();
    return {
      id: m.id,
      accountId: m.account_id,
      email: m.email,
      purpose: m.purpose,
      channel: m.channel,
      maskedPhoneNumber: maskPhoneNumber(m.phone_number),
      status: m.status,
      provider: m.provider,
      providerMessageId: m.provider_message_id,
      attempts: m.attempts,
      failureReason: m.failure_reason,
      createdAt: m.created_at,
      updatedAt: m.updated_at,
      enqueuedAt: m.enqueued_at,
      sentAt: m.sent_at,
      failedAt: m.failed_at,
      receipts: { deliveredAt: m.delivered_at, failedAt: m.failed_at, failureReason: m.status === 'FAILED' ? m.failure_reason : null },
      deliveryAttempts: attempts.map((a) => ({ provider: a.provider, status: a.status, providerMessageId: a.provider_message_id, fallbackCause: a.fallback_cause, failureReason: a.failure_reason, sentAt: a.sent_at, deliveredAt: a.delivered_at, failedAt: a.failed_at })),
      code: code ? { state: this.codeState(m, code, now) ?? 'live', expiresAt: code.expires_at, retriedAs: code.message_id && code.message_id !== m.id ? code.message_id : null } : null,
    };
  }

  /**
   * Re-enqueues a FAILED code SMS while its code is live. Refused (nothing written) for a notice,
   * a message that is not FAILED, or a code used, replaced, expired, retried already, or whose
   * login ticket or pending number is gone; the reason is the refusal's message.
   */
  async retry(id: string): Promise<{ id: string; retryId: string; maskedPhoneNumber: string; handedToQueue: boolean }> {
    const m = await this.row(id);
    const now = this.clock.now();
    await this.refuseUnlessRetriable(m, now);
    const handedToQueue = await this.outbox.whenReady(REDIS_WAIT_MS);
    const pendingCutoff = this.twoFactor.pendingCutoff(now);
    const copy = await this.outbox
      .inTransaction(async (em) => {
        const bodySealed = await this.store.sealedBody(em, m.id);
        if (!bodySealed || !m.account_id) return null;
        const copy = await this.outbox.addCopy(em, { id: m.id, accountId: m.account_id, methodId: m.method_id, ticketId: m.ticket_id, phoneNumber: m.phone_number, countryCode: m.country_code, destinationPrefix: m.destination_prefix, purpose: m.purpose, locale: m.locale, channel: m.channel, bodySealed, codeExpiresAt: m.code_expires_at }, null, now);
        // The decision, after the copy's insert and in its transaction: a refusal rolls the copy back, nothing is enqueued.
        if (!(await this.store.claimRetry(em, m.id, copy.id, now, pendingCutoff))) throw new RetryLost();
        return copy;
      })
      .catch(async (err: unknown) => {
        if (!(err instanceof RetryLost)) throw err;
        // Another retry or the code's use went first: say which, as read after it committed.
        await this.refuseUnlessRetriable(m, this.clock.now());
        throw new SupportError('REFUSED', `SMS ${m.id} was not retried: its code changed while retrying`);
      });
    if (!copy) throw new SupportError('REFUSED', `SMS ${m.id} cannot be retried: its account or text is gone`);
    return { id: m.id, retryId: copy.id, maskedPhoneNumber: maskPhoneNumber(m.phone_number), handedToQueue };
  }

  private async refuseUnlessRetriable(m: SmsSupportRow, now: Date): Promise<void> {
    if (m.purpose === 'NOTICE') throw new SupportError('REFUSED', `SMS ${m.id} is a notice, not a code: only a code SMS is retried`);
    if (m.status !== 'FAILED') throw new SupportError('REFUSED', `SMS ${m.id} is ${m.status}, not FAILED: only a FAILED code SMS is retried`);
    const code = await this.store.carriedCode(m.id);
    if (!code) throw new SupportError('REFUSED', `SMS ${m.id} carries no code any more (its number or login is gone)`);
    const state = this.codeState(m, code, now);
    if (state) throw new SupportError('REFUSED', `SMS ${m.id} cannot be retried: its code is ${state}`);
  }

  /** Why the code a message carried is no longer usable (null: live), in words for the operator. */
  private codeState(m: SmsSupportRow, c: CarriedCodeRow, now: Date): string | null {
    if (c.message_id && c.message_id !== m.id) return `retried already, as SMS ${c.message_id}`;
    if (c.consumed_at) return 'used';
    if (c.replaced_at) return 'replaced by a newer code';
    if (c.expires_at.getTime() <= now.getTime()) return 'expired';
    if (c.ticket_id && (c.ticket_consumed_at || (c.ticket_expires_at && c.ticket_expires_at.getTime() <= now.getTime()))) return 'for a login that is over';
    if (c.purpose === 'METHOD_CONFIRMATION' && (c.method_status !== 'PENDING_VERIFICATION' || !c.method_created_at || c.method_created_at <= this.twoFactor.pendingCutoff(now))) {
      return 'for a number that is no longer waiting for confirmation';
    }
    return null;
  }
}

/** The one-statement decision matched nothing: the transaction rolls back. */
class RetryLost extends Error {}
