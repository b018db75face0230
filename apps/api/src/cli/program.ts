import { Command, CommanderError } from 'commander';
import { cleanText } from '@twofold/two-factor-domain';
import { SupportError, type Operator } from '../support/support-error';
import type { CliServices } from './cli.module';
import { formatAccount, formatReset, formatSms } from './format';

/** Exit codes: 0 done, 1 not found or refused (nothing changed), 2 bad usage. */
export const EXIT = { OK: 0, REFUSED: 1, USAGE: 2 } as const;

export interface CliIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  /** $USER and friends: the operator's default name. */
  env: Record<string, string | undefined>;
  /** Asks a yes/no question; true only for an explicit yes. */
  confirm(question: string): Promise<boolean>;
  /** Opens the API's services (a Nest application context); called once, only when a command runs. */
  services(): Promise<CliServices>;
}

const OPERATOR_MAX = 64;
const REASON_MAX = 500;

function operatorOf(opts: { operator?: string; reason?: string }, env: CliIo['env'], reasonRequired: boolean): Operator {
  const name = cleanText(opts.operator ?? env['USER'] ?? env['LOGNAME'] ?? '', OPERATOR_MAX);
  if (!name.ok) throw new SupportError('BAD_USAGE', `--operator: ${name.message}`);
  if (!name.value) throw new SupportError('BAD_USAGE', '--operator <name> is required when $USER is not set');
  const reason = cleanText(opts.reason, REASON_MAX);
  if (!reason.ok) throw new SupportError('BAD_USAGE', `--reason: ${reason.message}`);
  if (reasonRequired && !reason.value) throw new SupportError('BAD_USAGE', '--reason <text> is required and must not be empty');
  return { name: name.value, reason: reason.value };
}

/**
 * `twofold <command>`: runs one command against the API's services and answers its exit code.
 * Output goes to `io.out` (human-readable, or JSON with --json), every error is one line on
 * `io.err` (never a stack trace). Tests call it with their own streams and services.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let services: CliServices | null = null;
  const open = async () => (services ??= await io.services());
  const program = new Command('twofold');
  program
    .description('Twofold operator support CLI: talks to PostgreSQL (DATABASE_URL) through the API services.')
    .option('--json', 'print the answer as JSON (for scripts)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s), outputError: (s, write) => write(s) })
    .showSuggestionAfterError(true);
  const print = (value: unknown, human: string) => io.out.write(`${program.opts()['json'] ? JSON.stringify(value, null, 2) : human}\n`);

  const account = program.command('account').description('look at or reset an account');
  account
    .command('show')
    .description('2FA state, methods (numbers masked), emergency codes left, sessions, recent security events')
    .argument('<email>', "the account's e-mail address")
    .action(async (email: string) => {
      const view = await (await open()).support.show(email);
      print(view, formatAccount(view));
    });
  account
    .command('reset-2fa')
    .description('turn 2FA off (methods, emergency codes, remembered devices), end every session, notify every number; recorded with your name and reason')
    .argument('<email>', "the account's e-mail address")
    .requiredOption('--reason <text>', 'why (recorded in the account\'s security events, which its owner sees)')
    .option('--operator <name>', 'who you are (default: $USER)')
    .option('--yes', 'do not ask for confirmation')
    .action(async (email: string, opts: { reason?: string; operator?: string; yes?: boolean }) => {
      const operator = operatorOf(opts, io.env, true);
      const s = await open();
      if (!opts.yes) {
        const view = await s.support.show(email);
        const question = `Turn two-factor authentication off for ${view.account.email} (${view.twoFactor.methods.length} method(s)) and end its ${view.sessions} session(s)? Type "yes" to go on: `;
        if (!(await io.confirm(question))) throw new SupportError('REFUSED', 'cancelled: nothing was changed');
      }
      const result = await s.support.resetTwoFactor(email, operator);
      print(result, formatReset(result));
    });

  program
    .command('sessions')
    .description('sessions of an account')
    .command('revoke')
    .description('end every session of the account (recorded with your name)')
    .argument('<email>', "the account's e-mail address")
    .option('--reason <text>', 'why (recorded with the event)')
    .option('--operator <name>', 'who you are (default: $USER)')
    .action(async (email: string, opts: { reason?: string; operator?: string }) => {
      const operator = operatorOf(opts, io.env, false);
      const r = await (await open()).support.revokeSessions(email, operator);
      print(r, `${r.sessionsEnded} session(s) ended for ${r.email} (${r.accountId}).`);
    });

  const sms = program.command('sms').description('one SMS of the outbox');
  sms
    .command('show')
    .description('purpose, masked number, state, provider, attempts, timestamps, receipts (never the text or the code)')
    .argument('<id>', 'the sms_message id (smsDispatch id)')
    .action(async (id: string) => {
      const view = await (await open()).sms.show(id);
      print(view, formatSms(view));
    });
  sms
    .command('retry')
    .description('re-enqueue a FAILED code SMS while its code is live (as a new message with the same text)')
    .argument('<id>', 'the sms_message id')
    .action(async (id: string) => {
      const r = await (await open()).sms.retry(id);
      const where = r.handedToQueue ? 'handed to the queue' : 'left QUEUED for the API relay (Redis did not answer)';
      print(r, `SMS ${r.id} to ${r.maskedPhoneNumber} retried as SMS ${r.retryId}: ${where}.`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.OK;
  } catch (err) {
    return failure(err, io);
  } finally {
    await (services as CliServices | null)?.close().catch(() => undefined);
  }
}

function failure(err: unknown, io: CliIo): number {
  if (err instanceof CommanderError) {
    // Help and version print to `out` and are not errors; commander has already written its own line.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version') return EXIT.OK;
    return EXIT.USAGE;
  }
  if (err instanceof SupportError) {
    io.err.write(`twofold: ${err.message}\n`);
    return err.kind === 'BAD_USAGE' ? EXIT.USAGE : EXIT.REFUSED;
  }
  // A database or Redis failure: its message on one line, never the stack (nor query parameters).
  const message = err instanceof Error ? err.message : String(err);
  io.err.write(`twofold: failed: ${message.split('\n')[0]}\n`);
  return EXIT.REFUSED;
}
