import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Hands expected errors (GraphQLError with a contract code) to Apollo untouched, so they are
 * not logged as crashes. Anything else is logged once, masked, with a correlation id, by
 * formatGraphqlError.
 */
@Catch(GraphQLError)
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  catch(exception: GraphQLError): GraphQLError {
    return exception;
  }
}
