import { existsSync } from 'node:fs';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import {
  createTestDatabase,
  freePort,
  graphqlClient,
  spawnNode,
  startFakeSmsGateway,
  TEST_REDIS_URL,
  uniqueQueuePrefix,
  waitUntil,
  WORKSPACE_ROOT,
  type FakeSmsGateway,
  type GraphqlClient,
  type NodeProcess,
  type TestDatabase,
} from '@twofold/testing';

export { errorCode, freePort, sleep, spawnNode, waitUntil, type GqlResponse, type NodeProcess } from '@twofold/testing';

/** The built bundles (`nx run security-e2e:e2e` builds them first). */
export const WORKSPACE = WORKSPACE_ROOT;
export const API_MAIN = join(WORKSPACE, 'dist/apps/api/apps/api/src/main.js');
export const WORKER_MAIN = join(WORKSPACE, 'dist/apps/sms-worker/apps/sms-worker/src/main.js');

export const APP_SECRET = 'security-e2e-secret-0123456789-abcdefghijklmnop';
export const DEV_APP_SECRET = 'twofold-development-secret-do-not-use-in-production';
export const TWILIO = { sid: 'ACsecurity000000000000000000000e2e', token: 'security-e2e-twilio-auth-token', from: '+15005550006' };
export const WEB_ORIGIN = 'http://localhost:4200';
export const PASSWORD = 'correct horse battery staple';

export function assertBuilt(): void {
  for (const file of [API_MAIN, WORKER_MAIN]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx nx run-many -t build -p api,sms-worker,fake-sms-gateway\``);
  }
}

/** Limits relaxed so that a file can send many codes; the rule under test sets its own. */
export const RELAXED_LIMITS: Record<string, string> = {
  SMS_RESEND_COOLDOWN_SECONDS: '0',
  SMS_LIMIT_PER_NUMBER_PER_HOUR: '1000',
  SMS_LIMIT_PER_ACCOUNT_PER_HOUR: '1000',
  SMS_LIMIT_PER_IP_PER_HOUR: '10000',
  SECOND_FACTOR_FAILURE_LIMIT: '1000',
};

export interface SystemOptions {
  label: string;
  /** Extra environment for both processes (NODE_ENV, timings, limits). */
  env?: Record<string, string>;
  /** Start the SMS worker (default true). */
  worker?: boolean;
}

let phoneCounter = 0;

export class System {
  readonly secrets = new Set<string>();
  /** POST /graphql as JSON (`{ token, ip, headers }`). */
  readonly gql: GraphqlClient;
  /** A raw POST /graphql (any body and content type). */
  readonly post: GraphqlClient['post'];

  constructor(
    readonly url: string,
    readonly db: TestDatabase,
    readonly pg: Pool,
    readonly redis: IORedis,
    readonly prefix: string,
    readonly gateway: FakeSmsGateway,
    readonly api: NodeProcess,
    readonly worker: NodeProcess | null,
    readonly env: Record<string, string>,
  ) {
    this.gql = graphqlClient(url, { userAgent: 'twofold-security-e2e' });
    this.post = this.gql.post;
  }

  /** A distinct valid GB mobile (Ofcom's drama range is accepted while SMS_ALLOW_FICTIONAL_NUMBERS is on). */
  phone(): string {
    phoneCounter++;
    return `+447700900${String(phoneCounter % 1000).padStart(3, '0')}`;
  }

  remember<T extends string | null | undefined>(secret: T): T {
    if (secret) this.secrets.add(secret);
    return secret;
  }

  /** SMS the gateway received for a number (notices included). */
  inbox(number: string): string[] {
    return this.gateway.messages.filter((m) => m.to === number).map((m) => m.body);
  }

