/**
 * JSON log lines on stdout, one object per line: {time, level, msg, service, ...fields}.
 * Callers pass message ids and masked numbers only (see mask.ts), never a body or a code.
 */
import { writeSync } from 'node:fs';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

let stdoutLines: ((line: string) => void) | null = null;

/**
 * Lines written to stdout together once per turn of the event loop: one write call for every
 * line logged in that turn instead of one each (a busy worker logs hundreds a second). What is
 * still pending when the process exits is written synchronously on the way out.
 */
function bufferedStdout(): (line: string) => void {
  if (stdoutLines) return stdoutLines;
  let pending: string[] = [];
  let scheduled = false;
  const take = (): string => {
    const out = pending.join('\n') + '\n';
    pending = [];
    return out;
  };
  const flush = () => {
    scheduled = false;
    if (pending.length > 0) process.stdout.write(take());
  };
  process.on('exit', () => {
    if (pending.length === 0) return;
    try {
      writeSync(1, take());
    } catch {
      // stdout closed: nothing to do
    }
  });
  stdoutLines = (line) => {
    pending.push(line);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return stdoutLines;
}

export function createLogger(
  level: string,
  write: (line: string) => void = bufferedStdout(),
  service = 'sms-worker',
): Logger {
  const min = ORDER[(level as LogLevel) in ORDER ? (level as LogLevel) : 'info'];
  const log =
    (lvl: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[lvl] < min) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, service, msg, ...fields }));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** For tests: collects lines. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    createLogger('debug', (l) => lines.push(l)),
    { lines },
  );
}
