import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountModel } from '../accounts/dto/account.type';
import { CurrentAuth, Meta, Public } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { EmailVerificationService } from './email-verification.service';

@Resolver(() => AccountModel)
export class EmailVerificationResolver {
  constructor(private readonly verification: EmailVerificationService) {}

  @ResolveField('emailVerified', () => Boolean, { description: 'Whether the address was proven by the link e-mailed at sign-up (or a resent one).' })
  emailVerified(@Parent() account: AccountModel): Promise<boolean> {
    return this.verification.isVerified(account.id);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Proves the account\'s e-mail address with the token of a verification link (single use, EMAIL_VERIFICATION_TTL_SECONDS). True once verified; BAD_USER_INPUT for an unknown, used or replaced token, CODE_EXPIRED for an expired one. No session needed.',
  })
  verifyEmail(@Args('token') token: string): Promise<boolean> {
    return this.verification.verify(token);
  }

  @Mutation(() => Boolean, {
    description:
      'E-mails a new verification link to the signed-in account (the older links stop working). False when the address is already verified (nothing sent); RATE_LIMITED beyond the e-mail budgets.',
  })
  resendVerificationEmail(@CurrentAuth() auth: AuthState, @Meta() meta: RequestMeta): Promise<boolean> {
    return this.verification.resend(auth, meta);
  }
}
