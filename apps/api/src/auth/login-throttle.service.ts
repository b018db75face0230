import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LoginFailureEntity } from '@twofold/persistence';
import { addSeconds, slidingWindowRetryAfter } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Password failures per email (existing or not) in PostgreSQL: 10 within 15 minutes block the
 * email until the window passes, checked before any hashing.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async retryAfter(em: EntityManager, emailNormalized: string, now: Date): Promise<number> {
    const { loginFailures, loginFailureWindowSeconds } = this.config.limits;
    const rows: { created_at: Date }[] = await em.query(
      `SELECT created_at FROM login_failure WHERE email_normalized = $1 AND created_at > $2 ORDER BY created_at DESC LIMIT $3`,
      [emailNormalized, addSeconds(now, -loginFailureWindowSeconds), loginFailures],
    );
    return slidingWindowRetryAfter(
      rows.map((r) => r.created_at),
      loginFailures,
      loginFailureWindowSeconds,
      now,
    );
  }

  async recordFailure(em: EntityManager, emailNormalized: string, ip: string | null, now: Date): Promise<void> {
    await em.insert(LoginFailureEntity, { emailNormalized, createdAt: now, ipAddress: ip });
  }
}
