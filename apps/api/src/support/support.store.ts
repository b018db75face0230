import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SupportAccountRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  email_verified_at: Date | null;
  created_at: Date;
}

/** SQL of the operator CLI's account lookup; everything else goes through the API's own services. */
@Injectable()
export class SupportStore {
  constructor(private readonly db: DataSource) {}

  async accountByEmail(emailNormalized: string): Promise<SupportAccountRow | null> {
    const rows: SupportAccountRow[] = await this.db.query(
      `SELECT id, email, name, locale, email_verified_at, created_at FROM account WHERE email_normalized = $1`,
      [emailNormalized],
    );
    return rows[0] ?? null;
  }
}
