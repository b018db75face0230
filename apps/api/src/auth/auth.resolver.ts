import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentAuth, Meta, OptionalAuth, Public } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SmsCodeDispatchModel } from '../sms-codes/dto/sms-code-dispatch.type';
import { AuthService } from './auth.service';
import { CompleteLoginWithBackupCodeInput } from './dto/complete-login-with-backup-code.input';
import { CompleteLoginWithSmsInput } from './dto/complete-login-with-sms.input';
import { LoginInput } from './dto/login.input';
import { ReauthenticateInput } from './dto/reauthenticate.input';
import { SendLoginSmsCodeInput } from './dto/send-login-sms-code.input';
import { SessionModel } from './dto/session.type';
import { LoginResult, TwoFactorChallengeModel } from './dto/two-factor-challenge.type';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => LoginResult, { description: 'Step one of login. Returns a Session when the account has no second factor, otherwise a TwoFactorChallenge.' })
  login(@Args('input') input: LoginInput, @Meta() meta: RequestMeta): Promise<SessionModel | TwoFactorChallengeModel> {
    return this.auth.login(input, meta);
  }

  @Public()
  @Mutation(() => SmsCodeDispatchModel, { description: "Sends a login code by SMS to one of the challenge's SMS methods." })
  sendLoginSmsCode(@Args('input') input: SendLoginSmsCodeInput, @Meta() meta: RequestMeta, @OptionalAuth() auth: AuthState | null): Promise<SmsCodeDispatchModel> {
    return this.auth.sendLoginSmsCode(input.ticket, input.methodId, meta, auth);
  }

  @Public()
  @Mutation(() => SessionModel)
  completeLoginWithSms(@Args('input') input: CompleteLoginWithSmsInput, @Meta() meta: RequestMeta, @OptionalAuth() auth: AuthState | null): Promise<SessionModel> {
    return this.auth.completeWithSms(input.ticket, input.methodId, input.code, meta, auth);
  }

  @Public()
  @Mutation(() => SessionModel)
  completeLoginWithBackupCode(
    @Args('input') input: CompleteLoginWithBackupCodeInput,
    @Meta() meta: RequestMeta,
    @OptionalAuth() auth: AuthState | null,
  ): Promise<SessionModel> {
    return this.auth.completeWithBackupCode(input.ticket, input.code, meta, auth);
  }

  @Mutation(() => Boolean, { description: 'Revokes the current session.' })
  logout(@CurrentAuth() auth: AuthState, @Meta() meta: RequestMeta): Promise<boolean> {
    return this.auth.logout(auth, meta);
  }

  @Mutation(() => LoginResult, {
    description:
      "Re-checks the signed-in account's password to unlock sensitive changes (sudo mode). With 2FA on it returns a TwoFactorChallenge; completing it refreshes this same session.",
  })
  reauthenticate(@CurrentAuth() auth: AuthState, @Args('input') input: ReauthenticateInput, @Meta() meta: RequestMeta): Promise<SessionModel | TwoFactorChallengeModel> {
    return this.auth.reauthenticate(auth, input.password, meta);
  }
}
