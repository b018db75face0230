/**
 * The worker's logger is the shared pino logger (@twofold/logging): JSON lines on stdout
 * `{"level":"info","time":…,"service":"sms-worker","msg":…,"messageId":…,"to":"+44********23",…}`,
 * secret-looking fields censored. Callers pass message ids and masked numbers only (see mask.ts),
 * never a body or a code.
 */
import { asyncStdout, createPinoLogger, fieldLogger, wantsPretty, type Logger } from '@twofold/logging';

export { memoryLogger, type Logger } from '@twofold/logging';

/**
 * stdout through pino's asynchronous writer: lines logged while a write is in flight go out
 * together in the next one, and whatever is still pending when the process exits (a crash,
 * `process.exit`) is written synchronously on the way out. Pretty for a developer at a terminal.
 */
export function createLogger(level: string | undefined): Logger {
  const pretty = wantsPretty();
  return fieldLogger(
    createPinoLogger({ service: 'sms-worker', level, pretty, destination: pretty ? undefined : asyncStdout() }),
  );
}
