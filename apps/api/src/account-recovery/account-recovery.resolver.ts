import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Meta, Public } from '../common/decorators';
import type { RequestMeta } from '../common/request-context';
import { SessionModel } from '../sessions/dto/session.type';
import { AccountRecoveryService } from './account-recovery.service';
import { AccountRecoveryStateModel } from './dto/account-recovery-state.type';
import { AccountRecoveryModel } from './dto/account-recovery.type';
import { CompleteAccountRecoveryInput } from './dto/complete-account-recovery.input';
import { ConfirmAccountRecoveryInput } from './dto/confirm-account-recovery.input';
import { StartAccountRecoveryInput } from './dto/start-account-recovery.input';

@Resolver()
export class AccountRecoveryResolver {
  constructor(private readonly recovery: AccountRecoveryService) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      '"I lost access to my phone and my codes", after the password step: e-mails a recovery link (RECOVERY_LINK_TTL_SECONDS) to the account\'s confirmed address. True (also when a recovery is already waiting: nothing sent). TICKET_EXPIRED for a used or expired ticket, FORBIDDEN without a confirmed address, RATE_LIMITED beyond the e-mail budget.',
  })
  startAccountRecovery(@Args('input') input: StartAccountRecoveryInput, @Meta() meta: RequestMeta): Promise<boolean> {
    return this.recovery.start(input.ticket, meta);
  }

  @Public()
  @Mutation(() => AccountRecoveryModel, {
    description:
      'The recovery link\'s first use: starts the waiting period (RECOVERY_DELAY_SECONDS), told to every number and the address. BAD_USER_INPUT for an unknown, used or expired link.',
  })
  confirmAccountRecovery(@Args('input') input: ConfirmAccountRecoveryInput, @Meta() meta: RequestMeta): Promise<AccountRecoveryModel> {
    return this.recovery.confirm(input.token, meta);
  }

  @Public()
  @Query(() => AccountRecoveryStateModel, {
    description:
      'Where the recovery of an e-mailed link stands (REQUESTED, WAITING until readyAt, READY, CANCELLED, COMPLETED, EXPIRED), read without spending the link: its page calls it on every visit. BAD_USER_INPUT for an unknown link.',
  })
  accountRecovery(@Args('token') token: string): Promise<AccountRecoveryStateModel> {
    return this.recovery.state(token);
  }

  @Public()
  @Mutation(() => SessionModel, {
    description:
      'After the waiting period, a fresh password step (ticket) plus the same link: 2FA is turned off (every method, the emergency codes and remembered devices go) and a session starts. BAD_USER_INPUT before the end of the wait, for another account\'s or a spent link, or when a second factor was used since the recovery started (it is then cancelled); TICKET_EXPIRED for a used or expired ticket.',
  })
  completeAccountRecovery(@Args('input') input: CompleteAccountRecoveryInput, @Meta() meta: RequestMeta): Promise<SessionModel> {
    return this.recovery.complete(input.ticket, input.token, meta);
  }
}
