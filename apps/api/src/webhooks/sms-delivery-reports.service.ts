import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SmsMessageEntity } from '@twofold/persistence';
import type { DeliveryTransition } from './utils/twilio-status.util';

export type ReportOutcome = 'updated' | 'unchanged' | 'unknown-message';

/**
 * Applies delivery reports to sms_message. Each transition is one conditional UPDATE, so
 * reports are idempotent and order-tolerant: a late "sent" never overwrites DELIVERED or
 * FAILED, and the first final state (DELIVERED or FAILED) stays.
 */
@Injectable()
export class SmsDeliveryReportsService {
  constructor(@InjectRepository(SmsMessageEntity) private readonly messages: Repository<SmsMessageEntity>) {}

  async apply(
    provider: string,
    providerMessageId: string,
    transition: DeliveryTransition,
    now: Date,
  ): Promise<ReportOutcome> {
    if (transition.to === 'IGNORE')
      return (await this.exists(provider, providerMessageId)) ? 'unchanged' : 'unknown-message';
    const where = `provider = $1 AND provider_message_id = $2`;
    let sql: string;
    let params: unknown[];
    switch (transition.to) {
      case 'SENT':
        sql = `UPDATE sms_message SET status = 'SENT', sent_at = COALESCE(sent_at, $3), updated_at = $3 WHERE ${where} AND status IN ('QUEUED', 'SENDING') RETURNING id`;
        params = [provider, providerMessageId, now];
        break;
      case 'DELIVERED':
        sql = `UPDATE sms_message SET status = 'DELIVERED', delivered_at = $3, sent_at = COALESCE(sent_at, $3), failure_reason = NULL, updated_at = $3
                WHERE ${where} AND status IN ('QUEUED', 'SENDING', 'SENT') RETURNING id`;
        params = [provider, providerMessageId, now];
        break;
      case 'FAILED':
        sql = `UPDATE sms_message SET status = 'FAILED', failed_at = $3, failure_reason = $4, updated_at = $3
                WHERE ${where} AND status IN ('QUEUED', 'SENDING', 'SENT') RETURNING id`;
        params = [provider, providerMessageId, now, transition.reason];
        break;
    }
    const result: unknown = await this.messages.query(sql, params);
    // TypeORM answers [rows, count] for a raw UPDATE on PostgreSQL.
    const count =
      Array.isArray(result) && typeof result[1] === 'number' ? result[1] : Array.isArray(result) ? result.length : 0;
    if (count > 0) return 'updated';
    return (await this.exists(provider, providerMessageId)) ? 'unchanged' : 'unknown-message';
  }

  private exists(provider: string, providerMessageId: string): Promise<boolean> {
    return this.messages.exists({ where: { provider, providerMessageId } });
  }
}
