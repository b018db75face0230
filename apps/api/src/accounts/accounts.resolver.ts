import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { asksOnly } from '../graphql/selected-fields';
import { Clock } from '../common/clock';
import { CurrentAuth, Meta, OptionalAuth, Public } from '../common/decorators';
import type { AuthState, GraphqlContext, RequestMeta } from '../common/request-context';
import { SessionModel } from '../sessions/dto/session.type';
import { toTwoFactorStatusModel } from '../two-factor/dto/to-model';
import { TwoFactorStatusModel } from '../two-factor/dto/two-factor-status.type';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { AccountsService } from './accounts.service';
import { AccountModel } from './dto/account.type';
import { SignUpInput } from './dto/sign-up.input';
import { toAccountModel } from './dto/to-account';
import { UpdateAccountInput } from './dto/update-account.input';

@Resolver(() => AccountModel)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly twoFactor: TwoFactorService,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Query(() => AccountModel, { nullable: true, description: 'The signed-in account; null when the request carries no valid session.' })
  me(@OptionalAuth() auth: AuthState | null): AccountModel | null {
    return auth ? toAccountModel(auth.account) : null;
  }

  @Public()
  @Mutation(() => SessionModel)
  signUp(@Args('input') input: SignUpInput, @Meta() meta: RequestMeta, @Context() ctx: GraphqlContext): Promise<SessionModel> {
    const acceptLanguage = ctx.req.headers['accept-language'];
    return this.accounts.signUp(input, meta, typeof acceptLanguage === 'string' ? acceptLanguage : undefined);
  }

  @Mutation(() => AccountModel, { description: "Changes the signed-in account's settings (its language)." })
  updateAccount(@CurrentAuth() auth: AuthState, @Args('input') input: UpdateAccountInput): Promise<AccountModel> {
    return this.accounts.update(auth, input);
  }

  @ResolveField('twoFactor', () => TwoFactorStatusModel)
  async twoFactorStatus(@Parent() account: AccountModel, @Info() info: GraphQLResolveInfo, @OptionalAuth() auth: AuthState | null): Promise<TwoFactorStatusModel> {
    // `twoFactor { enabled }` (what a page header asks) needs neither the numbers nor the
    // emergency-code counts, and the other fields are then never resolved. In a query about the
    // signed-in account it is already known: the session lookup read it (a query changes nothing
    // in between); otherwise one EXISTS.
    if (asksOnly(info, ['enabled', '__typename'])) {
      const known = info.operation.operation === 'query' && auth?.account.id === account.id;
      return { enabled: known ? auth.twoFactorEnabled : await this.twoFactor.isEnabled(null, account.id) } as TwoFactorStatusModel;
    }
    return toTwoFactorStatusModel(await this.twoFactor.state(null, account.id, this.clock.now()));
  }
}
