import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAuth, Meta } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SessionInfoModel } from './dto/session-info.type';
import { SessionsService } from './sessions.service';

/** The Security page's "Sessions": list, end one, end all others. None needs sudo mode. */
@Resolver(() => SessionInfoModel)
export class SessionsResolver {
  constructor(private readonly sessions: SessionsService) {}

  @Query(() => [SessionInfoModel], {
    name: 'sessions',
    description: "The signed-in account's live sessions, the current one first.",
  })
  sessionList(@CurrentAuth() auth: AuthState): Promise<SessionInfoModel[]> {
    return this.sessions.list(auth, 'replica');
  }

  @Mutation(() => [SessionInfoModel], {
    description: "Ends one of the signed-in account's sessions (not the current one: use logout).",
  })
  revokeSession(
    @CurrentAuth() auth: AuthState,
    @Args('id', { type: () => ID }) id: string,
    @Meta() meta: RequestMeta,
  ): Promise<SessionInfoModel[]> {
    return this.sessions.revokeOne(auth, id, meta);
  }

  @Mutation(() => [SessionInfoModel], { description: 'Ends every session of the account but the current one.' })
  revokeOtherSessions(@CurrentAuth() auth: AuthState, @Meta() meta: RequestMeta): Promise<SessionInfoModel[]> {
    return this.sessions.revokeOthers(auth, meta);
  }
}
