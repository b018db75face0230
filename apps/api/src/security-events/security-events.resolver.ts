import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentAuth } from '../common/decorators';
import type { AuthState } from '../common/request-context';
import { SecurityEventConnection } from './dto/security-event.type';
import { SecurityEventsService } from './security-events.service';

@Resolver()
export class SecurityEventsResolver {
  constructor(private readonly events: SecurityEventsService) {}

  @Query(() => SecurityEventConnection, { description: 'Security events of the signed-in account, newest first.' })
  async securityEvents(
    @CurrentAuth() auth: AuthState,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<SecurityEventConnection> {
    const page = await this.events.list(auth.account.id, first ?? 20, after ?? null);
    return { nodes: page.nodes, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }
}
