import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountEntity, affectedCount, SecurityKeyEntity, SecurityKeyLoginChallengeEntity } from '@twofold/persistence';

/** SQL of the security-key second factor: the account's keys, the ticket's challenge and the counter. */
@Injectable()
export class SecurityKeyLoginStore {
  keys(em: EntityManager | null, accountId: string): Promise<SecurityKeyEntity[]> {
    if (!em) throw new Error('security-key: describe runs in the challenge transaction');
    return em.find(SecurityKeyEntity, { where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The account's key with this credential id (another account's is simply not found). */
  byCredentialId(em: EntityManager, accountId: string, credentialId: string): Promise<SecurityKeyEntity | null> {
    return em.findOne(SecurityKeyEntity, { where: { accountId, credentialId } });
  }

  /** Until when the account's second-factor step is blocked (the lockout), if it is. */
  async blockedUntil(em: EntityManager, accountId: string): Promise<Date | null> {
    const account = await em.findOne(AccountEntity, { where: { id: accountId }, select: { id: true, secondFactorBlockedUntil: true } });
    return account?.secondFactorBlockedUntil ?? null;
  }

  /** The ticket's challenge; a new start replaces the previous one. */
  async putChallenge(em: EntityManager, row: SecurityKeyLoginChallengeEntity): Promise<void> {
    await em.query(
      `INSERT INTO security_key_login_challenge (ticket_id, challenge, created_at, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (ticket_id) DO UPDATE SET challenge = EXCLUDED.challenge, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at`,
      [row.ticketId, row.challenge, row.createdAt, row.expiresAt],
    );
  }

  challenge(em: EntityManager, ticketId: string): Promise<SecurityKeyLoginChallengeEntity | null> {
    return em.findOne(SecurityKeyLoginChallengeEntity, { where: { ticketId } });
  }

  async deleteChallenge(em: EntityManager, ticketId: string): Promise<void> {
    await em.query(`DELETE FROM security_key_login_challenge WHERE ticket_id = $1`, [ticketId]);
  }

  /**
   * Stores the assertion's counter and the last use, only if the stored counter is still the one
   * the assertion was checked against: of two logins with one key at once, a clone loses.
   */
  async acceptCounter(em: EntityManager, keyId: string, checkedAgainst: string, newCounter: number, now: Date): Promise<boolean> {
    const result = await em.query(`UPDATE security_key SET sign_count = $3, last_used_at = $4 WHERE id = $1 AND sign_count = $2`, [keyId, checkedAgainst, newCounter, now]);
    return affectedCount(result) === 1;
  }
}
