import { ConfigError, int, type Env } from './env-readers';
import { SMS_PROVIDERS, type SmsProviderName } from './app-config.types';

/** The key of the default route in `SmsRoutes` (`*` in SMS_ROUTES). */
export const DEFAULT_ROUTE = '*';

/** Destination region (ISO 3166 alpha-2, or `*`) → the providers to try, in order. Always has `*`. */
export type SmsRoutes = Record<string, SmsProviderName[]>;

/** Settings of the worker's provider health (apps/sms-worker/src/providers/provider-health.ts). */
export interface SmsProviderHealthConfig {
  /** SMS_BREAKER_FAILURES [5]: consecutive failed calls that open a provider's breaker (0 = no breaker). */
  breakerFailures: number;
  /** SMS_BREAKER_COOLDOWN_SECONDS [30]: how long an open breaker skips its provider before one probe send. */
  breakerCooldownSeconds: number;
  /** SMS_PROVIDER_RATE_LIMITS [none]: messages per second per provider, across every worker. */
  rateLimits: Partial<Record<SmsProviderName, number>>;
}

const ROUTES_FORMAT = 'must be routes COUNTRY:provider,provider separated by ";" (e.g. FR:ovh,twilio;*:twilio,ovh)';

function providerOf(variable: string, raw: string, configured: readonly SmsProviderName[], where: string): SmsProviderName {
  const name = raw.trim().toLowerCase();
  if (!(SMS_PROVIDERS as readonly string[]).includes(name)) {
    throw new ConfigError(variable, `names "${name}"${where}, which is not a provider (${SMS_PROVIDERS.join(', ')})`);
  }
  if (!configured.includes(name as SmsProviderName)) {
    throw new ConfigError(variable, `names ${name}${where}, but SMS_PROVIDER (${configured.join(',')}) does not configure it: add it to SMS_PROVIDER with its credentials`);
  }
  return name as SmsProviderName;
}

/**
 * SMS_ROUTES, e.g. `FR:ovh,twilio;BE,LU:ovh;*:twilio,ovh`: per destination region the providers of
 * SMS_PROVIDER to try, in order (failover and the receipt-driven fallback both follow it). `*` is
 * every other region; without it (or without SMS_ROUTES) they get SMS_PROVIDER's order. Only
 * configured providers may be named, each at most once per route, each region once.
 */
export function parseSmsRoutes(raw: string | undefined, configured: readonly SmsProviderName[]): SmsRoutes {
  const variable = 'SMS_ROUTES';
  const routes: SmsRoutes = {};
  for (const entry of (raw ?? '').split(';').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    if (colon < 0) throw new ConfigError(variable, `${ROUTES_FORMAT}, got "${entry}"`);
    const regions = entry.slice(0, colon).split(',').map((r) => r.trim().toUpperCase()).filter(Boolean);
    const names = entry.slice(colon + 1).split(',').map((p) => p.trim()).filter(Boolean);
    if (regions.length === 0 || names.length === 0) throw new ConfigError(variable, `${ROUTES_FORMAT}, got "${entry}"`);
    for (const region of regions) {
      if (region !== DEFAULT_ROUTE && !/^[A-Z]{2}$/.test(region)) {
        throw new ConfigError(variable, `must name ISO 3166 alpha-2 regions or *, got "${region}"`);
      }
      if (routes[region]) throw new ConfigError(variable, `has two routes for ${region}`);
      const providers = names.map((n) => providerOf(variable, n, configured, ` for ${region}`));
      const twice = providers.find((p, i) => providers.indexOf(p) !== i);
      if (twice) throw new ConfigError(variable, `names ${twice} twice for ${region} (each provider has one turn per message)`);
      routes[region] = providers;
    }
  }
  routes[DEFAULT_ROUTE] ??= [...configured];
  return routes;
}

/** SMS_PROVIDER_RATE_LIMITS, e.g. `twilio:30,ovh:10`: messages per second per configured provider. */
export function parseProviderRateLimits(raw: string | undefined, configured: readonly SmsProviderName[]): SmsProviderHealthConfig['rateLimits'] {
  const variable = 'SMS_PROVIDER_RATE_LIMITS';
  const limits: SmsProviderHealthConfig['rateLimits'] = {};
  for (const entry of (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const m = /^([a-zA-Z0-9_-]+)\s*:\s*([0-9]+)$/.exec(entry);
    if (!m) throw new ConfigError(variable, `must be provider:messages-per-second pairs separated by "," (e.g. twilio:30,ovh:10), got "${entry}"`);
    const provider = providerOf(variable, m[1], configured, '');
    const perSecond = Number(m[2]);
    if (perSecond < 1 || perSecond > 100000) throw new ConfigError(variable, `must give ${provider} between 1 and 100000 messages per second, got ${perSecond}`);
    if (limits[provider] !== undefined) throw new ConfigError(variable, `names ${provider} twice`);
    limits[provider] = perSecond;
  }
  return limits;
}

export function loadProviderHealthConfig(env: Env, configured: readonly SmsProviderName[]): SmsProviderHealthConfig {
  return {
    breakerFailures: int(env, 'SMS_BREAKER_FAILURES', 5, 0, 1000),
    breakerCooldownSeconds: int(env, 'SMS_BREAKER_COOLDOWN_SECONDS', 30, 1, 3600),
    rateLimits: parseProviderRateLimits(env['SMS_PROVIDER_RATE_LIMITS'], configured),
  };
}
