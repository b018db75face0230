import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared } from '@twofold/persistence';

export interface RecoveryTicketRow {
  id: string;
  account_id: string;
  purpose: string;
  consumed_at: Date | null;
  expires_at: Date;
  failed_attempts: number;
}

/** A recovery as its link's page reads it (no lock, nothing written). */
export interface RecoveryStateRow {
  status: RecoveryRow['status'];
  ready_at: Date | null;
  expires_at: Date;
  locale: string;
  second_factor_used: boolean;
}

export interface RecoveryRow {
  id: string;
  account_id: string;
  status: 'REQUESTED' | 'WAITING' | 'CANCELLED' | 'COMPLETED';
  confirmed_at: Date | null;
  ready_at: Date | null;
  expires_at: Date;
}

/** SQL of `account_recovery`, and the reads recovery makes of the login ticket and the account. */
/**
 * Whether a second factor of `account` succeeded after `since` (SQL expressions): a number, an
 * authenticator app or a security key used (their `last_used_at`, written by every login and
 * re-authentication with them), an emergency code spent, or, for a method removed since (its
 * `last_used_at` gone with it) or codes regenerated, the sign-in or re-authentication event every
 * second-factor success records. Those that are not one say so in their detail ('password',
 * 'password and remembered device', 'password and account recovery'); any other detail counts, so
 * a new kind of success errs on the side of cancelling. Durable state, so no success path needs to
 * know about recovery.
 */
function secondFactorSinceSql(account: string, since: string): string {
  return `(EXISTS (SELECT 1 FROM sms_method WHERE account_id = ${account} AND last_used_at > ${since})
        OR EXISTS (SELECT 1 FROM totp_method WHERE account_id = ${account} AND last_used_at > ${since})
        OR EXISTS (SELECT 1 FROM security_key WHERE account_id = ${account} AND last_used_at > ${since})
        OR EXISTS (SELECT 1 FROM backup_code WHERE account_id = ${account} AND used_at > ${since})
        OR EXISTS (SELECT 1 FROM security_event WHERE account_id = ${account} AND created_at > ${since}
                     AND type IN ('LOGIN_SUCCEEDED', 'REAUTHENTICATED') AND coalesce(detail, '') NOT LIKE 'password%'))`;
}

@Injectable()
export class AccountRecoveryStore {
  constructor(private readonly db: DataSource) {}

