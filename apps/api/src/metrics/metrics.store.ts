import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** SQL read at scrape time: the shared truth every instance reports alike. */
@Injectable()
export class MetricsStore {
  constructor(private readonly db: DataSource) {}

  smsLastHour(): Promise<{ provider: string | null; status: string; purpose: string; n: number }[]> {
    return this.db.query(`SELECT provider, status, purpose, count(*)::int AS n FROM sms_message WHERE created_at > now() - interval '1 hour' GROUP BY 1, 2, 3`);
  }
}
