import pino, { type DestinationStream, type Level, type LoggerOptions, type Logger as PinoLogger } from 'pino';

/**
 * The one logger of the API and the SMS worker: pino, one JSON object per line
 * `{"level":"info","time":"…","service":"api","context":…,"requestId":…,"msg":…}` (plus the
 * worker's `messageId`, masked `to`, `provider`, `attempt`, `reason`), pretty only for a developer
 * at a terminal (NODE_ENV=development and a TTY, never in tests, CI or production).
 */

export type { PinoLogger };

/**
 * Fields that may hold a secret, censored whatever logs them (defence in depth: callers already
 * log ids and masked numbers only), wherever they appear in the first three levels of a line:
 * `password`, `*.password` (`{ input: { password } }`), `req.headers.authorization`. The `console`
 * SMS provider prints its text under another, deliberate key (apps/sms-worker/src/providers/console.provider.ts).
 */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'sessionToken',
  'code',
  'codes',
  'backupCodes',
  'emergencyCodes',
  'body',
  'secret',
  'appSecret',
  'authToken',
  'apiKey',
  'authorization',
  'cookie',
  'ticket',
  'loginTicket',
  'otpauthUri',
]);
/** The same rule written as pino redact paths, for the record and the test. */
export const REDACTED_PATHS: readonly string[] = [
  ...SECRET_FIELDS,
  ...[...SECRET_FIELDS].map((f) => `*.${f}`),
  'req.headers.authorization',
  'req.headers.cookie',
];
export const REDACTED = '[Redacted]';

const LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const ALIASES: Record<string, Level> = { log: 'info', warning: 'warn', verbose: 'trace' };

/** LOG_LEVEL (`error`, `warn`, `info`, `debug`; Nest's `log`/`verbose` too) as a pino level; anything else is `info`. */
export function toPinoLevel(level: string | undefined): Level | 'silent' {
  const wanted = (level ?? '').trim().toLowerCase();
  const mapped = ALIASES[wanted] ?? wanted;
  return LEVELS.includes(mapped) ? (mapped as Level | 'silent') : 'info';
}

export interface CreateLoggerOptions {
  service: string;
  /** LOG_LEVEL semantics, see toPinoLevel. */
  level: string | undefined;
  /** Where lines go; default stdout (pretty for a developer at a terminal). */
  destination?: DestinationStream;
  /** Default: NODE_ENV=development and stdout is a TTY. */
  pretty?: boolean;
}

/** True only for a developer at a terminal: never under tests, CI or production. */
export function wantsPretty(env: NodeJS.ProcessEnv = process.env, isTty = process.stdout.isTTY === true): boolean {
  return env['NODE_ENV'] === 'development' && isTty && !env['CI'];
}

/** pino's options shared by every logger of the repo: field names, label levels, ISO time, redaction. */
export function pinoOptions(service: string, level: string | undefined): LoggerOptions {
  return {
    level: toPinoLevel(level),
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: { level: (label) => ({ level: label }), log: censorSecrets },
  };
}

const CENSOR_DEPTH = 3;

/**
 * The redaction: a key lookup per field, copy on write (the caller's object is left as it was).
 * pino's own `redact` with these paths (@pinojs/redact, 22 of them wildcards) cost ~22 µs per
 * line here, four times the rest of pino; this costs well under 1 µs (docs/performance.md).
 */
export function censorSecrets(obj: Record<string, unknown>, depth = 0): Record<string, unknown> {
  let out = obj;
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    let next = value;
    if (SECRET_FIELDS.has(key)) next = REDACTED;
    else if (depth + 1 < CENSOR_DEPTH && isPlainObject(value)) {
      next = censorSecrets(value as Record<string, unknown>, depth + 1);
    }
    if (next !== value) {
      if (out === obj) out = { ...obj };
      out[key] = next;
    }
  }
  return out;
}

/** Plain objects only: an Error, a Date or a Buffer is left to pino's serializers as it is. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A pino logger: JSON lines on `destination` (stdout by default), or pretty for a developer at a terminal. */
export function createPinoLogger(options: CreateLoggerOptions): PinoLogger {
  const pretty = options.destination ? false : (options.pretty ?? wantsPretty());
  const base = pinoOptions(options.service, options.level);
  if (pretty) {
    const stream = prettyStream();
    if (stream) return pino({ ...base, formatters: { log: censorSecrets } }, stream);
  }
  return pino(base, options.destination ?? process.stdout);
}

/** pino-pretty is a development dependency: without it (a production install) lines stay JSON. */
function prettyStream(): DestinationStream | null {
  try {
    const pinoPretty = require('pino-pretty') as (opts: Record<string, unknown>) => DestinationStream;
    return pinoPretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return null;
  }
}

/**
 * stdout through pino's own writer (sonic-boom): writes are asynchronous and coalesced while one
 * is in flight (a busy worker logs hundreds of lines a second), and whatever is still buffered is
 * written synchronously when the process exits, crash or `process.exit()` included.
 */
let stdout: (DestinationStream & { flushSync(): void }) | null = null;
export function asyncStdout(): DestinationStream & { flushSync(): void } {
  if (stdout) return stdout;
  const dest = pino.destination({ dest: 1, sync: false });
  process.once('exit', () => flushQuietly(dest));
  stdout = dest;
  return dest;
}

function flushQuietly(dest: { flushSync(): void }): void {
  try {
    dest.flushSync();
  } catch {
    // stdout closed or not open yet: nothing left to do
  }
}

/** The worker's logger: `logger.info('sms sent', { messageId, to, provider, attempt })`. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** `(msg, fields)` calls over a pino logger (pino takes the fields first). */
export function fieldLogger(logger: PinoLogger): Logger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (msg: string, fields?: Record<string, unknown>): void => {
      if (fields) logger[level](fields, msg);
      else logger[level](msg);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** For tests: the JSON lines a logger wrote (at debug and above), without their newline. */
export function memoryLogger(service = 'test'): Logger & { lines: string[] } {
  const lines: string[] = [];
  const destination = { write: (line: string) => void lines.push(line.endsWith('\n') ? line.slice(0, -1) : line) };
  return Object.assign(fieldLogger(createPinoLogger({ service, level: 'debug', destination })), { lines });
}
