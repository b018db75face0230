import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Clock } from '../common/clock';
import { IS_PUBLIC } from '../common/decorators';
import { Errors } from '../common/errors';
import { bearerToken, type GraphqlContext } from '../common/request-context';
import { SessionsService } from './sessions.service';

/**
 * Runs before every query and mutation: resolves the bearer token once per request and refuses
 * resolvers not marked @Public() without a valid session. Guarding is the default, so a new
 * resolver cannot be left open by forgetting a decorator.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    if (ctx.auth === undefined) {
      const token = bearerToken(ctx.req);
      ctx.auth = token ? await this.sessions.authenticate(token, ctx.meta, this.clock.now()) : null;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic && !ctx.auth) throw Errors.unauthenticated();
    return true;
  }
}