  /** The 6-digit codes the gateway delivered to a number, oldest first (from the origin-bound line). */
  codes(number: string): string[] {
    return this.inbox(number)
      .map((body) => /#(\d{6})\b/.exec(body)?.[1])
      .filter((c): c is string => !!c);
  }

  /** Runs `action`, then waits for one more code to reach `number` and returns it (and remembers it as a secret). */
  async withCode<T>(number: string, action: () => Promise<T>): Promise<{ result: T; code: string }> {
    const before = this.codes(number).length;
    const result = await action();
    await this.gateway.waitForMessages(before + 1, { timeoutMs: 15000, filter: (m) => m.to === number && /#\d{6}\b/.test(m.body) }).catch((err: Error) => {
      throw new Error(`${err.message}\n--- api\n${this.api.lines.slice(-8).join('\n')}\n--- worker\n${this.worker?.lines.slice(-8).join('\n')}`);
    });
    const code = this.codes(number)[before];
    this.remember(code);
    return { result, code };
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const { rows } = await this.pg.query(sql, params);
    return Number(Object.values(rows[0] ?? { n: 0 })[0]);
  }

  sessionsOf(accountId: string): Promise<number> {
    return this.count(`SELECT count(*) FROM session WHERE account_id = $1 AND revoked_at IS NULL`, [accountId]);
  }

  smsRows(): Promise<number> {
    return this.count(`SELECT count(*) FROM sms_message`);
  }

  // ---- journeys ----

  async signUp(email = `user-${Math.random().toString(36).slice(2)}@example.com`): Promise<{ token: string; accountId: string; email: string }> {
    const res = await this.gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Ada Lovelace' } });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    this.remember(PASSWORD);
    return { token: this.remember(res.data['signUp'].token as string), accountId: res.data['signUp'].account.id as string, email };
  }

  /** Adds a number and returns its id and the confirmation code it received. */
  async addNumber(token: string, number = this.phone()): Promise<{ methodId: string; number: string; code: string }> {
    const { result, code } = await this.withCode(number, () => this.gql(ADD, { input: { phoneNumber: number } }, { token }));
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return { methodId: result.data['addSmsMethod'].method.id as string, number, code };
  }

  /** Adds and confirms a number; the emergency codes when this turned 2FA on. */
  async enableNumber(token: string, number = this.phone()): Promise<{ methodId: string; number: string; backupCodes: string[] | null }> {
    const { methodId, code } = await this.addNumber(token, number);
    const confirmed = await this.gql(CONFIRM, { input: { methodId, code, description: 'Work phone' } }, { token });
    if (!confirmed.data) throw new Error(JSON.stringify(confirmed.errors));
    const backupCodes = confirmed.data['confirmSmsMethod'].backupCodes as string[] | null;
    for (const c of backupCodes ?? []) this.remember(c);
    return { methodId, number, backupCodes };
  }

  /** An account with 2FA on: its first session token, number, method id and emergency codes. */
  async twoFactorAccount(): Promise<{ token: string; accountId: string; email: string; methodId: string; number: string; backupCodes: string[] }> {
    const account = await this.signUp();
    const enabled = await this.enableNumber(account.token);
    return { ...account, methodId: enabled.methodId, number: enabled.number, backupCodes: enabled.backupCodes ?? [] };
  }

  async loginTicket(email: string, ip?: string): Promise<string> {
    const res = await this.gql(LOGIN, { input: { email, password: PASSWORD } }, { ip });
    if (res.data?.['login']?.__typename !== 'TwoFactorChallenge') throw new Error(`expected a challenge: ${res.text}`);
    return this.remember(res.data['login'].ticket as string);
  }

  /** Sends a login code for a ticket (a re-authentication ticket with its session's `token`) and returns it. */
  async loginCode(ticket: string, methodId: string, number: string, token?: string): Promise<string> {
    const { result, code } = await this.withCode(number, () => this.gql(SEND_LOGIN, { input: { ticket, methodId } }, { token }));
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return code;
  }

  /** Every row of every table as JSON text (bytea shows as \x hex). */
  async dumpDatabase(): Promise<string> {
    const { rows } = await this.pg.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
    const parts: string[] = [];
    for (const { table_name } of rows as { table_name: string }[]) {
      const dump = await this.pg.query(`SELECT coalesce(json_agg(row_to_json(x))::text, '[]') AS j FROM "${table_name}" x`);
      parts.push(`${table_name}: ${dump.rows[0].j}`);
    }
    return parts.join('\n');
  }

  /** Every Redis key under this file's prefix with its value, whatever its type. */
  async dumpRedis(): Promise<string> {
    const out: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await this.redis.type(key);
        let value: unknown;
        if (type === 'string') value = await this.redis.get(key);
        else if (type === 'hash') value = await this.redis.hgetall(key);
        else if (type === 'list') value = await this.redis.lrange(key, 0, -1);
        else if (type === 'set') value = await this.redis.smembers(key);
        else if (type === 'zset') value = await this.redis.zrange(key, 0, -1, 'WITHSCORES');
        else if (type === 'stream') value = await this.redis.xrange(key, '-', '+');
        out.push(`${key} (${type}): ${JSON.stringify(value)}`);
      }
    } while (cursor !== '0');
    return out.join('\n');
  }

  logs(): string {
    return [...this.api.lines, ...(this.worker?.lines ?? [])].join('\n');
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.api.stop(), this.worker?.stop() ?? Promise.resolve()]);
    await this.gateway.close().catch(() => undefined);
    await this.pg.end().catch(() => undefined);
    // This file's queue keys go with it.
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    if (keys.length) await this.redis.del(...keys);
    this.redis.disconnect();
    await this.db.drop().catch(() => undefined);
  }
}

