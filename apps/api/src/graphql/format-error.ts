import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, isErrorCode } from '@twofold/error-codes';

/** Where a masked error keeps what it replaced, for internalErrorsPlugin; JSON never shows a symbol key. */
export const MASKED_ORIGINAL = Symbol('maskedOriginal');

export type MaskedError = GraphQLFormattedError & { [MASKED_ORIGINAL]?: unknown };

/** Apollo's own codes for requests that never reached a resolver: all of them are bad input. */
const INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/**
 * Every error leaves with a contract code and no stack trace. Unknown errors are masked as
 * INTERNAL_SERVER_ERROR with a correlation id (the request id) that the log line carries too.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (typeof code === 'string' && INPUT_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, fields: extensions['fields'] ?? {} } };
  }
  if (isErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  // The reference is the request's X-Request-Id, set (and the original logged under it) by
  // internalErrorsPlugin, which knows the request; formatError does not.
  const correlationId = randomUUID();
  const masked: MaskedError = {
    message: internalMessage(correlationId),
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
  };
  Object.defineProperty(masked, MASKED_ORIGINAL, { value: (error as { originalError?: unknown })?.originalError ?? error, enumerable: false });
  return masked;
}

export function internalMessage(correlationId: string): string {
  return `Internal server error (reference ${correlationId}).`;
}
