import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';

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
  return { plugins: protection.plugins as ApolloServerPlugin[], validationRules: protection.validationRules as ValidationRule[] };
}