/** The environment both processes get, before the file's own `env`. */
export function baseEnv(db: TestDatabase, prefix: string, gatewayUrl: string, port: number): Record<string, string> {
  return {
    NODE_ENV: 'development',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    SMS_QUEUE_PREFIX: prefix,
    API_PORT: String(port),
    PUBLIC_API_URL: `http://127.0.0.1:${port}`,
    WEB_ORIGIN,
    APP_SECRET,
    TRUST_PROXY: '1',
    LOG_LEVEL: 'debug',
    SMS_PROVIDER: 'twilio',
    TWILIO_API_BASE_URL: gatewayUrl,
    TWILIO_ACCOUNT_SID: TWILIO.sid,
    TWILIO_AUTH_TOKEN: TWILIO.token,
    TWILIO_FROM: TWILIO.from,
    SMS_RELAY_INTERVAL_MS: '500',
    SMS_WORKER_HEALTH_PORT: '0',
    ...RELAXED_LIMITS,
  };
}

/** A fresh database, queue prefix and fake gateway; the built API (and worker) as child processes. */
export async function startSystem(options: SystemOptions): Promise<System> {
  assertBuilt();
  const db = await createTestDatabase(options.label);
  const prefix = uniqueQueuePrefix(options.label);
  const gateway = await startFakeSmsGateway({ authToken: TWILIO.token, accountSid: TWILIO.sid, callbackDelayMs: 10 });
  const port = await freePort();
  const env = { ...baseEnv(db, prefix, gateway.url, port), ...(options.env ?? {}) };
  const api = spawnNode('api', API_MAIN, env);
  const worker = options.worker === false ? null : spawnNode('worker', WORKER_MAIN, env);
  const url = `http://127.0.0.1:${port}`;
  const redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
  const pg = new Pool({ connectionString: db.url, max: 4 });
  const system = new System(url, db, pg, redis, prefix, gateway, api, worker, env);
  try {
    await waitUntil('API /health', async () => (await fetch(`${url}/health`)).ok, 30000, [api]);
    if (worker) await waitUntil('SMS worker start', async () => worker.lines.some((l) => l.includes('sms worker started')), 30000, [worker]);
  } catch (err) {
    await system.stop();
    throw err;
  }
  return system;
}

// GraphQL documents, as in apps/api/test/journey.ts (copied: test folders of other projects are not imported).
export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token account { id } } }`;
export const ADD = `mutation($input: AddSmsMethodInput!) { addSmsMethod(input: $input) { method { id status } dispatch { id status resendAvailableAt } } }`;
export const RESEND = `mutation($id: ID!) { resendSmsMethodCode(methodId: $id) { id status } }`;
export const CONFIRM = `mutation($input: ConfirmSmsMethodInput!) { confirmSmsMethod(input: $input) { method { id status } twoFactor { enabled } backupCodes } }`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on Session { token } ... on TwoFactorChallenge { ticket defaultMethod { id } methods { id kind } } } }`;
export const SEND_LOGIN = `mutation($input: SendLoginSmsCodeInput!) { sendLoginSmsCode(input: $input) { id status resendAvailableAt } }`;
export const COMPLETE_SMS = `mutation($input: CompleteLoginWithSmsInput!) { completeLoginWithSms(input: $input) { token account { id } } }`;
export const COMPLETE_BACKUP = `mutation($input: CompleteLoginWithBackupCodeInput!) { completeLoginWithBackupCode(input: $input) { token account { id } } }`;
export const REAUTH = `mutation($input: ReauthenticateInput!) { reauthenticate(input: $input) { __typename ... on Session { token } ... on TwoFactorChallenge { ticket } } }`;
export const UPDATE = `mutation($input: UpdateSmsMethodInput!) { updateSmsMethod(input: $input) { id description } }`;
export const ME = `{ me { id email twoFactor { enabled smsMethods { id status } backupCodes { remaining } } } }`;
