import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import {
  preparedCount,
  RECEIPT_SMS_DELIVERED,
  RECEIPT_SMS_FAILED,
  RECEIPT_SMS_SENT,
  SmsMessageEntity,
  type SmsMessageStatement,
} from '@twofold/persistence';
import type { DeliveryTransition } from './utils/twilio-status.util';

export type ReportOutcome = 'updated' | 'unchanged' | 'unknown-message';

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
  ) {}

  async apply(
    provider: string,
    providerMessageId: string,
    transition: DeliveryTransition,
    now: Date,
  ): Promise<ReportOutcome> {
    if (transition.to === 'IGNORE')
      return (await this.exists(provider, providerMessageId)) ? 'unchanged' : 'unknown-message';
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
    if ((await preparedCount(this.db, statement.name, statement.text, values)) > 0) return 'updated';
    return (await this.exists(provider, providerMessageId)) ? 'unchanged' : 'unknown-message';
  }

  private exists(provider: string, providerMessageId: string): Promise<boolean> {
    return this.messages.exists({ where: { provider, providerMessageId } });
  }
}
