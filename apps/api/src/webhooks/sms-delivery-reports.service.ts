import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  FIND_SMS_ATTEMPT,
  LOCK_SMS_MESSAGE,
  MESSAGE_AFTER_ATTEMPT_DELIVERED,
  MESSAGE_AFTER_ATTEMPT_SENT,
  MESSAGE_FAILED_WHEN_ALL_ATTEMPTS_FAILED,
  prepared,
  preparedCount,
  RECEIPT_ATTEMPT_DELIVERED,
  RECEIPT_ATTEMPT_FAILED,
  RECEIPT_ATTEMPT_SENT,
  RECEIPT_SMS_DELIVERED,
  RECEIPT_SMS_FAILED,
  RECEIPT_SMS_SENT,
  SmsAttemptEntity,
  SmsMessageEntity,
  type SmsMessageStatement,
} from '@twofold/persistence';
import { DeliveryWatchClient } from './delivery-watch.client';
import { SmsReceiptsStore } from './sms-receipts.store';
import type { DeliveryTransition } from './utils/twilio-status.util';

export type ReportOutcome = 'updated' | 'unchanged' | 'unknown-message';

/** How often (at most) a process deletes expired replay signatures. */
const PURGE_EVERY_MS = 60_000;

class UnknownMessage extends Error {}

interface Applied {
  outcome: ReportOutcome;
  /** A watched attempt failed: the message's delivery watch decides the fallback, now. */
  wake: string | null;
}

/**
 * Applies delivery reports to the attempt they name (sms_attempt, by provider and provider
 * message id) and through it to sms_message (sms-attempt-transitions.ts), in one transaction that
 * locks the message first: idempotent and order-tolerant per attempt (a late "sent" never
 * overwrites DELIVERED or FAILED, the first final state of an attempt stays), and the message only
 * moves forward: DELIVERED when any attempt is delivered, FAILED when every attempt failed and no
 * fallback follows. A "failed" on an attempt the delivery watch owns (deadline set: a code with a
 * provider left on its route) leaves the message SENT and wakes the watch, which sends the same
 * code through the next provider. Messages sent before sms_attempt existed take the message-level
 * receipt transitions (sms-message-transitions.ts), as before.
 */
@Injectable()
export class SmsDeliveryReportsService {
  constructor(
    private readonly db: DataSource,
    private readonly receipts: SmsReceiptsStore,
    private readonly watch: DeliveryWatchClient,
  ) {}

  private lastPurge = 0;
  /** Messages whose delivery watch to wake once the receipt's transaction (applyOnce) commits. */
  private readonly wakes = new WeakMap<EntityManager, string[]>();

  /**
   * A signed receipt applied at most once: its signature is claimed (sms_receipt_replay) and the
   * receipt applied in one transaction, so a crash or an unknown message leaves no claim behind
   * (the sender's retry counts) and concurrent copies of one request apply it once. 'replay' when
   * the signature was already claimed.
   */
  async applyOnce(
    signatureHash: Buffer,
    expiresAt: Date,
    provider: string,
    providerMessageId: string,
    transition: DeliveryTransition,
    now: Date,
  ): Promise<ReportOutcome | 'replay'> {
    if (now.getTime() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = now.getTime();
      void this.receipts.purgeExpired(now).catch(() => undefined);
    }
    const wakes: string[] = [];
    let outcome: ReportOutcome | 'replay';
    try {
      outcome = await this.db.transaction(async (em) => {
        if (!(await this.receipts.claimSignature(em, signatureHash, expiresAt))) return 'replay' as const;
        this.wakes.set(em, wakes);
        const result = await this.apply(provider, providerMessageId, transition, now, em);
        if (result === 'unknown-message') throw new UnknownMessage();
        return result;
      });
    } catch (err) {
      if (err instanceof UnknownMessage) return 'unknown-message';
      throw err;
    }
    for (const id of wakes) await this.watch.wake(id);
    return outcome;
  }

