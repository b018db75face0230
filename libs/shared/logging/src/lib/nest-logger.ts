import type { LoggerService, LogLevel } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { createPinoLogger, type PinoLogger } from './logger';

type PinoMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
const PINO: Record<LogLevel, PinoMethod> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** The structured form of a message: `msg` plus fields such as `requestId`. */
export interface LogFields {
  msg: string;
  requestId?: string | null;
  [field: string]: unknown;
}

export interface NestLoggerOptions {
  service: string;
  level: string | undefined;
  /** Lines of `info` and below; default stdout. */
  stdout?: DestinationStream;
  /** `error` and `fatal` lines; default stderr. */
  stderr?: DestinationStream;
  pretty?: boolean;
}

/**
 * Nest's LoggerService over pino. Nest calls `log(message, context)` and `error(message, stack,
 * context)`; a line about a request passes `{ msg, requestId }` as its message (the id travels with
 * the request, RequestMeta, not through AsyncLocalStorage), and those fields go into the line.
 * Errors go to stderr, the rest to stdout, both through `process.stdout`/`process.stderr` by default.
 */
export class PinoNestLogger implements LoggerService {
  private readonly out: PinoLogger;
  private readonly err: PinoLogger;

  constructor(options: NestLoggerOptions) {
    this.out = createPinoLogger({
      service: options.service,
      level: options.level,
      destination: options.stdout,
      pretty: options.pretty,
    });
    this.err =
      options.stdout && !options.stderr
        ? this.out
        : createPinoLogger({
            service: options.service,
            level: options.level,
            destination: options.stderr ?? process.stderr,
            pretty: options.pretty,
          });
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    const method = PINO[level];
    const logger = method === 'error' || method === 'fatal' ? this.err : this.out;
    if (!logger.isLevelEnabled(method)) return;
    // Nest passes the context last, and for errors a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' && rest[0].includes('\n    at ') ? (rest.shift() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields['context'] = context;
    let msg: string;
    if (isFields(message)) {
      for (const [k, v] of Object.entries(message)) if (k !== 'msg' && v !== undefined && v !== null) fields[k] = v;
      msg = message.msg;
    } else {
      msg =
        message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    }
    if (stack) fields['stack'] = stack;
    logger[method](fields, msg);
  }
}

function isFields(message: unknown): message is LogFields {
  return (
    typeof message === 'object' &&
    message !== null &&
    !(message instanceof Error) &&
    typeof (message as LogFields).msg === 'string'
  );
}
