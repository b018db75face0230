import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthState, GraphqlContext, RequestMeta } from './request-context';
import { Errors } from './errors';

export const IS_PUBLIC = 'twofold:isPublic';
/** Marks a query or mutation that works without a session (login, sign-up, the second factor). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

function gqlContext(ctx: ExecutionContext): GraphqlContext {
  return GqlExecutionContext.create(ctx).getContext<GraphqlContext>();
}

/** The signed-in session; resolvers that are not @Public() always have one. */
export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthState => {
  const auth = gqlContext(ctx).auth;
  if (!auth) throw Errors.unauthenticated();
  return auth;
});

/** The session when there is one (public resolvers). */
export const OptionalAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthState | null => gqlContext(ctx).auth);

export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => gqlContext(ctx).meta);