  /**
   * The `accountRecovery` query's read, on the primary (it follows a confirmation at once), in one
   * statement: the row behind the link's hash, the account's language, and whether a second factor
   * succeeded since the confirmation (the cancellation `complete` would record; see secondFactorSince).
   */
  async stateByHash(tokenHash: Buffer): Promise<RecoveryStateRow | null> {
    const rows = await prepared<RecoveryStateRow>(
      this.db,
      'recovery-state',
      `SELECT r.status, r.ready_at, r.expires_at, a.locale,
              (r.status = 'WAITING' AND r.confirmed_at IS NOT NULL AND ${secondFactorSinceSql('r.account_id', 'r.confirmed_at')}) AS second_factor_used
         FROM account_recovery r JOIN account a ON a.id = r.account_id
        WHERE r.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** The login ticket behind a hash, locked (the password step's proof; recovery spends it when it completes). */
  async lockTicket(em: EntityManager, tokenHash: Buffer): Promise<RecoveryTicketRow | null> {
    const rows = await prepared<RecoveryTicketRow>(
      em,
      'recovery-ticket-lock',
      `SELECT id, account_id, purpose, consumed_at, expires_at, failed_attempts FROM login_ticket WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async consumeTicket(em: EntityManager, ticketId: string, now: Date): Promise<boolean> {
    const rows = await prepared(em, 'recovery-ticket-consume', `UPDATE login_ticket SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL RETURNING id`, [ticketId, now]);
    return rows.length === 1;
  }

  async account(em: EntityManager, accountId: string): Promise<{ email: string; name: string; locale: string; verified: boolean } | null> {
    const rows = await prepared<{ email: string; name: string; locale: string; verified: boolean }>(
      em,
      'recovery-account',
      `SELECT email, name, locale, email_verified_at IS NOT NULL AS verified FROM account WHERE id = $1`,
      [accountId],
    );
    return rows[0] ?? null;
  }

  /** A new request replaces the account's unconfirmed ones; answers the WAITING one's ready time, if any. */
  async replaceRequested(em: EntityManager, accountId: string, now: Date): Promise<Date | null> {
    await prepared(em, 'recovery-drop-requested', `DELETE FROM account_recovery WHERE account_id = $1 AND status = 'REQUESTED'`, [accountId]);
    const rows = await prepared<{ ready_at: Date }>(
      em,
      'recovery-waiting',
      `SELECT ready_at FROM account_recovery WHERE account_id = $1 AND status = 'WAITING' AND expires_at > $2 LIMIT 1`,
      [accountId, now],
    );
    return rows[0]?.ready_at ?? null;
  }

  async insert(em: EntityManager, row: { id: string; accountId: string; tokenHash: Buffer; expiresAt: Date }, now: Date): Promise<void> {
    await prepared(
      em,
      'recovery-insert',
      `INSERT INTO account_recovery (id, account_id, token_hash, status, created_at, expires_at) VALUES ($1, $2, $3, 'REQUESTED', $4, $5)`,
      [row.id, row.accountId, row.tokenHash, now, row.expiresAt],
    );
  }

  /** The account a link is for (no lock: the caller locks the account, then the row). */
  async accountOf(em: EntityManager, tokenHash: Buffer): Promise<string | null> {
    const rows = await prepared<{ account_id: string }>(em, 'recovery-account-of', `SELECT account_id FROM account_recovery WHERE token_hash = $1`, [tokenHash]);
    return rows[0]?.account_id ?? null;
  }

  /** The link's first use, in one statement (of concurrent uses one confirms): REQUESTED and live → WAITING. */
  async confirm(em: EntityManager, tokenHash: Buffer, now: Date, readyAt: Date, expiresAt: Date): Promise<{ id: string; account_id: string; ready_at: Date } | null> {
    const rows = await prepared<{ id: string; account_id: string; ready_at: Date }>(
      em,
      'recovery-confirm',
      `UPDATE account_recovery SET status = 'WAITING', confirmed_at = $2, ready_at = $3, expires_at = $4
        WHERE token_hash = $1 AND status = 'REQUESTED' AND expires_at > $2
        RETURNING id, account_id, ready_at`,
      [tokenHash, now, readyAt, expiresAt],
    );
    return rows[0] ?? null;
  }

  async lockByHash(em: EntityManager, tokenHash: Buffer): Promise<RecoveryRow | null> {
    const rows = await prepared<RecoveryRow>(
      em,
      'recovery-lock',
      `SELECT id, account_id, status, confirmed_at, ready_at, expires_at FROM account_recovery WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Whether a second factor of the account succeeded after `since` (secondFactorSinceSql). */
  async secondFactorSince(em: EntityManager, accountId: string, since: Date): Promise<boolean> {
    const rows = await prepared<{ used: boolean }>(
      em,
      'recovery-second-factor-since',
      `SELECT ${secondFactorSinceSql('$1', '$2::timestamptz')} AS used`,
      [accountId, since],
    );
    return rows[0]?.used === true;
  }

  async end(em: EntityManager, id: string, status: 'CANCELLED' | 'COMPLETED', now: Date): Promise<void> {
    await prepared(em, 'recovery-end', `UPDATE account_recovery SET status = $2, ended_at = $3 WHERE id = $1`, [id, status, now]);
  }

  /** Cancels the account's open recoveries (REQUESTED or WAITING); answers how many. */
  async cancelOpen(em: EntityManager, accountId: string, now: Date): Promise<number> {
    const rows = await prepared(
      em,
      'recovery-cancel-open',
      `UPDATE account_recovery SET status = 'CANCELLED', ended_at = $2 WHERE account_id = $1 AND status IN ('REQUESTED', 'WAITING') RETURNING id`,
      [accountId, now],
    );
    return rows.length;
  }
}
