import { DEFAULT_ROUTE } from '@twofold/config';
import { regionOfNumber } from '@twofold/two-factor-domain';

/** Region (or `*`) → provider names in order: SmsRoutes of the configuration, or any names (specs). */
export type RouteTable = Readonly<Record<string, readonly string[]>>;

/**
 * Where an SMS may go and through which providers, from its E.164 number alone: SMS_ROUTES
 * (validated at boot: only configured providers) and SMS_ALLOWED_COUNTRIES, which the worker
 * enforces at send time too (a number added before its country left the list gets nothing).
 * The region is parsed only when a route or the allow-list needs it.
 */
export class SmsRouter {
  private readonly byRegion: boolean;

  constructor(
    readonly routes: RouteTable,
    private readonly allowedCountries: readonly string[] = [],
  ) {
    if (!routes[DEFAULT_ROUTE]?.length) throw new Error('SmsRouter needs a default (*) route');
    this.byRegion = Object.keys(routes).some((r) => r !== DEFAULT_ROUTE);
  }

  /** SMS_PROVIDER order for every region: what the worker did before SMS_ROUTES. */
  static uniform(providers: readonly string[], allowedCountries: readonly string[] = []): SmsRouter {
    return new SmsRouter({ [DEFAULT_ROUTE]: [...providers] }, allowedCountries);
  }

  /** Every provider some route names, in first-seen order. */
  get providers(): string[] {
    return [...new Set(Object.values(this.routes).flat())];
  }

  /** The providers for this number, in order. */
  routeFor(to: string): readonly string[] {
    if (this.byRegion) {
      const region = regionOfNumber(to);
      const route = region ? this.routes[region] : undefined;
      if (route) return route;
    }
    return this.routes[DEFAULT_ROUTE];
  }

  /** Why this number gets no SMS (SMS_ALLOWED_COUNTRIES), or null when it may get one. No digits of the number in it. */
  refusalFor(to: string): string | null {
    if (this.allowedCountries.length === 0) return null;
    const region = regionOfNumber(to);
    if (!region) return 'not sent: the number has no known region and SMS_ALLOWED_COUNTRIES is set';
    if (this.allowedCountries.includes(region)) return null;
    return `not sent: ${region} is not in SMS_ALLOWED_COUNTRIES`;
  }
}
