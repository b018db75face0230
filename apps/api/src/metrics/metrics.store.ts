import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** SQL read at scrape time: the shared truth every instance reports alike. */
@Injectable()
export class MetricsStore {
  constructor(private readonly db: DataSource) {}

  smsLastHour(): Promise<{ provider: string | null; status: string; purpose: string; n: number }[]> {
    return this.db.query(`SELECT provider, status, purpose, count(*)::int AS n FROM sms_message WHERE created_at > now() - interval '1 hour' GROUP BY 1, 2, 3`);
  }

  /** SMS the budgets or the pumping guard refused in the last hour (SMS_SEND_BLOCKED events), codes and notices apart. */
  async sendBlockedLastHour(): Promise<{ kind: 'code' | 'notice'; n: number }[]> {
    return this.db.query(
      `SELECT CASE WHEN detail LIKE '% notice to %' THEN 'notice' ELSE 'code' END AS kind, count(*)::int AS n
         FROM security_event WHERE type = 'SMS_SEND_BLOCKED' AND created_at > now() - interval '1 hour' GROUP BY 1`,
    );
  }
}
