import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Meta, Public } from '../common/decorators';
import type { RequestMeta } from '../common/request-context';
import { RequestPasswordResetInput } from './dto/request-password-reset.input';
import { ResetPasswordInput } from './dto/reset-password.input';
import { PasswordResetService } from './password-reset.service';

/** Forgotten password: public (the e-mailed link is the credential), no session returned. */
@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      'E-mails a single-use link (15 minutes) to choose a new password, when an account has this address. Always true, at once, whether or not it has one, is verified or is over the e-mail budgets (no enumeration); BAD_USER_INPUT only for an empty or malformed value.',
  })
  requestPasswordReset(@Args('input') input: RequestPasswordResetInput, @Meta() meta: RequestMeta): boolean {
    return this.resets.request(input.email, meta);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Sets a new password with the token of a reset link (single use): every session ends and every remembered device is forgotten. True; INVALID_TOKEN for an unknown, used or expired token, BAD_USER_INPUT (fields.newPassword) under sign-up's rules. Returns no session: with 2FA on, the next login still asks for the second factor.",
  })
  resetPassword(@Args('input') input: ResetPasswordInput, @Meta() meta: RequestMeta): Promise<boolean> {
    return this.resets.reset(input, meta);
  }
}
