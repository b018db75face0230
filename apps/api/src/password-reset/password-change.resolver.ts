import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentAuth, Meta } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { ChangePasswordInput } from './dto/change-password.input';
import { PasswordChangeService } from './password-change.service';

@Resolver()
export class PasswordChangeResolver {
  constructor(private readonly change: PasswordChangeService) {}

  @Mutation(() => Boolean, {
    description:
      "Changes the signed-in account's password (sudo mode: REAUTH_REQUIRED outside it). The current password is checked like a sign-in (INVALID_CREDENTIALS, RATE_LIMITED); the new one follows sign-up's rules (BAD_USER_INPUT, fields.newPassword). Every other session ends; this one stays.",
  })
  changePassword(@CurrentAuth() auth: AuthState, @Args('input') input: ChangePasswordInput, @Meta() meta: RequestMeta): Promise<boolean> {
    return this.change.change(auth, input, meta);
  }
}
