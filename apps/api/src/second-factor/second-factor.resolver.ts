import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Meta, OptionalAuth, Public } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SessionModel } from '../sessions/dto/session.type';
import { SmsCodeDispatchModel } from '../sms-codes/dto/sms-code-dispatch.type';
import { CompleteLoginWithBackupCodeInput } from './dto/complete-login-with-backup-code.input';
import { CompleteLoginWithSecurityKeyInput } from './dto/complete-login-with-security-key.input';
import { CompleteLoginWithSmsInput } from './dto/complete-login-with-sms.input';
import { CompleteLoginWithTotpInput } from './dto/complete-login-with-totp.input';
import { SecurityKeyAssertionModel } from './dto/security-key-assertion.type';
import { SendLoginSmsCodeInput } from './dto/send-login-sms-code.input';
import { StartSecurityKeyLoginInput } from './dto/start-security-key-login.input';
import { SecondFactorService } from './second-factor.service';

/** The second step of login and of sudo mode: public (a ticket is the credential), the session optional. */
@Resolver()
export class SecondFactorResolver {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Public()
  @Mutation(() => SmsCodeDispatchModel, { description: "Sends a login code by SMS to one of the challenge's SMS methods." })
  sendLoginSmsCode(@Args('input') input: SendLoginSmsCodeInput, @Meta() meta: RequestMeta, @OptionalAuth() auth: AuthState | null): Promise<SmsCodeDispatchModel> {
    return this.secondFactor.sendLoginSmsCode(input.ticket, input.methodId, meta, auth);
  }

  @Public()
  @Mutation(() => SessionModel)
  completeLoginWithSms(@Args('input') input: CompleteLoginWithSmsInput, @Meta() meta: RequestMeta, @OptionalAuth() auth: AuthState | null): Promise<SessionModel> {
    return this.secondFactor.completeWithSms(input.ticket, input.methodId, input.code, meta, auth, input.rememberDevice === true);
  }

  @Public()
  @Mutation(() => SessionModel)
  completeLoginWithTotp(@Args('input') input: CompleteLoginWithTotpInput, @Meta() meta: RequestMeta, @OptionalAuth() auth: AuthState | null): Promise<SessionModel> {
    return this.secondFactor.completeWithTotp(input.ticket, input.methodId, input.code, meta, auth, input.rememberDevice === true);
  }

  @Public()
  @Mutation(() => SessionModel)
  completeLoginWithBackupCode(
    @Args('input') input: CompleteLoginWithBackupCodeInput,
    @Meta() meta: RequestMeta,
    @OptionalAuth() auth: AuthState | null,
  ): Promise<SessionModel> {
    return this.secondFactor.completeWithBackupCode(input.ticket, input.code, meta, auth, input.rememberDevice === true);
  }

  @Public()
  @Mutation(() => SecurityKeyAssertionModel, { description: "WebAuthn request options for navigator.credentials.get(), bound to the challenge's ticket." })
  startSecurityKeyLogin(@Args('input') input: StartSecurityKeyLoginInput, @Meta() meta: RequestMeta, @OptionalAuth() auth: AuthState | null): Promise<SecurityKeyAssertionModel> {
    return this.secondFactor.startSecurityKeyLogin(input.ticket, meta, auth);
  }

  @Public()
  @Mutation(() => SessionModel)
  completeLoginWithSecurityKey(@Args('input') input: CompleteLoginWithSecurityKeyInput, @Meta() meta: RequestMeta, @OptionalAuth() auth: AuthState | null): Promise<SessionModel> {
    return this.secondFactor.completeWithSecurityKey(input.ticket, input.credential, meta, auth, input.rememberDevice === true);
  }
}
