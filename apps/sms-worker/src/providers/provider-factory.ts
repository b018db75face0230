import type { AppConfig } from '@twofold/config';
import { ovhCallbackUrl, VONAGE_RECEIPT_PATH, WEBHOOK_RECEIPT_PATH } from '@twofold/sms-queue';
import type { Logger } from '../logger';
import { ConsoleSmsProvider } from './console.provider';
import { OvhSmsProvider } from './ovh.provider';
import { ProviderChain } from './provider-chain';
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

/** The chain of config.sms.providers, in order (a comma list means failover). */
export function createProviderChain(
  config: AppConfig,
  logger: Logger,
  failoverAfterAttempts: number,
  env: Record<string, string | undefined> = process.env,
): ProviderChain {
  const ctx: ProviderContext = { config, logger, env };
  return new ProviderChain(
    config.sms.providers.map((name) => createProvider(name, ctx)),
    failoverAfterAttempts,
    logger,
  );
}
