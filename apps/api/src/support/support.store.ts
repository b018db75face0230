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

/** An open lost-phone recovery (issue 13 part 5) as `account show` lists it. */
export interface SupportRecoveryRow {
  status: 'REQUESTED' | 'WAITING';
  created_at: Date;
  confirmed_at: Date | null;
  ready_at: Date | null;
  expires_at: Date;
}

/** SQL of the operator CLI's reads (the account by e-mail, its open recovery); every change goes through the API's own services. */
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

  /** The account's newest open recovery (REQUESTED or WAITING, not past its expiry), or null. */
  async openRecovery(accountId: string, now: Date): Promise<SupportRecoveryRow | null> {
    const rows: SupportRecoveryRow[] = await this.db.query(
      `SELECT status, created_at, confirmed_at, ready_at, expires_at FROM account_recovery
        WHERE account_id = $1 AND status IN ('REQUESTED', 'WAITING') AND expires_at > $2 ORDER BY created_at DESC LIMIT 1`,
      [accountId, now],
    );
    return rows[0] ?? null;
  }
}
