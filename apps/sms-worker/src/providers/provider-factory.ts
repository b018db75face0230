import type { AppConfig } from '@twofold/config';
import { ovhCallbackUrl, VONAGE_RECEIPT_PATH, WEBHOOK_RECEIPT_PATH } from '@twofold/sms-queue';
import type { Logger } from '../logger';
import { ConsoleSmsProvider } from './console.provider';
import { OvhSmsProvider } from './ovh.provider';
import { ProviderChain } from './provider-chain';
import { type HealthEvent, ProviderGate } from './provider-gate';
import { type HealthRedis, RedisHealthBackend } from './provider-health.redis';
import { SmsRouter } from './sms-routes';
import type { SmsProvider } from './sms-provider';
import { TwilioSmsProvider } from './twilio.provider';
import { VonageSmsProvider } from './vonage.provider';
import { WebhookSmsProvider } from './webhook.provider';

export interface ProviderContext {
  config: AppConfig;
  logger: Logger;
  /** For adapters whose settings are not (yet) in AppConfig: read and check them here. */
  env: Record<string, string | undefined>;
}

export type ProviderBuilder = (ctx: ProviderContext) => SmsProvider;

function need<T>(value: T | undefined, provider: string): T {
  if (value === undefined) throw new Error(`sms provider ${provider} is selected but has no configuration`);
  return value;
}

/** The URL Twilio posts delivery reports to (apps/api/src/webhooks). */
export function twilioStatusCallbackUrl(config: AppConfig): string {
  return `${config.publicApiUrl}/webhooks/sms/twilio`;
}

/** Every adapter by its SMS_PROVIDER name. `npx nx g ./tools/generators:sms-provider <name>` adds entries. */
export const PROVIDER_BUILDERS: Record<string, ProviderBuilder> = {
  console: ({ logger }) => new ConsoleSmsProvider(logger),
  twilio: ({ config }) =>
    new TwilioSmsProvider(
      need(config.sms.twilio, 'twilio'),
      twilioStatusCallbackUrl(config),
      config.sms.requestTimeoutMs,
    ),
  ovh: ({ config }) =>
    new OvhSmsProvider(need(config.sms.ovh, 'ovh'), config.sms.requestTimeoutMs, undefined, (messageId) =>
      ovhCallbackUrl(config.publicApiUrl, config.appSecret, messageId),
    ),
  webhook: ({ config }) =>
    new WebhookSmsProvider(
      need(config.sms.webhook, 'webhook'),
      config.sms.requestTimeoutMs,
      `${config.publicApiUrl}${WEBHOOK_RECEIPT_PATH}`,
    ),
  vonage: ({ config }) =>
    new VonageSmsProvider(need(config.sms.vonage, 'vonage'), config.sms.requestTimeoutMs, `${config.publicApiUrl}${VONAGE_RECEIPT_PATH}`),
  // <sms-provider-generator: new providers are registered above this line>
};

export function createProvider(name: string, ctx: ProviderContext): SmsProvider {
  const build = PROVIDER_BUILDERS[name];
  if (!build) throw new Error(`unknown sms provider "${name}"; known: ${Object.keys(PROVIDER_BUILDERS).join(', ')}`);
  return build(ctx);
}

/**
 * The chain of config.sms.providers: SMS_ROUTES (else SMS_PROVIDER order) per number, and
 * SMS_ALLOWED_COUNTRIES at send time. The provider gate (breaker, pauses, rate limits) is added by
 * main.ts once Redis is connected (createProviderGate).
 */
export function createProviderChain(
  config: AppConfig,
  logger: Logger,
  failoverAfterAttempts: number,
  env: Record<string, string | undefined> = process.env,
  gate?: ProviderGate,
): ProviderChain {
  const ctx: ProviderContext = { config, logger, env };
  return new ProviderChain(
    config.sms.providers.map((name) => createProvider(name, ctx)),
    failoverAfterAttempts,
    logger,
    { router: new SmsRouter(config.sms.routes, config.sms.allowedCountries), gate },
  );
}

/**
 * The breaker, 429 pauses and rate limits of config.sms.health, shared by every worker through
 * Redis under the queue prefix. A probe holds the half-open state for the request timeout and 5 s.
 */
export function createProviderGate(
  config: AppConfig,
  redis: HealthRedis,
  logger: Logger,
  onEvent?: (e: HealthEvent) => void,
): ProviderGate {
  const { breakerFailures, breakerCooldownSeconds, rateLimits } = config.sms.health;
  let lastError = 0;
  return new ProviderGate(new RedisHealthBackend(redis, config.queuePrefix), {
    breaker: { failures: breakerFailures, cooldownMs: breakerCooldownSeconds * 1000, probeLeaseMs: config.sms.requestTimeoutMs + 5000 },
    rateLimits,
    onEvent,
    onError: (err) => {
      // Health is advisory: a send goes on when Redis cannot answer (logged at most every 10 s).
      if (Date.now() - lastError < 10_000) return;
      lastError = Date.now();
      logger.warn('provider health unavailable in redis; sending without breaker, pause and rate limit', { error: err.message });
    },
  });
}
