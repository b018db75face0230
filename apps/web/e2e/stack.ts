import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * The whole product for the browser journey, from the production builds in dist/: a fresh
 * database, the fake Twilio gateway, the API, the SMS worker and the web app's static server,
 * each on a free port, with a queue prefix of its own so no other worker takes our jobs.
 */
export const WORKSPACE = resolve(__dirname, '../../..');

const MAINS = {
  migrate: 'dist/apps/api/apps/api/src/migrate.js',
  api: 'dist/apps/api/apps/api/src/main.js',
  worker: 'dist/apps/sms-worker/apps/sms-worker/src/main.js',
  gateway: 'dist/tools/fake-sms-gateway/tools/fake-sms-gateway/src/main.js',
  web: 'apps/web/server.mjs',
  webIndex: 'dist/apps/web/index.html',
} as const;

export interface Sms {
  to: string;
  body: string;
  dateCreated: string;
}

/** An e-mail the worker sent to the fake gateway's SMTP server. */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Stack {
  webUrl: string;
  apiUrl: string;
  gatewayUrl: string;
  /** Waits for the next e-mail to `to` (after the `seen` ones) whose subject matches. */
  nextMail(to: string, subject: RegExp, seen?: number): Promise<Mail>;
  /** Waits for the next SMS to `to` (after the `seen` ones) and returns its 6-digit code. */
  nextCode(to: string, seen: number): Promise<string>;
  inbox(to?: string): Promise<Sms[]>;
  logs(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Sudo-mode window of the journey's API (default 600 s). */
export const REAUTH_WINDOW_SECONDS = 8;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHttp(url: string, seconds: number, name: string, logs: () => string): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${name} did not answer ${url} within ${seconds} s\n${logs()}`);
}

export function assertBuilt(): void {
  const missing = Object.values(MAINS).filter((file) => !existsSync(join(WORKSPACE, file)));
  if (missing.length > 0) {
    throw new Error(
      `missing builds (${missing.join(', ')}): run \`npx nx run web:e2e\`, which builds api, sms-worker, fake-sms-gateway and web first`,
    );
  }
}

/** `overrides` are extra environment for every process (e.g. a shortened RECOVERY_DELAY_SECONDS). */
export async function startStack(overrides: NodeJS.ProcessEnv = {}): Promise<Stack> {
  assertBuilt();
  const id = randomBytes(4).toString('hex');
  const [apiPort, webPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  const [smtpPort, mailInboxPort] = [await freePort(), await freePort()];
  const mailUrl = `http://127.0.0.1:${mailInboxPort}`;
  const baseDb = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/twofold';
  const dbUrl = new URL(baseDb);
  dbUrl.pathname = `/twofold_web_e2e_${id}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://localhost:${webPort}`;
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    SMS_QUEUE_PREFIX: `{twofold-web-e2e-${id}}`,
    API_PORT: String(apiPort),
    WEB_PORT: String(webPort),
    PUBLIC_API_URL: apiUrl,
    WEB_ORIGIN: webUrl,
    SMS_PROVIDER: 'twilio',
    TWILIO_API_BASE_URL: gatewayUrl,
    TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
    TWILIO_AUTH_TOKEN: 'fake-twilio-auth-token',
    TWILIO_FROM: '+15005550006',
    FAKE_SMS_GATEWAY_PORT: String(gatewayPort),
    // E-mail through the fake gateway's SMTP server, each run on ports of its own.
    FAKE_SMTP_PORT: String(smtpPort),
    FAKE_MAIL_INBOX_PORT: String(mailInboxPort),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'Twofold <no-reply@twofold.localhost>',
    // The journey sends several codes to one number within a minute, from 127.0.0.1, on a Redis
    // other test runs share: shorter cooldown and a larger per-IP allowance, nothing else changed.
    SMS_RESEND_COOLDOWN_SECONDS: '1',
    SMS_LIMIT_PER_IP_PER_HOUR: '1000',
    // Short, so the journey can prove that a sensitive change asks for the password again.
    REAUTH_WINDOW_SECONDS: String(REAUTH_WINDOW_SECONDS),
    ...overrides,
  };

  const output: string[] = [];
  const children: ChildProcess[] = [];
  const logs = () => output.slice(-80).join('');
  const run = (name: string, script: string) => {
    const child = spawn(process.execPath, ['--enable-source-maps', join(WORKSPACE, script)], {
      cwd: WORKSPACE,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => output.push(`[${name}] ${chunk.toString()}`));
    child.stderr?.on('data', (chunk: Buffer) => output.push(`[${name}] ${chunk.toString()}`));
    children.push(child);
  };

  const migrate = spawnSync(process.execPath, [join(WORKSPACE, MAINS.migrate)], {
    cwd: WORKSPACE,
    env,
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);

  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
    const admin = new URL(dbUrl);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${dbUrl.pathname.slice(1)}" WITH (FORCE)`);
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  try {
    run('gateway', MAINS.gateway);
    run('api', MAINS.api);
    run('worker', MAINS.worker);
    run('web', MAINS.web);
    await waitForHttp(`${gatewayUrl}/__messages`, 20, 'fake SMS gateway', logs);
    await waitForHttp(`${apiUrl}/health`, 40, 'API', logs);
    await waitForHttp(`${webUrl}/health`, 20, 'web server', logs);
  } catch (err) {
    await stop();
    throw err;
  }

  const inbox = async (to?: string): Promise<Sms[]> => {
    const res = await fetch(`${gatewayUrl}/__messages${to ? `?to=${encodeURIComponent(to)}` : ''}`);
    return ((await res.json()) as { messages: Sms[] }).messages;
  };

  const nextCode = async (to: string, seen: number): Promise<string> => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const messages = await inbox(to);
      if (messages.length > seen) {
        const match = /(\d{6})/.exec(messages[messages.length - 1].body);
        if (match) return match[1];
      }
      await sleep(250);
    }
    throw new Error(`no SMS to ${to} after ${seen} within 30 s\n${logs()}`);
  };

  const nextMail = async (to: string, subject: RegExp, seen = 0): Promise<Mail> => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const res = await fetch(`${mailUrl}/__mails?to=${encodeURIComponent(to)}`).catch(() => null);
      const mails = res?.ok ? ((await res.json()) as Mail[]).filter((m) => subject.test(m.subject)) : [];
      // Oldest first, as received.
      if (mails.length > seen) return mails[mails.length - 1];
      await sleep(250);
    }
    throw new Error(`no e-mail "${subject.source}" to ${to} after ${seen} within 30 s\n${logs()}`);
  };

  return { webUrl, apiUrl, gatewayUrl, nextMail, nextCode, inbox, logs, stop };
}
