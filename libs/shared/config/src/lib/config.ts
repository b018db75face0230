import { availableParallelism } from 'node:os';
import { SMS_PROVIDERS, VONAGE_SIGNATURE_METHODS, type AppConfig, type SmsProviderName } from './app-config.types';
import { bool, ConfigError, int, oneOf, optionalSecret, str, url, type Env } from './env-readers';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';
import { hashTagOf, parseRedisClusterNodes, type RedisNode } from './redis-cluster';
import { loadMailConfig } from './mail';
import { loadVoiceConfig } from './voice';
import { loadProviderHealthConfig, parseSmsRoutes } from './sms-routing';

/**
 * The one typed place where the environment is read and validated (contract v1, section 3).
 * Both apps call `loadConfig()` at boot; a bad or missing value stops the process with one
 * line naming the variable. A provider's credentials are required only when it is selected.
 */
export const DEV_APP_SECRET = 'twofold-development-secret-do-not-use-in-production';

export { ConfigError } from './env-readers';
export { DEFAULT_ROUTE, parseSmsRoutes, type SmsProviderHealthConfig, type SmsRoutes } from './sms-routing';
export {
  SMS_PROVIDERS,
  VONAGE_SIGNATURE_METHODS,
  type AppConfig,
  type OvhConfig,
  type SmsProviderName,
  type TwilioConfig,
  type VonageConfig,
  type VonageSignatureMethod,
} from './app-config.types';

function trustProxy(env: Env): TrustProxy {
  const parsed = parseTrustProxy(env['TRUST_PROXY']);
  if ('problem' in parsed) throw new ConfigError('TRUST_PROXY', parsed.problem);
  return parsed;
}

/** DATABASE_PREPARED_STATEMENTS, or its deprecated alias DB_PREPARED_STATEMENTS; both set must agree. */
function preparedStatements(env: Env): boolean {
  const current = env['DATABASE_PREPARED_STATEMENTS']?.trim() ? bool(env, 'DATABASE_PREPARED_STATEMENTS', true) : undefined;
  const deprecated = env['DB_PREPARED_STATEMENTS']?.trim() ? bool(env, 'DB_PREPARED_STATEMENTS', true) : undefined;
  if (current !== undefined && deprecated !== undefined && current !== deprecated) {
    throw new ConfigError(
      'DATABASE_PREPARED_STATEMENTS',
      `is ${current} but its deprecated alias DB_PREPARED_STATEMENTS is ${deprecated}: set only DATABASE_PREPARED_STATEMENTS`,
    );
  }
  return current ?? deprecated ?? true;
}

