import {
  CLAIM_EMAIL_MESSAGE,
  MARK_EMAIL_MESSAGE_FAILED,
  MARK_EMAIL_MESSAGE_SENT,
  NOTE_EMAIL_MESSAGE_RETRY,
  prepared,
  type EmailMessageStatement,
  type SqlTarget,
} from '@twofold/persistence/pg';
import { StoreUnavailableError } from '../sms-message.store';

/** The worker's writes to email_message: the transitions of email-message-transitions.ts, each one conditional UPDATE. */
export class EmailMessageStore {
  constructor(private readonly db: SqlTarget) {}

  private async query<T>(statement: EmailMessageStatement, values: unknown[]): Promise<T[]> {
    try {
      return await prepared<T>(this.db, statement.name, statement.text, values);
    } catch (err) {
      throw new StoreUnavailableError(`postgresql: ${(err as Error).message}`);
    }
  }

  /** QUEUED/SENDING → SENDING, attempts + 1; null when already done (or unknown). */
  async claim(id: string, now: Date): Promise<{ attempts: number } | null> {
    const rows = await this.query<{ attempts: number }>(CLAIM_EMAIL_MESSAGE, [id, now]);
    return rows[0] ? { attempts: Number(rows[0].attempts) } : null;
  }

  async markSent(id: string, providerMessageId: string, now: Date): Promise<boolean> {
    return (await this.query(MARK_EMAIL_MESSAGE_SENT, [id, providerMessageId, now])).length > 0;
  }

  async noteRetry(id: string, reason: string, now: Date): Promise<void> {
    await this.query(NOTE_EMAIL_MESSAGE_RETRY, [id, reason, now]);
  }

  async markFailed(id: string, reason: string, now: Date): Promise<boolean> {
    return (await this.query(MARK_EMAIL_MESSAGE_FAILED, [id, reason, now])).length > 0;
  }
}
