import { Injectable } from '@nestjs/common';
import { passwordProblem } from '@twofold/two-factor-domain';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { lockAccount } from '../common/lock-account';
import type { AuthState, RequestMeta } from '../common/request-context';
import { LoginService } from '../login/login.service';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { NoticesService } from '../sms-outbox/notices.service';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { PasswordResetService } from './password-reset.service';

/**
 * `changePassword`: in sudo mode, the current password again (counted by the email's login
 * throttle), the new one under sign-up's rules. The new hash is written only while the stored one
 * is still the one just verified (a concurrent change or reset wins, this one is refused); every
 * other session ends, this one stays; unused reset links and pending sign-in tickets go; an event
 * and the notices.
 * Remembered devices stay: they stand in for the second factor, which did not change, and they
 * never skip the password, which did.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly clock: Clock,
    private readonly login: LoginService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly events: SecurityEventsService,
    private readonly notices: NoticesService,
    private readonly sms: SmsOutboxService,
    private readonly resets: PasswordResetService,
  ) {}

  async change(auth: AuthState, input: { currentPassword: string; newPassword: string }, meta: RequestMeta): Promise<boolean> {
    const now = this.clock.now();
    if (!this.sessions.isRecentlyAuthenticated(auth.session, now)) throw Errors.reauthRequired();
    const fields: Record<string, string> = {};
    if (!input.currentPassword || input.currentPassword.length > 4096) fields['currentPassword'] = 'Enter your current password.';
    const problem = passwordProblem(input.newPassword ?? '');
    if (problem) fields['newPassword'] = problem;
    if (Object.keys(fields).length > 0) throw Errors.badInput(fields);

    const verifiedHash = await this.login.checkCurrentPassword(auth.account.id, input.currentPassword, meta, now);
    const passwordHash = await this.hasher.hashPassword(input.newPassword);
    const accountId = auth.account.id;
    return this.sms.inTransaction(async (em) => {
      await lockAccount(em, accountId);
      if (!(await this.resets.setPasswordHash(em, accountId, passwordHash, verifiedHash))) throw Errors.invalidCredentials();
      await this.resets.forgetOldPassword(em, accountId, now);
      const ended = await this.sessions.revokeOthersOf(em, accountId, auth.session.id, now);
      await this.events.record(em, accountId, 'PASSWORD_CHANGED', meta, now, ended > 0 ? `${ended} other session(s) ended` : null);
      await this.notices.queue(em, { accountId, locale: auth.account.locale, kind: 'PASSWORD_CHANGED', meta }, now);
      return true;
    });
  }
}