  /**
   * Applies one report; in the caller's transaction `em` (its delivery-watch wake-ups then wait
   * for that transaction: applyOnce), else in its own, after which it wakes the watch.
   */
  async apply(provider: string, providerMessageId: string, transition: DeliveryTransition, now: Date, em?: EntityManager): Promise<ReportOutcome> {
    if (em) {
      const result = await this.applyIn(em, provider, providerMessageId, transition, now);
      if (result.wake) this.wakes.get(em)?.push(result.wake);
      return result.outcome;
    }
    const result = await this.db.transaction((tx) => this.applyIn(tx, provider, providerMessageId, transition, now));
    if (result.wake) await this.watch.wake(result.wake);
    return result.outcome;
  }

  /** In the caller's transaction: find the attempt, lock its message, update the attempt, then the message. */
  private async applyIn(
    em: EntityManager,
    provider: string,
    providerMessageId: string,
    transition: DeliveryTransition,
    now: Date,
  ): Promise<Applied> {
    const [attempt] = await prepared<{ message_id: string; seq: number }>(em, FIND_SMS_ATTEMPT.name, FIND_SMS_ATTEMPT.text, [
      provider,
      providerMessageId,
    ]);
    if (!attempt) return { outcome: await this.applyToMessage(provider, providerMessageId, transition, now, em), wake: null };
    if (transition.to === 'IGNORE') return { outcome: 'unchanged', wake: null };
    const id = attempt.message_id;
    await prepared(em, LOCK_SMS_MESSAGE.name, LOCK_SMS_MESSAGE.text, [id]);
    const key = [id, attempt.seq, providerMessageId, now];
    const run = (s: { name: string; text: string }, values: unknown[]) => prepared<{ deadline_at: Date | null }>(em, s.name, s.text, values);
    let wake: string | null = null;
    let changed: { deadline_at: Date | null }[];
    switch (transition.to) {
      case 'SENT':
        changed = await run(RECEIPT_ATTEMPT_SENT, key);
        if (changed.length) await run(MESSAGE_AFTER_ATTEMPT_SENT, [id, now]);
        break;
      case 'DELIVERED':
        changed = await run(RECEIPT_ATTEMPT_DELIVERED, key);
        if (changed.length) await run(MESSAGE_AFTER_ATTEMPT_DELIVERED, [id, now]);
        break;
      case 'FAILED':
        changed = await run(RECEIPT_ATTEMPT_FAILED, [...key, transition.reason]);
        if (changed.length && changed[0].deadline_at) wake = id;
        else if (changed.length) await run(MESSAGE_FAILED_WHEN_ALL_ATTEMPTS_FAILED, [id, now, transition.reason]);
        break;
    }
    return { outcome: changed.length ? 'updated' : 'unchanged', wake };
  }

  /** A message sent before sms_attempt existed: the message-level receipt transitions. */
  private async applyToMessage(
    provider: string,
    providerMessageId: string,
    transition: DeliveryTransition,
    now: Date,
    em: EntityManager,
  ): Promise<ReportOutcome> {
    if (transition.to === 'IGNORE')
      return (await this.exists(provider, providerMessageId, em)) ? 'unchanged' : 'unknown-message';
    let statement: SmsMessageStatement;
    let values: unknown[];
    switch (transition.to) {
      case 'SENT':
        [statement, values] = [RECEIPT_SMS_SENT, [provider, providerMessageId, now]];
        break;
      case 'DELIVERED':
        [statement, values] = [RECEIPT_SMS_DELIVERED, [provider, providerMessageId, now]];
        break;
      case 'FAILED':
        [statement, values] = [RECEIPT_SMS_FAILED, [provider, providerMessageId, now, transition.reason]];
        break;
    }
    if ((await preparedCount(em, statement.name, statement.text, values)) > 0) return 'updated';
    return (await this.exists(provider, providerMessageId, em)) ? 'unchanged' : 'unknown-message';
  }

  private async exists(provider: string, providerMessageId: string, em: EntityManager): Promise<boolean> {
    if (await em.getRepository(SmsAttemptEntity).exists({ where: { provider, providerMessageId } })) return true;
    return em.getRepository(SmsMessageEntity).exists({ where: { provider, providerMessageId } });
  }
}
