import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TotpEnrollmentEntity, TotpMethodEntity } from '@twofold/persistence';
import { deriveKey, open, seal } from '@twofold/sms-queue';
import { addSeconds, cleanText, DESCRIPTION_MAX_LENGTH, matchTotpStep, newTotpSecret, normalizeSmsCode, totpUri } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { isUuid } from '../common/ids';
import { lockAccount } from '../common/lock-account';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { NoticesService } from '../sms-outbox/notices.service';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { TwoFactorActivationService } from '../two-factor-activation/two-factor-activation.service';
import { TwoFactorService, type TwoFactorState } from '../two-factor/two-factor.service';
import type { TotpEnrollmentModel } from './dto/totp-enrollment.type';
import { TotpMethodStore } from './totp-method.store';

/** An enrollment not confirmed within this lapses (contract §7). */
export const TOTP_ENROLLMENT_TTL_SECONDS = 600;
export const TOTP_METHODS_PER_ACCOUNT = 5;

type ConfirmOutcome = { kind: 'ok'; backupCodes: string[] | null } | { kind: 'wrong'; remaining: number };

/** Adding an authenticator app: a secret shown once (sudo mode), then a first code confirms it. */
@Injectable()
export class TotpMethodsService {
  private readonly secretKey: Buffer;

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: TotpMethodStore,
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionsService,
    private readonly activation: TwoFactorActivationService,
    private readonly events: SecurityEventsService,
    private readonly notices: NoticesService,
    private readonly outbox: SmsOutboxService,
  ) {
    this.secretKey = deriveKey(config.appSecret, 'totp-secret');
  }

  /** A fresh 160-bit secret, sealed at rest; the only answer that ever carries it. Adding a method needs sudo mode. */
  async start(auth: AuthState): Promise<TotpEnrollmentModel> {
    const now = this.clock.now();
    if (!this.sessions.isRecentlyAuthenticated(auth.session, now)) throw Errors.reauthRequired();
    const secret = newTotpSecret();
    const id = randomUUID();
    const expiresAt = addSeconds(now, TOTP_ENROLLMENT_TTL_SECONDS);
    await this.outbox.inTransaction(async (em) => {
      await lockAccount(em, auth.account.id);
      if ((await this.store.count(em, auth.account.id)) >= TOTP_METHODS_PER_ACCOUNT) {
        throw Errors.badInput({ enrollmentId: `You can add at most ${TOTP_METHODS_PER_ACCOUNT} authenticator apps.` }, 'Too many authenticator apps.');
      }
      await this.store.insertEnrollment(
        em,
        Object.assign(new TotpEnrollmentEntity(), { id, accountId: auth.account.id, secretSealed: seal(this.secretKey, secret, id), createdAt: now, expiresAt, failedAttempts: 0, consumedAt: null }),
      );
    });
    return { enrollmentId: id, secret, otpauthUri: totpUri(secret, auth.account.email), expiresAt };
  }

  /**
   * Confirms an enrollment with a code the app shows. The enrollment row is locked, so parallel
   * tries are counted one by one (5 at most); the step that confirmed is never accepted again.
   * Like the first SMS number, the first method turns 2FA on, ends the other sessions and hands
   * out emergency codes once.
   */
  async confirm(auth: AuthState, input: { enrollmentId: string; code: string; description?: string | null }, meta: RequestMeta): Promise<{ methodId: string; twoFactor: TwoFactorState; backupCodes: string[] | null }> {
    const description = cleanText(input.description, DESCRIPTION_MAX_LENGTH);
    const code = normalizeSmsCode(input.code ?? '');
    const fields: Record<string, string> = {};
    if (!description.ok) fields['description'] = description.message;
    if (!code) fields['code'] = 'Enter the 6-digit code from your authenticator app.';
    if (Object.keys(fields).length > 0) throw Errors.badInput(fields);
    if (!isUuid(input.enrollmentId)) throw Errors.notFound('Enrollment');
    const accountId = auth.account.id;
    const now = this.clock.now();

    const outcome = await this.outbox.inTransaction(async (em): Promise<ConfirmOutcome> => {
      const account = await lockAccount(em, accountId);
      const enrollment = await this.store.enrollment(em, accountId, input.enrollmentId);
      if (!enrollment || enrollment.consumedAt) throw Errors.notFound('Enrollment');
      if (enrollment.expiresAt.getTime() <= now.getTime()) throw Errors.codeExpired();
      if (enrollment.failedAttempts >= this.config.limits.codeAttempts) throw Errors.tooManyAttempts(0, 'Too many wrong codes: start adding the app again.');
      const step = matchTotpStep(open(this.secretKey, enrollment.secretSealed, enrollment.id), code as string, now);
      if (step === null) {
        await this.store.countFailure(em, enrollment.id);
        return { kind: 'wrong', remaining: Math.max(0, this.config.limits.codeAttempts - (enrollment.failedAttempts + 1)) };
      }
      if ((await this.store.count(em, accountId)) >= TOTP_METHODS_PER_ACCOUNT) throw Errors.badInput({ enrollmentId: `You can add at most ${TOTP_METHODS_PER_ACCOUNT} authenticator apps.` }, 'Too many authenticator apps.');
      const wasEnabled = await this.twoFactor.isEnabled(em, accountId);
      await this.store.insertMethod(
        em,
        Object.assign(new TotpMethodEntity(), {
          id: enrollment.id,
          accountId,
          secretSealed: enrollment.secretSealed, // sealed for this id already: the method keeps the enrollment's id
          description: description.ok ? description.value : null,
          isDefault: !wasEnabled,
          createdAt: now,
          lastUsedAt: null,
          lastTimeStep: String(step),
        }),
      );
      await this.store.consume(em, enrollment.id, now);
      await this.events.record(em, accountId, 'TOTP_METHOD_ADDED', meta, now, description.ok && description.value ? `authenticator app (${description.value})` : 'authenticator app');
      if (wasEnabled) {
        await this.notices.queue(em, { accountId, locale: account.locale, kind: 'TOTP_METHOD_ADDED', meta }, now);
        return { kind: 'ok', backupCodes: null };
      }
      return { kind: 'ok', backupCodes: await this.activation.turnedOn(em, accountId, auth.session.id, meta, now) };
    });

    if (outcome.kind === 'wrong') throw Errors.invalidCode(outcome.remaining);
    return { methodId: input.enrollmentId, twoFactor: await this.twoFactor.state(null, accountId, now), backupCodes: outcome.backupCodes };
  }
}
