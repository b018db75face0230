import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ErrorCode } from '@twofold/error-codes';

/**
 * A POST /graphql that fails before GraphQL sees it (a body that is not JSON, a body over the
 * size limit) answers in GraphQL's error shape with a contract code, like every other error, and
 * without echoing the parser's message. Everything else keeps Nest's handling; errors inside
 * GraphQL are passed on untouched to Apollo (formatGraphqlError).
 */
@Catch()
export class HttpErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const status = statusOf(exception);
    if (req.path === '/graphql' && (status === 400 || status === 413 || status === 415) && !res.headersSent) {
      const message = status === 413 ? 'The request body is too large.' : 'The request body is not a valid GraphQL request.';
      res.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: {} } }] });
      return undefined;
    }
    return super.catch(exception, host);
  }
}

function statusOf(exception: unknown): number | null {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown; status?: unknown } | null)?.statusCode ?? (exception as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}
