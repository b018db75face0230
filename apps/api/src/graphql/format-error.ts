import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, isErrorCode } from '@twofold/error-codes';
import { currentRequestId } from '../common/request-id';

const logger = new Logger('GraphQL');

/** Apollo's own codes for requests that never reached a resolver: all of them are bad input. */
const INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/**
 * Every error leaves with a contract code and no stack trace. Unknown errors are masked as
 * INTERNAL_SERVER_ERROR with a correlation id that the log line carries too.
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
  const correlationId = currentRequestId() ?? randomUUID();
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  logger.error(`internal error ${correlationId}: ${original instanceof Error ? original.message : String(original)}`, original instanceof Error ? original.stack : undefined);
  return {
    message: `Internal server error (reference ${correlationId}).`,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
  };
}
