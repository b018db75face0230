import type { MailConfig } from './mail';
import type { SmsProviderHealthConfig, SmsRoutes } from './sms-routing';
import type { RedisNode } from './redis-cluster';
import type { TrustProxy } from './trust-proxy';
import type { VoiceConfig } from './voice';

/** The methods Vonage offers for signed webhooks (its dashboard's choice; @twofold/sms-queue computes them). */
export const VONAGE_SIGNATURE_METHODS = ['md5hash', 'md5', 'sha1', 'sha256', 'sha512'] as const;
export type VonageSignatureMethod = (typeof VONAGE_SIGNATURE_METHODS)[number];

export type SmsProviderName = (typeof SMS_PROVIDERS)[number];
export const SMS_PROVIDERS = ['console', 'twilio', 'ovh', 'webhook', 'vonage'] as const;

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from: string;
  apiBaseUrl: string;
  /** TWILIO_WEBHOOK_SHARED_KEY: the secret of a Twilio SharedKey, when a Webhook Rule signs our callbacks with HMAC-SHA256. */
  webhookSharedKey?: string;
}

export interface VonageConfig {
  apiKey: string;
  /** VONAGE_API_SECRET: sent with each request, unless VONAGE_SIGNATURE_SECRET signs them instead. */
  apiSecret?: string;
  /** VONAGE_FROM: a number (digits, no +) or an alphanumeric sender id where the country allows one. */
  from: string;
  apiBaseUrl: string;
  /** VONAGE_SIGNATURE_SECRET: signs our requests and checks Vonage's receipts; the API refuses receipts without it. */
  signatureSecret?: string;
  /** VONAGE_SIGNATURE_METHOD: the method chosen in the Vonage dashboard for signed webhooks. */
  signatureMethod: VonageSignatureMethod;
}

export interface OvhConfig {
  endpoint: string;
  appKey: string;
  appSecret: string;
  consumerKey: string;
  service: string;
  sender: string;
}

