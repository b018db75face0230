import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentAuth, Meta } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { ConfirmTwoFactorMethodPayloadModel } from '../totp-methods/dto/confirm-two-factor-method-payload.type';
import { toTwoFactorStatusModel } from '../two-factor/dto/to-model';
import { FinishSecurityKeyRegistrationInput } from './dto/finish-security-key-registration.input';
import { SecurityKeyRegistrationModel } from './dto/security-key-registration.type';
import { SecurityKeysService } from './security-keys.service';

@Resolver()
export class SecurityKeysResolver {
  constructor(private readonly securityKeys: SecurityKeysService) {}

  @Mutation(() => SecurityKeyRegistrationModel, { description: 'Starts registering a security key or passkey: WebAuthn creation options for navigator.credentials.create().' })
  startSecurityKeyRegistration(@CurrentAuth() auth: AuthState): Promise<SecurityKeyRegistrationModel> {
    return this.securityKeys.start(auth);
  }

  @Mutation(() => ConfirmTwoFactorMethodPayloadModel, {
    description: 'Verifies and stores the credential the browser created; like confirmSmsMethod, the first confirmed method turns 2FA on.',
  })
  async finishSecurityKeyRegistration(@CurrentAuth() auth: AuthState, @Args('input') input: FinishSecurityKeyRegistrationInput, @Meta() meta: RequestMeta): Promise<ConfirmTwoFactorMethodPayloadModel> {
    const r = await this.securityKeys.finish(auth, input, meta);
    return { methodId: r.methodId, twoFactor: toTwoFactorStatusModel(r.twoFactor), backupCodes: r.backupCodes };
  }
}
