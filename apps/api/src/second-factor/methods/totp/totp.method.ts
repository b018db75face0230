import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deriveKey, open } from '@twofold/sms-queue';
import { hashOpaqueToken, matchTotpStep } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { Errors } from '../../../common/errors';
import { isUuid } from '../../../common/ids';
import type { RequestMeta } from '../../../common/request-context';
import { orderedEventId } from '../../../security-events/event-id';
import type { SessionModel } from '../../../sessions/dto/session.type';
import { SessionsService } from '../../../sessions/sessions.service';
import { TicketsService } from '../../tickets.service';
import { sessionFromFastRow } from '../fast-login-row';
import type { DescribedMethod } from '../../challenge-labels';
import { TwoFactorMethodKind } from '../../dto/two-factor-challenge.type';
import type { SecondFactorMethod, VerifyContext, VerifyResult } from '../second-factor-method';
import { TotpLoginFastStore } from './totp-login-fast.store';
import { TotpLoginStore } from './totp-login.store';

export const AUTHENTICATOR_APP_LABEL = 'Authenticator app';

/** The authenticator-app second factor (RFC 6238): a code of the current step or one either side, each step once. */
@Injectable()
export class TotpMethod implements SecondFactorMethod {
  readonly kind = TwoFactorMethodKind.TOTP;
  private readonly secretKey: Buffer;

  constructor(
    private readonly store: TotpLoginStore,
    private readonly fast: TotpLoginFastStore,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.secretKey = deriveKey(config.appSecret, 'totp-secret');
  }

  async describe(em: EntityManager | null, accountId: string): Promise<DescribedMethod[]> {
    return (await this.store.methods(em, accountId)).map((m) => ({
      id: m.id,
      kind: TwoFactorMethodKind.TOTP,
      label: appLabel(m.description),
      maskedPhoneNumber: null,
      description: m.description,
      isDefault: m.isDefault,
    }));
  }

  /** Right when the code matches a step within ±1 of now that is newer than any accepted before (a replay is wrong). */
  async verify(ctx: VerifyContext): Promise<VerifyResult> {
    const method = ctx.methodId && isUuid(ctx.methodId) ? await this.store.method(ctx.em, ctx.ticket.accountId, ctx.methodId) : null;
    if (!method) throw Errors.notFound('Method');
    const detail = appLabel(method.description);
    const step = matchTotpStep(open(this.secretKey, method.secretSealed, method.id), ctx.response, ctx.now);
    if (step === null || !(await this.store.acceptStep(ctx.em, method.id, step, ctx.now))) return { result: 'wrong', detail };
    return { result: 'ok', detail };
  }

  /** The step's acceptance already stamped the last use. */
  async onUsed(): Promise<void> {
    return;
  }

  /**
   * The success path in two round trips (TotpLoginFastStore); null sends the caller down the
   * locked path, which names the error and counts the failure.
   */
  async completeAtOnce(ticket: string, methodId: string, code: string, meta: RequestMeta, now: Date): Promise<SessionModel | null> {
    if (!isUuid(methodId) || !TicketsService.looksLikeTicket(ticket)) return null;
    const ticketTokenHash = hashOpaqueToken(ticket);
    const maxTicketFailures = this.config.limits.codeAttempts;
    const app = await this.fast.appOfTicket(ticketTokenHash, methodId, now, maxTicketFailures);
    const step = app ? matchTotpStep(open(this.secretKey, app.secret_sealed, app.id), code, now) : null;
    if (step === null) return null;
    const { token, ...session } = this.sessions.mint(now);
    const row = await this.fast.completeAtOnce({
      ticketTokenHash,
      methodId,
      step,
      now,
      maxTicketFailures,
      session,
      ip: meta.ip,
      userAgent: meta.userAgent,
      eventId: orderedEventId(now),
      label: AUTHENTICATOR_APP_LABEL,
    });
    return row ? sessionFromFastRow(token, row) : null;
  }
}

/** The app's name at login and in events: the fast path's statement builds the same text. */
function appLabel(description: string | null): string {
  return description ? `${AUTHENTICATOR_APP_LABEL} (${description})` : AUTHENTICATOR_APP_LABEL;
}
