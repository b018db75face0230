import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, type ValidationRule } from 'graphql';
import { ErrorCode } from '@twofold/error-codes';

/**
 * Request-shape limits through GraphQL Armor (a maintained library, not hand-written parsing):
 * aliases, depth, cost, tokens and directives are bounded in every environment; field
 * suggestions ("did you mean …") are hidden in production. Introspection stays within limits.
 */
export function armorProtection(isProduction: boolean): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxAliases: { n: 15 },
    maxDepth: { n: 10 },
    costLimit: { maxCost: 5000 },
    maxTokens: { n: 2000 },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: isProduction },
  });
  const protection = armor.protect();
  return {
    plugins: (protection.plugins as ApolloServerPlugin[]).map(rejectParsingAsBadRequest),
    validationRules: protection.validationRules as ValidationRule[],
  };
}

/** A request refused while parsing (Armor's token limit): the client's fault. */
class ParsingRefused extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, fields: {}, http: { status: 400 } } });
  }
}

/**
 * Armor's token limit throws from `parsingDidStart`; Apollo takes that for an unexpected error and
 * Armor's `unexpectedErrorProcessingRequest` re-throws it without an HTTP status, so the refusal
 * left as HTTP 500 (security-e2e caught it). It now leaves as 400 with BAD_USER_INPUT, the same as
 * any other syntax error.
 */
function rejectParsingAsBadRequest(plugin: ApolloServerPlugin): ApolloServerPlugin {
  const requestDidStart = plugin.requestDidStart?.bind(plugin);
  if (!requestDidStart) return plugin;
  return {
    ...plugin,
    async unexpectedErrorProcessingRequest({ error }) {
      if (error instanceof ParsingRefused) throw error;
    },
    async requestDidStart(ctx) {
      const listener = await requestDidStart(ctx);
      const parsingDidStart = listener?.parsingDidStart?.bind(listener);
      if (!listener || !parsingDidStart) return listener;
      const wrapped: GraphQLRequestListener<never> = {
        ...listener,
        async parsingDidStart(parsingCtx) {
          try {
            return await parsingDidStart(parsingCtx);
          } catch (err) {
            throw err instanceof GraphQLError ? new ParsingRefused(err.message) : err;
          }
        },
      };
      return wrapped as typeof listener;
    },
  };
}
