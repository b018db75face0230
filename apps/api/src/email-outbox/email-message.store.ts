import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EMAIL_RELAY_BATCH, MARK_EMAIL_MESSAGES_RELAYED, prepared, SELECT_EMAIL_DUE_FOR_RELAY } from '@twofold/persistence';
import type { EmailTemplate } from '@twofold/sms-queue';

/** An e-mail row as the outbox writes it (QUEUED). */
export interface EmailMessageInsert {
  id: string;
  accountId: string | null;
  toAddress: string;
  template: EmailTemplate;
  locale: string;
  dataSealed: string;
  clientIp: string | null;
}

/** A message the relay hands (again) to the queue. */
export interface DueEmail {
  id: string;
  account_id: string | null;
  to_address: string;
  template: EmailTemplate;
  locale: string;
  data_sealed: string;
}

export interface EmailBudgetState {
  /** E-mails of the account in the window (counted up to the budget), and the oldest of those. */
  accountSent: number;
  accountOldest: Date | null;
  /** E-mails caused from the client's IP key in the window (counted up to the budget), and the oldest of those. */
  ipSent: number;
  ipOldest: Date | null;
  /** E-mails of everyone in the window (counted up to the budget), and the oldest of those. */
  globalSent: number;
  globalOldest: Date | null;
}

const INSERT_SQL = `
INSERT INTO email_message (id, account_id, to_address, template, locale, data_sealed, client_ip, status, attempts, created_at, updated_at, enqueued_at)
VALUES ($1, $2, $3, $4, $5, $6, $8, 'QUEUED', 0, $7, $7, $7)`;

/** SQL of the outbox side of `email_message`: the insert, the budget, the relay's reads. */
@Injectable()
export class EmailMessageStore {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager, m: EmailMessageInsert, now: Date): Promise<void> {
    await prepared(em, 'email-message-insert', INSERT_SQL, [m.id, m.accountId, m.toAddress, m.template, m.locale, m.dataSealed, now, m.clientIp]);
  }

  /**
   * The e-mail budgets, under advisory locks on the account and the client's IP key taken first
   * (always in that order, so concurrent sends cannot both pass) and read in one statement; each
   * count reads at most its budget's rows. No IP key (no client address): the IP count is 0.
   * The account count is of the e-mails of `accountTemplates.templates` (`only`) or of every other
   * template (not `only`): a budget of its own for the e-mails a stranger can cause.
   */
  async budget(
    em: EntityManager,
    b: { accountId: string; ipKey: string | null; since: Date; perAccount: number; perIp: number; global: number; accountTemplates: { only: boolean; templates: readonly EmailTemplate[] } },
  ): Promise<EmailBudgetState> {
    // Without an IP key the second lock is the account's again (re-entrant): no shared lock for every address-less request.
    const accountLock = `email:budget:${b.accountId}`;
    await prepared(em, 'email-budget-lock', `SELECT pg_advisory_xact_lock(hashtextextended($1, 0)), pg_advisory_xact_lock(hashtextextended($2, 0))`, [
      accountLock,
      b.ipKey ? `email:ip:${b.ipKey}` : accountLock,
    ]);
    const rows = await prepared<{ a_n: number; a_oldest: Date | null; i_n: number; i_oldest: Date | null; g_n: number; g_oldest: Date | null }>(
      em,
      'email-budget',
      `SELECT a.n AS a_n, a.oldest AS a_oldest, i.n AS i_n, i.oldest AS i_oldest, g.n AS g_n, g.oldest AS g_oldest
         FROM (SELECT count(*)::int AS n, min(created_at) AS oldest
                 FROM (SELECT created_at FROM email_message
                        WHERE account_id = $1 AND created_at > $2 AND (template = ANY($7::text[])) = $8
                        ORDER BY created_at DESC LIMIT $3) x) a,
              (SELECT count(*)::int AS n, min(created_at) AS oldest
                 FROM (SELECT created_at FROM email_message WHERE client_ip = $5 AND created_at > $2 ORDER BY created_at DESC LIMIT $6) z) i,
              (SELECT count(*)::int AS n, min(created_at) AS oldest
                 FROM (SELECT created_at FROM email_message WHERE created_at > $2 ORDER BY created_at DESC LIMIT $4) y) g`,
      [b.accountId, b.since, b.perAccount, b.global, b.ipKey, b.perIp, [...b.accountTemplates.templates], b.accountTemplates.only],
    );
    const r = rows[0];
    return {
      accountSent: r?.a_n ?? 0,
      accountOldest: r?.a_oldest ?? null,
      ipSent: r?.i_n ?? 0,
      ipOldest: r?.i_oldest ?? null,
      globalSent: r?.g_n ?? 0,
      globalOldest: r?.g_oldest ?? null,
    };
  }

  /** Rows Redis may have lost, marked as handed over in the same transaction (SKIP LOCKED). */
  claimDue(requeueBefore: Date, staleSendingBefore: Date, now: Date): Promise<DueEmail[]> {
    return this.db.transaction(async (em) => {
      const due = await prepared<DueEmail>(em, SELECT_EMAIL_DUE_FOR_RELAY.name, SELECT_EMAIL_DUE_FOR_RELAY.text, [requeueBefore, staleSendingBefore, EMAIL_RELAY_BATCH]);
      if (due.length > 0) await prepared(em, MARK_EMAIL_MESSAGES_RELAYED.name, MARK_EMAIL_MESSAGES_RELAYED.text, [due.map((r) => r.id), now]);
      return due;
    });
  }
}
