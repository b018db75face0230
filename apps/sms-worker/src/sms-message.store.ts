import type { DataSource } from 'typeorm';

/** PostgreSQL did not answer: the job waits and comes back, without spending a send attempt. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export interface ClaimedMessage {
  attempts: number;
  codeExpiresAt: Date | null;
}

/** TypeORM answers `[rows, rowCount]` for a raw UPDATE on PostgreSQL and `rows` otherwise. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return (result as T[]) ?? [];
}

/**
 * The worker's writes to sms_message. Every transition is one conditional UPDATE, so two
 * workers, the API's relay and the delivery-report webhook can race without a lost update:
 * SENT never overwrites DELIVERED or FAILED, FAILED never overwrites SENT/DELIVERED.
 */
export class SmsMessageStore {
  constructor(private readonly db: DataSource) {}

  private async query(sql: string, params: unknown[]): Promise<unknown> {
    try {
      return await this.db.query(sql, params);
    } catch (err) {
      // pg errors name the failure, never the parameters (no number, no body).
      throw new StoreUnavailableError(`postgresql: ${(err as Error).message}`);
    }
  }

  /** QUEUED/SENDING → SENDING, attempts + 1. Null when the message is already done (or unknown). */
  async claim(id: string, now: Date): Promise<ClaimedMessage | null> {
    const rows = rowsOf<{ attempts: number; code_expires_at: Date | null }>(
      await this.query(
        `UPDATE sms_message SET status = 'SENDING', attempts = attempts + 1, updated_at = $2
          WHERE id = $1 AND status IN ('QUEUED', 'SENDING')
          RETURNING attempts, code_expires_at`,
        [id, now],
      ),
    );
    if (rows.length === 0) return null;
    return {
      attempts: Number(rows[0].attempts),
      codeExpiresAt: rows[0].code_expires_at ? new Date(rows[0].code_expires_at) : null,
    };
  }

  async markSent(id: string, provider: string, providerMessageId: string, now: Date): Promise<boolean> {
    const rows = rowsOf(
      await this.query(
        `UPDATE sms_message SET status = 'SENT', provider = $2, provider_message_id = $3, sent_at = $4, updated_at = $4, failure_reason = NULL
          WHERE id = $1 AND status IN ('QUEUED', 'SENDING')
          RETURNING id`,
        [id, provider, providerMessageId, now],
      ),
    );
    return rows.length > 0;
  }

  /** Keeps SENDING but records why the last attempt failed (shown by smsDispatch while retrying). */
  async noteRetry(id: string, reason: string, provider: string | null, now: Date): Promise<void> {
    await this.query(
      `UPDATE sms_message SET failure_reason = $2, provider = COALESCE($3, provider), updated_at = $4 WHERE id = $1 AND status IN ('QUEUED', 'SENDING')`,
      [id, reason, provider, now],
    );
  }

  async markFailed(id: string, reason: string, provider: string | null, now: Date): Promise<boolean> {
    const rows = rowsOf(
      await this.query(
        `UPDATE sms_message SET status = 'FAILED', failure_reason = $2, provider = COALESCE($3, provider), failed_at = $4, updated_at = $4
          WHERE id = $1 AND status IN ('QUEUED', 'SENDING')
          RETURNING id`,
        [id, reason, provider, now],
      ),
    );
    return rows.length > 0;
  }
}
