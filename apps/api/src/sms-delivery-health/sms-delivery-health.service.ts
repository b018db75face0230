import { Injectable } from '@nestjs/common';
import type { SmsDeliveryHealthModel } from './dto/sms-delivery-health.type';
import { SmsDeliveryHealthStore, type SettledCodeSms } from './sms-delivery-health.store';

/** How many settled code SMS are looked at: enough for "failed N times in a row", bounded per number. */
const LOOK_BACK = 20;

/** From a number's settled code SMS, newest first: its last delivery and the failures since. */
export function deliveryHealthOf(rows: readonly SettledCodeSms[]): SmsDeliveryHealthModel {
  const delivered = rows.find((r) => r.status === 'DELIVERED');
  const failures = delivered ? rows.indexOf(delivered) : rows.length;
  return {
    lastDeliveredAt: delivered?.delivered_at ?? null,
    consecutiveFailures: failures,
    lastFailedAt: failures > 0 ? rows[0].failed_at : null,
  };
}

@Injectable()
export class SmsDeliveryHealthService {
  constructor(private readonly store: SmsDeliveryHealthStore) {}

  async of(accountId: string, methodId: string): Promise<SmsDeliveryHealthModel> {
    return deliveryHealthOf(await this.store.recentSettled(accountId, methodId, LOOK_BACK));
  }
}
