import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SettledCodeSms {
  status: 'DELIVERED' | 'FAILED';
  delivered_at: Date | null;
  failed_at: Date | null;
}

/** The receipts of a number's recent code SMS (the IDX_sms_message_method_created index). */
@Injectable()
export class SmsDeliveryHealthStore {
  constructor(private readonly db: DataSource) {}

  /** The last `limit` code SMS to the account's method that a receipt settled, newest first. */
  recentSettled(accountId: string, methodId: string, limit: number): Promise<SettledCodeSms[]> {
    return this.db.query(
      `SELECT status, delivered_at, failed_at FROM sms_message
        WHERE method_id = $1 AND account_id = $2 AND purpose <> 'NOTICE' AND status IN ('DELIVERED', 'FAILED')
        ORDER BY created_at DESC LIMIT $3`,
      [methodId, accountId, limit],
    );
  }
}
