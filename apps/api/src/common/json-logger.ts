import type { LoggerService, LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const NAMES: Record<LogLevel, string> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * One JSON object per line on stdout (errors on stderr): time, level, service, context, msg and the
 * request id when logged while serving a request. Callers never pass secrets: codes, tokens and
 * passwords are not logged anywhere in the API; numbers are logged masked.
 */
export class JsonLogger implements LoggerService {
  private readonly enabled: Set<LogLevel>;

  constructor(
    private readonly service: string,
    level: string,
  ) {
    const wanted = ({ info: 'log', warning: 'warn', trace: 'verbose' } as Record<string, LogLevel>)[level] ?? (level as LogLevel);
    const index = ORDER.indexOf(wanted);
    this.enabled = new Set(ORDER.slice(0, index < 0 ? 4 : index + 1));
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
    if (!this.enabled.has(level)) return;
    // Nest passes the context last, and for errors a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' && rest[0].includes('\n    at ') ? (rest.shift() as string) : undefined;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level: NAMES[level], service: this.service };
    if (context) line['context'] = context;
    // A line about a request passes `{ msg, requestId }`: its fields go into the line.
    if (isFields(message)) {
      for (const [k, v] of Object.entries(message)) if (k !== 'msg' && v !== undefined && v !== null) line[k] = v;
      line['msg'] = message.msg;
    } else {
      line['msg'] = message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    }
    if (stack) line['stack'] = stack;
    const out = JSON.stringify(line) + '\n';
    if (level === 'error' || level === 'fatal') process.stderr.write(out);
    else process.stdout.write(out);
  }
}

/** The structured form of a message: `msg` plus fields such as `requestId`. */
export interface LogFields {
  msg: string;
  requestId?: string | null;
  [field: string]: unknown;
}

function isFields(message: unknown): message is LogFields {
  return typeof message === 'object' && message !== null && !(message instanceof Error) && typeof (message as LogFields).msg === 'string';
}
