import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { ErrorCode } from '@twofold/error-codes';

/**
 * Operations that spend a try (a password or a code), or whose work an alias would multiply
 * (argon2 hashing, security notices by SMS, e-mails): at most one per request.
 */
export const ATTEMPT_BEARING_FIELDS = new Set([
  'login',
  'reauthenticate',
  'confirmSmsMethod',
  'completeLoginWithSms',
  'completeLoginWithBackupCode',
  'signUp',
  'regenerateBackupCodes',
  'deleteBackupCodes',
  'confirmTotpMethod',
  'completeLoginWithTotp',
  'finishSecurityKeyRegistration',
  'completeLoginWithSecurityKey',
  'disableTwoFactor',
  'resendVerificationEmail',
  'reportUnrecognizedActivity',
  'startAccountRecovery',
  'confirmAccountRecovery',
  'completeAccountRecovery',
  'changePassword',
  'requestPasswordReset',
  'resetPassword',
]);

/** Counts root fields of those names, through aliases, inline fragments and fragment spreads. */
export function countAttemptFields(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (ATTEMPT_BEARING_FIELDS.has(selection.name.value)) count++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countAttemptFields(selection.selectionSet, fragments, seen);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      if (fragment) count += countAttemptFields(fragment.selectionSet, fragments, seen);
    }
  }
  return count;
}

/**
 * Refuses a request that carries more than one attempt-bearing mutation (aliases would
 * otherwise multiply tries). Batches are refused by Apollo itself (batching is off).
 */
export function attemptLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          if (!operation || operation.operation !== 'mutation') return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
          if (countAttemptFields(operation.selectionSet, fragments) > 1) {
            throw new GraphQLError('One request may carry at most one login, reauthenticate, signUp, confirmSmsMethod, regenerateBackupCodes, deleteBackupCodes or completeLoginWith* operation.', {
              extensions: { code: ErrorCode.BAD_USER_INPUT, fields: {}, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
