import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { ConfigError, loadConfig } from '@twofold/config';
import { EXIT, runCli } from './program';

/** Asks on the terminal (or reads one line of piped input); only "yes" goes on. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await Promise.race([rl.question(question), new Promise<string>((resolve) => rl.once('close', () => resolve('')))]);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

/** `npm run twofold -- <command>` (tools/scripts/twofold.mjs builds, then runs this file from dist/). */
async function main(): Promise<number> {
  return runCli(process.argv.slice(2), {
    out: process.stdout,
    err: process.stderr,
    env: process.env,
    confirm,
    // The configuration is read (and validated by the API's own loadConfig) only when a command needs the database.
    services: async () => {
      try {
        const config = loadConfig();
        // Nest, TypeORM and BullMQ load only now: --help and usage errors answer without them.
        const { openCliServices } = await import('./cli.module');
        return await openCliServices({ config });
      } catch (err) {
        if (err instanceof ConfigError) throw new Error(err.message);
        throw err;
      }
    },
  });
}

// Exits once the output is flushed, whatever handle a library left open (the context is closed by then).
const exit = (code: number) => process.stdout.write('', () => process.exit(code));
main().then(exit, (err: Error) => {
  process.stderr.write(`twofold: failed: ${err.message}\n`);
  exit(EXIT.REFUSED);
});
