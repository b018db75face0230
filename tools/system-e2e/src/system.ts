/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are loose JSON */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The built bundles (`nx run system-e2e:e2e` builds them first). */
export const WORKSPACE = resolve(__dirname, '../../..');
export const API_MAIN = join(WORKSPACE, 'dist/apps/api/apps/api/src/main.js');
export const WORKER_MAIN = join(WORKSPACE, 'dist/apps/sms-worker/apps/sms-worker/src/main.js');

export const APP_SECRET = 'system-e2e-secret-that-is-long-enough-0123456789';
export const TWILIO = { sid: 'ACsystem0000000000000000000000e2e', token: 'system-e2e-twilio-auth-token', from: '+15005550006' };

export function assertBuilt(): void {
  for (const file of [API_MAIN, WORKER_MAIN]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx nx run-many -t build -p api,sms-worker,fake-sms-gateway\``);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface NodeProcess {
  name: string;
  proc: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns a built bundle with only the given environment (plus PATH); keeps its output lines. */
export function spawnNode(name: string, main: string, env: Record<string, string>): NodeProcess {
  const proc = spawn(process.execPath, [main], {
    cwd: WORKSPACE,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffer = '';
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      lines.push(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
    }
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    name,
    proc,
    lines,
    exited,
    async stop(graceMs = 5000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls until `check` is true; fails with the process's last lines when it exits or time runs out. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, watch: NodeProcess[] = []): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const p of watch) {
      if (p.proc.exitCode !== null) throw new Error(`${p.name} exited (${p.proc.exitCode}) while waiting for ${what}:\n${p.lines.slice(-15).join('\n')}`);
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      const tail = watch.map((p) => `--- ${p.name}\n${p.lines.slice(-10).join('\n')}`).join('\n');
      throw new Error(`${what}: not within ${timeoutMs} ms\n${tail}`);
    }
    await sleep(50);
  }
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions: Record<string, any> }[];
}

/** One API process over real HTTP. `ip` is sent as X-Forwarded-For (the APIs run with TRUST_PROXY=true, as behind a load balancer). */
export class ApiClient {
  constructor(
    readonly name: string,
    readonly url: string,
  ) {}

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, opts: { token?: string; ip?: string } = {}): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'twofold-system-e2e',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.ip ? { 'x-forwarded-for': opts.ip } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await res.json()) as GqlResponse<T>;
    return { status: res.status, data: json.data ?? null, errors: json.errors };
  }
}

export function errorCode(res: GqlResponse): string | undefined {
  return res.errors?.[0]?.extensions?.['code'];
}

// GraphQL documents, as in apps/api/test/journey.ts (copied: test folders of other projects are not imported).
export const PASSWORD = 'correct horse battery staple';
export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token account { id } } }`;
export const ADD = `mutation($input: AddSmsMethodInput!) { addSmsMethod(input: $input) { method { id status } dispatch { id status resendAvailableAt } } }`;
export const CONFIRM = `mutation($input: ConfirmSmsMethodInput!) { confirmSmsMethod(input: $input) { method { id status } twoFactor { enabled } backupCodes } }`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on Session { token } ... on TwoFactorChallenge { ticket defaultMethod { id } } } }`;
export const SEND_LOGIN = `mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id status resendAvailableAt } }`;
export const COMPLETE_SMS = `mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token account { id } } }`;