export interface AppConfig {
  nodeEnv: string;
  isProduction: boolean;
  databaseUrl: string;
  /** DATABASE_PREPARED_STATEMENTS (deprecated alias DB_PREPARED_STATEMENTS): named statements; off behind PgBouncer older than 1.21 in transaction mode. */
  databasePreparedStatements: boolean;
  /** DATABASE_REPLICA_URL: a streaming replica for the reads that may lag (docs/scaling.md); null: they go to the primary. */
  databaseReplicaUrl: string | null;
  redisUrl: string;
  /** REDIS_CLUSTER_NODES: seed nodes of a Redis Cluster (empty: one Redis at REDIS_URL, whose user, password and TLS the cluster uses). */
  redisClusterNodes: RedisNode[];
  /** BullMQ key prefix; `{...}` hash tags keep a queue on one Redis Cluster slot. */
  queuePrefix: string;
  apiPort: number;
  webPort: number;
  publicApiUrl: string;
  webOrigin: string;
  /** Host of WEB_ORIGIN: the `@host` of the origin-bound SMS line. */
  webOriginHost: string;
  appSecret: string;
  /** Which proxies may set the client IP (X-Forwarded-For); see trust-proxy.ts. */
  trustProxy: TrustProxy;
  logLevel: string;
  /** Bearer token for the operator queue view (/admin/queues); the view is off without it. */
  adminToken?: string;
  /** Bearer token required on /metrics when set. */
  metricsToken?: string;
  /** How often the API removes expired pending numbers, tickets and sessions (0 = never). */
  maintenanceIntervalMs: number;
  /** Rows one maintenance statement deletes; a run loops over batches, each its own short transaction. */
  maintenanceBatchSize: number;
  /** How long ledgers and history are kept before maintenance purges them (each at least every window that reads it). */
  retention: {
    loginFailureSeconds: number;
    securityEventSeconds: number;
    /** Settled messages only (SENT, DELIVERED, FAILED): a message still to be sent is never purged. */
    smsMessageSeconds: number;
  };
  /** argon2id threads (low-priority worker threads); default: the machine's cores. */
  passwordHashThreads: number;
  sms: {
    providers: SmsProviderName[];
    twilio?: TwilioConfig;
    ovh?: OvhConfig;
    vonage?: VonageConfig;
    webhook?: { url: string; secret?: string };
    /** "Call me instead" through Twilio's Calls API (voice.ts); undefined: calls are not available. */
    voice?: VoiceConfig;
    allowedCountries: string[];
    allowFictionalNumbers: boolean;
    workerConcurrency: number;
    /** SMS_RATE_PER_SECOND: jobs started per second across every worker (BullMQ limiter, the whole queue); per provider: health.rateLimits. */
    ratePerSecond: number;
    sendAttempts: number;
    requestTimeoutMs: number;
    /** How often the API's relay looks for messages Redis may have lost (0 = off). */
    relayIntervalMs: number;
    relayRequeueAfterSeconds: number;
    relayStaleSendingSeconds: number;
    /**
     * SMS_DELIVERY_TIMEOUT_SECONDS [20]: a code SMS sent through a provider that sends receipts
     * and not reported delivered within this time goes again, same code, through the next
     * provider of the route (the worker's delivery watch, docs/sms-delivery-receipts.md).
     */
    deliveryTimeoutSeconds: number;
    /**
     * SMS_WATCH_SWEEP_SECONDS [5], 0 = off: how often each worker looks for delivery watches Redis
     * lost (a Redis restarted empty) and adds them again, once their deadline is this long past.
     */
    watchSweepSeconds: number;
    /** SMS_ROUTES: providers per destination region, in order; `*` (always present) for the others (sms-routing.ts). */
    routes: SmsRoutes;
    /** The worker's circuit breaker and per-provider rate limits (SMS_BREAKER_*, SMS_PROVIDER_RATE_LIMITS). */
    health: SmsProviderHealthConfig;
  };
  /** E-mail: the outbox's budgets and, for the worker, SMTP (mail.ts). */
  mail: MailConfig;
  /** SMS-pumping defence (see docs and SECURITY.md). */
  pumping: {
    /** The conversion guard: `record` logs what it would block, `enforce` blocks, `off` skips it. */
    mode: 'off' | 'record' | 'enforce';
    prefixDigits: number;
    /** Hourly cost ceilings, always enforced. */
    prefixBudgetPerHour: number;
    globalBudgetPerHour: number;
    windowSeconds: number;
    prefixMinSends: number;
    countryMinSends: number;
    minConversionPercent: number;
    throttleSeconds: number;
  };
  timings: {
    smsCodeTtlSeconds: number;
    smsResendCooldownSeconds: number;
    loginTicketTtlSeconds: number;
    reauthWindowSeconds: number;
    sessionTtlSeconds: number;
    sessionIdleSeconds: number;
    pendingMethodTtlSeconds: number;
    /** How long a remembered device skips the second factor (contract section 7: 30 days). */
    trustedDeviceTtlSeconds: number;
  };
  limits: {
    codeAttempts: number;
    smsPerNumberPerHour: number;
    smsPerAccountPerHour: number;
    smsPerIpPerHour: number;
    /** Security notices (SMS that carry no code) per account per hour; beyond, notices are dropped and logged. */
    noticesPerAccountPerHour: number;
    loginFailures: number;
    loginFailureWindowSeconds: number;
    secondFactorFailures: number;
    secondFactorWindowSeconds: number;
    secondFactorBlockSeconds: number;
    smsMethodsPerAccount: number;
    /**
     * PASSWORD_RESET_EMAILS_PER_ACCOUNT_PER_HOUR [3]: password-reset e-mails per account per hour. Anyone
     * who types the address causes one, so they have their own budget and never spend the account's
     * EMAIL_PER_ACCOUNT_PER_HOUR; they still count toward the per-IP and global e-mail budgets.
     */
    passwordResetEmailsPerAccountPerHour: number;
  };
}
