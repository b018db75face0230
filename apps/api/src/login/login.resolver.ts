import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentAuth, Meta, Public } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import type { TwoFactorChallengeModel } from '../second-factor/dto/two-factor-challenge.type';
import type { SessionModel } from '../sessions/dto/session.type';
import { LoginInput } from './dto/login.input';
import { LoginResult } from './dto/login-result.type';
import { ReauthenticateInput } from './dto/reauthenticate.input';
import { LoginService } from './login.service';

@Resolver()
export class LoginResolver {
  constructor(private readonly login: LoginService) {}

  @Public()
  @Mutation(() => LoginResult, { name: 'login', description: 'Step one of login. Returns a Session when the account has no second factor, otherwise a TwoFactorChallenge.' })
  passwordStep(@Args('input') input: LoginInput, @Meta() meta: RequestMeta): Promise<SessionModel | TwoFactorChallengeModel> {
    return this.login.login(input, meta);
  }

  @Mutation(() => Boolean, { description: 'Revokes the current session.' })
  logout(@CurrentAuth() auth: AuthState, @Meta() meta: RequestMeta): Promise<boolean> {
    return this.login.logout(auth, meta);
  }

  @Mutation(() => LoginResult, {
    description:
      "Re-checks the signed-in account's password to unlock sensitive changes (sudo mode). With 2FA on it returns a TwoFactorChallenge; completing it refreshes this same session.",
  })
  reauthenticate(@CurrentAuth() auth: AuthState, @Args('input') input: ReauthenticateInput, @Meta() meta: RequestMeta): Promise<SessionModel | TwoFactorChallengeModel> {
    return this.login.reauthenticate(auth, input.password, meta);
  }
}
