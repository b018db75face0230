import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { requestIdOf } from '../common/request-id';
import type { GraphqlContext } from '../common/request-context';
import { internalMessage, MASKED_ORIGINAL, type MaskedError } from './format-error';

const logger = new Logger('GraphQL');

/**
 * Gives each masked INTERNAL_SERVER_ERROR the request's id as its reference and logs what it
 * hides (message and stack) under that id: the one line an operator needs to explain the answer.
 */
export function internalErrorsPlugin(): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of (response.body.singleResult.errors ?? []) as MaskedError[]) {
            if (!(MASKED_ORIGINAL in error)) continue;
            const original = error[MASKED_ORIGINAL];
            const requestId = requestIdOf(contextValue?.req) ?? String(error.extensions?.['correlationId']);
            (error as { message: string }).message = internalMessage(requestId);
            if (error.extensions) (error.extensions as Record<string, unknown>)['correlationId'] = requestId;
            logger.error(
              { msg: `internal error ${requestId}: ${original instanceof Error ? original.message : String(original)}`, requestId },
              original instanceof Error ? original.stack : undefined,
            );
          }
        },
      };
    },
  };
}
