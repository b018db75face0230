import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentAuth, Meta } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { toTwoFactorStatusModel } from '../two-factor/dto/to-model';
import { TwoFactorStatusModel } from '../two-factor/dto/two-factor-status.type';
import { UpdateTwoFactorMethodInput } from './dto/update-two-factor-method.input';
import { TwoFactorMethodsService } from './two-factor-methods.service';

@Resolver()
export class TwoFactorMethodsResolver {
  constructor(private readonly methods: TwoFactorMethodsService) {}

  @Mutation(() => TwoFactorStatusModel, { description: 'Renames any confirmed method (SMS number, authenticator app, security key).' })
  async updateTwoFactorMethod(@CurrentAuth() auth: AuthState, @Args('input') input: UpdateTwoFactorMethodInput, @Meta() meta: RequestMeta): Promise<TwoFactorStatusModel> {
    return toTwoFactorStatusModel(await this.methods.update(auth, input, meta));
  }

  @Mutation(() => TwoFactorStatusModel, { description: 'Removes any method; removing the last one turns 2FA off, as removeSmsMethod does.' })
  async removeTwoFactorMethod(@CurrentAuth() auth: AuthState, @Args('methodId', { type: () => ID }) methodId: string, @Meta() meta: RequestMeta): Promise<TwoFactorStatusModel> {
    return toTwoFactorStatusModel(await this.methods.remove(auth, methodId, meta));
  }

  @Mutation(() => TwoFactorStatusModel, { description: 'Turns 2FA off: every method, the emergency codes and the remembered devices go.' })
  async disableTwoFactor(@CurrentAuth() auth: AuthState, @Meta() meta: RequestMeta): Promise<TwoFactorStatusModel> {
    return toTwoFactorStatusModel(await this.methods.disable(auth, meta));
  }
}
