import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import {
  preparedCount,
  RECEIPT_SMS_DELIVERED,
  RECEIPT_SMS_FAILED,
  RECEIPT_SMS_SENT,
  SmsMessageEntity,
  type SmsMessageStatement,
} from '@twofold/persistence';
import { SmsReceiptsStore } from './sms-receipts.store';
import type { DeliveryTransition } from './utils/twilio-status.util';

export type ReportOutcome = 'updated' | 'unchanged' | 'unknown-message';

/** How often (at most) a process deletes expired replay signatures. */
const PURGE_EVERY_MS = 60_000;

class UnknownMessage extends Error {}

/**
 * Applies delivery reports to sms_message with the receipt transitions of libs/persistence
 * (sms-message-transitions.ts). Each is one conditional UPDATE, so reports are idempotent and
 * order-tolerant: a late "sent" never overwrites DELIVERED or FAILED, and the first final state
 * (DELIVERED or FAILED) stays.
 */
@Injectable()
export class SmsDeliveryReportsService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(SmsMessageEntity) private readonly messages: Repository<SmsMessageEntity>,
    private readonly receipts: SmsReceiptsStore,
  ) {}

  private lastPurge = 0;

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
    try {
      return await this.db.transaction(async (em) => {
        if (!(await this.receipts.claimSignature(em, signatureHash, expiresAt))) return 'replay';
        const outcome = await this.apply(provider, providerMessageId, transition, now, em);
        if (outcome === 'unknown-message') throw new UnknownMessage();
        return outcome;
      });
    } catch (err) {
      if (err instanceof UnknownMessage) return 'unknown-message';
      throw err;
    }
  }

  async apply(
    provider: string,
    providerMessageId: string,
    transition: DeliveryTransition,
    now: Date,
    em?: EntityManager,
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
    if ((await preparedCount(em ?? this.db, statement.name, statement.text, values)) > 0) return 'updated';
    return (await this.exists(provider, providerMessageId, em)) ? 'unchanged' : 'unknown-message';
  }

  private exists(provider: string, providerMessageId: string, em?: EntityManager): Promise<boolean> {
    const repo = em ? em.getRepository(SmsMessageEntity) : this.messages;
    return repo.exists({ where: { provider, providerMessageId } });
  }
}