/** DATABASE_REPLICA_URL: optional; its value (it may hold a password) never enters an error message. */
function replicaUrl(env: Env): string | null {
  const name = 'DATABASE_REPLICA_URL';
  const value = env['DATABASE_REPLICA_URL']?.trim();
  if (!value) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'must be a postgres:// URL');
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) throw new ConfigError(name, 'must start with postgres: or postgresql:');
  return value.replace(/\/+$/, '');
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = str(env, 'NODE_ENV', 'development');
  const isProduction = nodeEnv === 'production';
  const appSecret = str(env, 'APP_SECRET', DEV_APP_SECRET);
  if (isProduction && appSecret === DEV_APP_SECRET) {
    throw new ConfigError('APP_SECRET', 'must be set to your own secret when NODE_ENV=production (the development default is refused)');
  }
  if (appSecret.length < 32) throw new ConfigError('APP_SECRET', 'must be at least 32 characters');

  const webOrigin = url(env, 'WEB_ORIGIN', 'http://localhost:4200', ['http:', 'https:']);
  const providers = str(env, 'SMS_PROVIDER', 'console')
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  for (const p of providers) {
    if (!(SMS_PROVIDERS as readonly string[]).includes(p)) {
      throw new ConfigError('SMS_PROVIDER', `must be a comma list of ${SMS_PROVIDERS.join(', ')}; got "${p}"`);
    }
  }
  if (providers.length === 0) throw new ConfigError('SMS_PROVIDER', 'is required');
  const selected = (name: SmsProviderName) => providers.includes(name);
  // The console provider writes every code to the log: in production only on an explicit opt-in.
  const allowConsoleInProduction = bool(env, 'SMS_ALLOW_CONSOLE_IN_PRODUCTION', false);
  if (isProduction && selected('console') && !allowConsoleInProduction) {
    throw new ConfigError('SMS_PROVIDER', 'must not include console when NODE_ENV=production (it logs the codes); set SMS_ALLOW_CONSOLE_IN_PRODUCTION=true to allow it');
  }

  const allowedCountries = (env['SMS_ALLOWED_COUNTRIES'] ?? '')
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  for (const c of allowedCountries) {
    if (!/^[A-Z]{2}$/.test(c)) throw new ConfigError('SMS_ALLOWED_COUNTRIES', `must list ISO 3166 alpha-2 regions, got "${c}"`);
  }

  const config: AppConfig = {
    nodeEnv,
    isProduction,
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/twofold', ['postgres:', 'postgresql:']),
    databasePreparedStatements: preparedStatements(env),
    databaseReplicaUrl: replicaUrl(env),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisClusterNodes: redisClusterNodes(env),
    queuePrefix: str(env, 'SMS_QUEUE_PREFIX', '{twofold}'),
    apiPort: int(env, 'API_PORT', 3000, 0, 65535),
    webPort: int(env, 'WEB_PORT', 4200, 0, 65535),
    publicApiUrl: url(env, 'PUBLIC_API_URL', 'http://127.0.0.1:3000', ['http:', 'https:']),
    webOrigin,
    webOriginHost: new URL(webOrigin).hostname,
    appSecret,
    trustProxy: trustProxy(env),
    maintenanceIntervalMs: int(env, 'MAINTENANCE_INTERVAL_MS', 60000, 0),
    maintenanceBatchSize: int(env, 'MAINTENANCE_BATCH_SIZE', 1000, 1, 100000),
    retention: {
      loginFailureSeconds: int(env, 'LOGIN_FAILURE_RETENTION_SECONDS', 30 * DAY, 1),
      securityEventSeconds: int(env, 'SECURITY_EVENT_RETENTION_SECONDS', 365 * DAY, 1),
      smsMessageSeconds: int(env, 'SMS_MESSAGE_RETENTION_SECONDS', 90 * DAY, 1),
    },
    passwordHashThreads: int(env, 'PASSWORD_HASH_THREADS', Math.min(8, availableParallelism()), 1, 64),
    adminToken: optionalSecret(env, 'ADMIN_TOKEN'),
    metricsToken: optionalSecret(env, 'METRICS_TOKEN'),
    logLevel: str(env, 'LOG_LEVEL', isProduction ? 'info' : 'debug'),
    sms: {
      providers: providers as SmsProviderName[],
      twilio: selected('twilio')
        ? {
            accountSid: str(env, 'TWILIO_ACCOUNT_SID'),
            authToken: str(env, 'TWILIO_AUTH_TOKEN'),
            from: str(env, 'TWILIO_FROM'),
            apiBaseUrl: url(env, 'TWILIO_API_BASE_URL', 'https://api.twilio.com', ['http:', 'https:']),
            webhookSharedKey: env['TWILIO_WEBHOOK_SHARED_KEY']?.trim() || undefined,
          }
        : undefined,
      ovh: selected('ovh')
        ? {
            endpoint: url(env, 'OVH_ENDPOINT', 'https://eu.api.ovh.com', ['http:', 'https:']),
            appKey: str(env, 'OVH_APP_KEY'),
            appSecret: str(env, 'OVH_APP_SECRET'),
            consumerKey: str(env, 'OVH_CONSUMER_KEY'),
            service: str(env, 'OVH_SMS_SERVICE'),
            sender: str(env, 'OVH_SMS_SENDER'),
          }
        : undefined,
      vonage: selected('vonage')
        ? {
            apiKey: str(env, 'VONAGE_API_KEY'),
            apiSecret: env['VONAGE_SIGNATURE_SECRET']?.trim() ? env['VONAGE_API_SECRET']?.trim() || undefined : str(env, 'VONAGE_API_SECRET'),
            from: str(env, 'VONAGE_FROM'),
            apiBaseUrl: url(env, 'VONAGE_API_BASE_URL', 'https://rest.nexmo.com', ['http:', 'https:']),
            signatureSecret: env['VONAGE_SIGNATURE_SECRET']?.trim() || undefined,
            signatureMethod: oneOf(env, 'VONAGE_SIGNATURE_METHOD', VONAGE_SIGNATURE_METHODS, 'sha256'),
          }
        : undefined,
      webhook: selected('webhook')
        ? { url: url(env, 'SMS_WEBHOOK_URL', undefined, ['http:', 'https:']), secret: env['SMS_WEBHOOK_SECRET']?.trim() || undefined }
        : undefined,
      allowedCountries,
      allowFictionalNumbers: bool(env, 'SMS_ALLOW_FICTIONAL_NUMBERS', true),
      workerConcurrency: int(env, 'SMS_WORKER_CONCURRENCY', 50, 1, 1000),
      ratePerSecond: int(env, 'SMS_RATE_PER_SECOND', 100, 1, 100000),
      sendAttempts: int(env, 'SMS_SEND_ATTEMPTS', 8, 1, 50),
      requestTimeoutMs: int(env, 'SMS_REQUEST_TIMEOUT_MS', 10000, 100, 120000),
      relayIntervalMs: int(env, 'SMS_RELAY_INTERVAL_MS', 2000, 0),
      relayRequeueAfterSeconds: int(env, 'SMS_RELAY_REQUEUE_AFTER_SECONDS', 30, 1),
      relayStaleSendingSeconds: int(env, 'SMS_RELAY_STALE_SENDING_SECONDS', 300, 1),
      deliveryTimeoutSeconds: int(env, 'SMS_DELIVERY_TIMEOUT_SECONDS', 20, 1, 3600),
      watchSweepSeconds: int(env, 'SMS_WATCH_SWEEP_SECONDS', 5, 0, 3600),
      routes: parseSmsRoutes(env['SMS_ROUTES'], providers as SmsProviderName[]),
      health: loadProviderHealthConfig(env, providers as SmsProviderName[]),
    },
    mail: loadMailConfig(env),
    pumping: {
      mode: oneOf(env, 'SMS_PUMPING_MODE', ['off', 'record', 'enforce'] as const, 'record'),
      prefixDigits: int(env, 'SMS_PUMPING_PREFIX_DIGITS', 6, 2, 15),
      prefixBudgetPerHour: int(env, 'SMS_BUDGET_PER_PREFIX_PER_HOUR', 1000, 1),
      globalBudgetPerHour: int(env, 'SMS_BUDGET_GLOBAL_PER_HOUR', 20000, 1),
      windowSeconds: int(env, 'SMS_PUMPING_WINDOW_SECONDS', 3600, 60),
      prefixMinSends: int(env, 'SMS_PUMPING_PREFIX_MIN_SENDS', 20, 1),
      countryMinSends: int(env, 'SMS_PUMPING_COUNTRY_MIN_SENDS', 200, 1),
      minConversionPercent: int(env, 'SMS_PUMPING_MIN_CONVERSION_PERCENT', 20, 0, 100),
      throttleSeconds: int(env, 'SMS_PUMPING_THROTTLE_SECONDS', 900, 1),
    },
    timings: {
      smsCodeTtlSeconds: int(env, 'SMS_CODE_TTL_SECONDS', 300, 1),
      smsResendCooldownSeconds: int(env, 'SMS_RESEND_COOLDOWN_SECONDS', 30, 0),
      loginTicketTtlSeconds: int(env, 'LOGIN_TICKET_TTL_SECONDS', 600, 1),
      reauthWindowSeconds: int(env, 'REAUTH_WINDOW_SECONDS', 600, 1),
      sessionTtlSeconds: int(env, 'SESSION_TTL_SECONDS', 86400, 1),
      sessionIdleSeconds: int(env, 'SESSION_IDLE_SECONDS', 3600, 1),
      pendingMethodTtlSeconds: int(env, 'PENDING_METHOD_TTL_SECONDS', 86400, 1),
      trustedDeviceTtlSeconds: int(env, 'TRUSTED_DEVICE_TTL_SECONDS', 30 * 86400, 60),
    },
    limits: {
      codeAttempts: int(env, 'CODE_MAX_ATTEMPTS', 5, 1),
      smsPerNumberPerHour: int(env, 'SMS_LIMIT_PER_NUMBER_PER_HOUR', 5, 1),
      smsPerAccountPerHour: int(env, 'SMS_LIMIT_PER_ACCOUNT_PER_HOUR', 10, 1),
      smsPerIpPerHour: int(env, 'SMS_LIMIT_PER_IP_PER_HOUR', 20, 1),
      noticesPerAccountPerHour: int(env, 'SMS_NOTICES_PER_ACCOUNT_PER_HOUR', 10, 1),
      loginFailures: int(env, 'LOGIN_FAILURE_LIMIT', 10, 1),
      loginFailureWindowSeconds: int(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 900, 1),
      secondFactorFailures: int(env, 'SECOND_FACTOR_FAILURE_LIMIT', 10, 1),
      secondFactorWindowSeconds: int(env, 'SECOND_FACTOR_FAILURE_WINDOW_SECONDS', 900, 1),
      secondFactorBlockSeconds: int(env, 'SECOND_FACTOR_BLOCK_SECONDS', 900, 1),
      smsMethodsPerAccount: int(env, 'SMS_METHODS_PER_ACCOUNT', 5, 1),
      passwordResetEmailsPerAccountPerHour: int(env, 'PASSWORD_RESET_EMAILS_PER_ACCOUNT_PER_HOUR', 3, 1),
    },
  };
  config.sms.voice = loadVoiceConfig(env, config.sms.twilio);
  checkRetention(config);
  checkRedisCluster(config);
  return config;
}

