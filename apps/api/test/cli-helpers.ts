import { openCliServices, type CliServices } from '../src/cli/cli.module';
import { runCli } from '../src/cli/program';
import type { TestApi } from './harness';

/** One CLI run: its exit code and what it wrote to each stream. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs the operator CLI's program in this process, against the test API's database, Redis
 * prefix and clock, with captured output streams. `answer` is what the operator types at the
 * confirmation (null: no confirmation expected, the test fails if one is asked).
 */
export function cliRunner(api: TestApi) {
  const asked: string[] = [];
  const run = async (argv: string[], options: { answer?: boolean | null; user?: string } = {}): Promise<CliRun> => {
    let out = '';
    let err = '';
    const code = await runCli(argv, {
      out: { write: (s: string) => (out += s) },
      err: { write: (s: string) => (err += s) },
      env: { USER: options.user ?? 'alice' },
      confirm: async (q) => {
        asked.push(q);
        if (options.answer === undefined || options.answer === null) throw new Error(`unexpected confirmation: ${q}`);
        return options.answer;
      },
      services: (): Promise<CliServices> => openCliServices({ config: api.config, clock: api.clock }),
    });
    return { code, out, err };
  };
  return { run, asked };
}
