import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@twofold/error-codes';

/**
 * The schema has no Subscription type. graphql-js reports a subscription document only at
 * execution, as an error without a code, which would leave as a masked INTERNAL_SERVER_ERROR
 * and a crash in the log; it is the client's mistake, so it is refused as BAD_USER_INPUT.
 */
export function noSubscriptionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are not supported.', { extensions: { code: ErrorCode.BAD_USER_INPUT, fields: {}, http: { status: 400 } } });
          }
        },
      };
    },
  };
}