function redisClusterNodes(env: Env): RedisNode[] {
  const parsed = parseRedisClusterNodes(env['REDIS_CLUSTER_NODES']);
  if ('problem' in parsed) throw new ConfigError('REDIS_CLUSTER_NODES', parsed.problem);
  return parsed;
}

/** On a cluster every key of a BullMQ queue must hash to one slot, and there is no database number. */
function checkRedisCluster(c: AppConfig): void {
  if (c.redisClusterNodes.length === 0) return;
  if (!hashTagOf(c.queuePrefix)) {
    throw new ConfigError('SMS_QUEUE_PREFIX', `must contain a Redis Cluster hash tag such as {twofold} when REDIS_CLUSTER_NODES is set (BullMQ's scripts need all of a queue's keys on one slot), got "${c.queuePrefix}"`);
  }
  const db = new URL(c.redisUrl).pathname.replace(/^\/+/, '');
  if (db !== '' && db !== '0') throw new ConfigError('REDIS_URL', `must not select a database (/${db}) when REDIS_CLUSTER_NODES is set: a cluster has only database 0`);
}

const DAY = 86400;

/**
 * A purge must never shorten a window: each retention is at least the longest window that
 * counts rows of its table (limits read the ledger, not a counter).
 */
function checkRetention(c: AppConfig): void {
  const tables: [variable: string, retention: number, windows: [name: string, seconds: number][]][] = [
    ['LOGIN_FAILURE_RETENTION_SECONDS', c.retention.loginFailureSeconds, [['LOGIN_FAILURE_WINDOW_SECONDS', c.limits.loginFailureWindowSeconds]]],
    ['SECURITY_EVENT_RETENTION_SECONDS', c.retention.securityEventSeconds, [['SECOND_FACTOR_FAILURE_WINDOW_SECONDS', c.limits.secondFactorWindowSeconds]]],
    [
      'SMS_MESSAGE_RETENTION_SECONDS',
      c.retention.smsMessageSeconds,
      [
        ['the hourly sending limits and budgets', 3600],
        ['SMS_PUMPING_WINDOW_SECONDS', c.pumping.windowSeconds],
        // A message older than these carries no live code and belongs to no live ticket.
        ['SMS_CODE_TTL_SECONDS', c.timings.smsCodeTtlSeconds],
        ['LOGIN_TICKET_TTL_SECONDS', c.timings.loginTicketTtlSeconds],
        ['SMS_RESEND_COOLDOWN_SECONDS', c.timings.smsResendCooldownSeconds],
      ],
    ],
  ];
  for (const [variable, retention, windows] of tables) {
    const [name, seconds] = windows.reduce((longest, w) => (w[1] > longest[1] ? w : longest));
    if (retention < seconds) throw new ConfigError(variable, `must be at least ${seconds} (${name} reads those rows), got ${retention}`);
  }
}
