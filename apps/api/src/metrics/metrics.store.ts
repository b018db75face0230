import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CodeDeliveryRow {
  provider: string;
  country: string;
  sent: number;
  delivered: number;
  failed: number;
  entered: number;
  /** Seconds from sent to delivered at the 0.5, 0.9 and 0.99 quantiles; null without a delivery. */
  latency: number[] | null;
}

/** SQL read at scrape time: the shared truth every instance reports alike. */
@Injectable()
export class MetricsStore {
  constructor(private readonly db: DataSource) {}

  smsLastHour(): Promise<{ provider: string | null; status: string; purpose: string; n: number }[]> {
    return this.db.query(`SELECT provider, status, purpose, count(*)::int AS n FROM sms_message WHERE created_at > now() - interval '1 hour' GROUP BY 1, 2, 3`);
  }

  /**
   * Code SMS of the last hour per provider and destination country, by provider attempt
   * (sms_attempt: a receipt-driven fallback counts for the provider that took each turn): how many
   * a provider took, how many its receipts settled each way, how many codes were then entered
   * (verified_at, counted for the message's last attempt), and the receipt latency (sent to
   * delivered) quantiles.
   */
  codeDeliveryLastHour(): Promise<CodeDeliveryRow[]> {
    return this.db.query(
      `SELECT a.provider, coalesce(m.country_code, 'unknown') AS country,
              count(*) FILTER (WHERE a.status IN ('SENT', 'DELIVERED', 'FAILED'))::int AS sent,
              count(*) FILTER (WHERE a.status = 'DELIVERED')::int AS delivered,
              count(*) FILTER (WHERE a.status = 'FAILED')::int AS failed,
              count(*) FILTER (WHERE m.verified_at IS NOT NULL
                                 AND NOT EXISTS (SELECT 1 FROM sms_attempt b WHERE b.message_id = a.message_id AND b.seq > a.seq))::int AS entered,
              percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM a.delivered_at - a.sent_at))
                FILTER (WHERE a.status = 'DELIVERED' AND a.delivered_at >= a.sent_at) AS latency
         FROM sms_attempt a
         JOIN sms_message m ON m.id = a.message_id AND m.created_at > now() - interval '2 hours'
        WHERE a.created_at > now() - interval '1 hour' AND m.purpose <> 'NOTICE'
        GROUP BY 1, 2`,
    );
  }

  /** SMS the budgets or the pumping guard refused in the last hour (SMS_SEND_BLOCKED events), codes and notices apart. */
  async sendBlockedLastHour(): Promise<{ kind: 'code' | 'notice'; n: number }[]> {
    return this.db.query(
      `SELECT CASE WHEN detail LIKE '% notice to %' THEN 'notice' ELSE 'code' END AS kind, count(*)::int AS n
         FROM security_event WHERE type = 'SMS_SEND_BLOCKED' AND created_at > now() - interval '1 hour' GROUP BY 1`,
    );
  }
}
