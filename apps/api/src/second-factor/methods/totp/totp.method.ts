import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deriveKey, open } from '@twofold/sms-queue';
import { matchTotpStep } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { Errors } from '../../../common/errors';
import { isUuid } from '../../../common/ids';
import type { DescribedMethod } from '../../challenge-labels';
import { TwoFactorMethodKind } from '../../dto/two-factor-challenge.type';
import type { SecondFactorMethod, VerifyContext, VerifyResult } from '../second-factor-method';
import { TotpLoginStore } from './totp-login.store';

export const AUTHENTICATOR_APP_LABEL = 'Authenticator app';

/** The authenticator-app second factor (RFC 6238): a code of the current step or one either side, each step once. */
@Injectable()
export class TotpMethod implements SecondFactorMethod {
  readonly kind = TwoFactorMethodKind.TOTP;
  private readonly secretKey: Buffer;

  constructor(
    private readonly store: TotpLoginStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secretKey = deriveKey(config.appSecret, 'totp-secret');
  }

  async describe(em: EntityManager | null, accountId: string): Promise<DescribedMethod[]> {
    return (await this.store.methods(em, accountId)).map((m) => ({
      id: m.id,
      kind: TwoFactorMethodKind.TOTP,
      label: m.description ? `${AUTHENTICATOR_APP_LABEL} (${m.description})` : AUTHENTICATOR_APP_LABEL,
      maskedPhoneNumber: null,
      description: m.description,
      isDefault: m.isDefault,
    }));
  }

  /** Right when the code matches a step within ±1 of now that is newer than any accepted before (a replay is wrong). */
  async verify(ctx: VerifyContext): Promise<VerifyResult> {
    const method = ctx.methodId && isUuid(ctx.methodId) ? await this.store.method(ctx.em, ctx.ticket.accountId, ctx.methodId) : null;
    if (!method) throw Errors.notFound('Method');
    const detail = method.description ? `${AUTHENTICATOR_APP_LABEL} (${method.description})` : AUTHENTICATOR_APP_LABEL;
    const step = matchTotpStep(open(this.secretKey, method.secretSealed, method.id), ctx.response, ctx.now);
    if (step === null || !(await this.store.acceptStep(ctx.em, method.id, step, ctx.now))) return { result: 'wrong', detail };
    return { result: 'ok', detail };
  }

  /** The step's acceptance already stamped the last use. */
  async onUsed(): Promise<void> {
    return;
  }
}
