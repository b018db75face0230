import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentAuth, Meta } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { toTwoFactorStatusModel } from '../two-factor/dto/to-model';
import { ConfirmTotpMethodInput } from './dto/confirm-totp-method.input';
import { ConfirmTwoFactorMethodPayloadModel } from './dto/confirm-two-factor-method-payload.type';
import { TotpEnrollmentModel } from './dto/totp-enrollment.type';
import { TotpMethodsService } from './totp-methods.service';

@Resolver()
export class TotpMethodsResolver {
  constructor(private readonly totp: TotpMethodsService) {}

  @Mutation(() => TotpEnrollmentModel, { description: 'Starts adding an authenticator app: a fresh secret, shown only in this answer.' })
  startTotpEnrollment(@CurrentAuth() auth: AuthState): Promise<TotpEnrollmentModel> {
    return this.totp.start(auth);
  }

  @Mutation(() => ConfirmTwoFactorMethodPayloadModel, {
    description: 'Confirms an authenticator app with a code it shows; like confirmSmsMethod, the first confirmed method turns 2FA on.',
  })
  async confirmTotpMethod(@CurrentAuth() auth: AuthState, @Args('input') input: ConfirmTotpMethodInput, @Meta() meta: RequestMeta): Promise<ConfirmTwoFactorMethodPayloadModel> {
    const r = await this.totp.confirm(auth, input, meta);
    return { methodId: r.methodId, twoFactor: toTwoFactorStatusModel(r.twoFactor), backupCodes: r.backupCodes };
  }
}
