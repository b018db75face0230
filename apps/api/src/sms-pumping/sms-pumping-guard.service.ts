import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addSeconds, conversionCollapsed, destinationPrefix, maskPhoneNumber, type ConversionSample } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { gateRetryAfter } from '../common/sliding-window';
import { SmsLedgerStore, type BudgetGateArgs, type BudgetGates } from '../sms-codes/sms-ledger.store';
import { Errors } from '../common/errors';
import type { RequestMeta } from '../common/request-context';
import { SecurityEventsService } from '../security-events/security-events.service';

const HOUR = 3600;
/** How long a conversion sample is reused: settled codes change slowly, and counting them is a scan. */
const SAMPLE_REUSE_MS = 10_000;
const SAMPLE_CACHE_MAX = 5_000;
const GLOBAL_READING_REUSE_MS = 1_000;

/** This instance's last reading of the global budget: its gate, and whether a tenth of it was left. */
interface GlobalReading {
  at: number;
  gate: Date | null;
  headroom: boolean;
  sentSince: number;
}

export interface PumpingTarget {
  accountId: string;
  phoneNumber: string;
  countryCode: string;
}

/**
 * SMS-pumping defence, checked before any money is spent on a code SMS:
 * - hourly budgets per destination prefix and for the whole service (always enforced);
 * - a conversion guard per prefix and per country: when the share of codes actually entered
 *   collapses (the attack's signature), the destination is throttled (`enforce`) or only
 *   reported (`record`, the default, to learn the baseline first).
 * Every blocked send leaves a log line and a SMS_SEND_BLOCKED security event.
 */
@Injectable()
export class SmsPumpingGuard {
  private readonly logger = new Logger('SmsPumpingGuard');
  private readonly samples = new Map<string, { at: number; sample: ConversionSample }>();
  private globalReading: GlobalReading | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: SecurityEventsService,
    private readonly ledger: SmsLedgerStore,
  ) {}

  prefixOf(phoneNumber: string): string {
    return destinationPrefix(phoneNumber, this.config.pumping.prefixDigits);
  }

  /**
   * What the send's limits read (SmsLedgerStore.sendGates) must include for the budgets: the
   * prefix's gate, and the global one unless this instance's last reading may be reused. Only the
   * budget-th newest send in the hour decides a budget. Reading the global one walks up to a
   * budget's worth of index entries (20,000 by default), so while the last reading showed at
   * least a tenth of the budget left (and at least 100), this instance reuses it for a second or
   * until it has sent that tenth itself: a ceiling this large may be passed by one second of the
   * other instances' traffic, never by more. Small budgets are read on every send.
   */
  budgetRead(prefix: string, now: Date): BudgetGateArgs {
    const p = this.config.pumping;
    const margin = Math.floor(p.globalBudgetPerHour / 10);
    const g = this.globalReading;
    const reuse = margin >= 100 && g !== null && g.headroom && Math.abs(now.getTime() - g.at) < GLOBAL_READING_REUSE_MS && g.sentSince < margin;
    // The global budget counts every SMS, security notices included (they have no other ceiling in total).
    return { prefix, prefixOffset: p.prefixBudgetPerHour - 1, globalOffset: p.globalBudgetPerHour - 1, marginOffset: Math.max(0, p.globalBudgetPerHour - margin - 1), prefixOnly: reuse };
  }

  /** Throws RATE_LIMITED when the send must not happen; `gates` were read as `read` (budgetRead) asked, after the send's locks. */
  async check(em: EntityManager, target: PumpingTarget, meta: RequestMeta, now: Date, read: BudgetGateArgs, gates: Partial<BudgetGates> | undefined): Promise<void> {
    const p = this.config.pumping;
    const prefix = read.prefix;
    if (!read.prefixOnly) this.globalReading = { at: now.getTime(), gate: gates?.global ?? null, headroom: !gates?.global_margin, sentSince: 0 };
    const reading = this.globalReading as GlobalReading;
    const prefixWait = gateRetryAfter(gates?.by_prefix, HOUR, now);
    if (prefixWait > 0) await this.block(target, meta, now, prefixWait, `hourly budget of ${p.prefixBudgetPerHour} codes to ${prefix} reached`);
    const globalWait = gateRetryAfter(reading.gate, HOUR, now);
    if (globalWait > 0) await this.block(target, meta, now, globalWait, `global hourly budget of ${p.globalBudgetPerHour} SMS reached`);
    reading.sentSince++;

    if (p.mode === 'off') return;
    // Only codes whose validity has ended count: a code sent a minute ago may still be entered.
    const sampleStart = addSeconds(now, -p.windowSeconds);
    const settledBefore = addSeconds(now, -this.config.timings.smsCodeTtlSeconds);
    const sample = async (column: 'destination_prefix' | 'country_code', value: string): Promise<ConversionSample> => {
      const key = `${column}:${value}`;
      const cached = this.samples.get(key);
      if (cached && Math.abs(now.getTime() - cached.at) < SAMPLE_REUSE_MS) return cached.sample;
      const fresh = await this.ledger.conversion(em, column, value, sampleStart, settledBefore);
      if (this.samples.size >= SAMPLE_CACHE_MAX) this.samples.clear();
      this.samples.set(key, { at: now.getTime(), sample: fresh });
      return fresh;
    };
    const byPrefix = await sample('destination_prefix', prefix);
    const byCountry = await sample('country_code', target.countryCode);
    const collapsed = conversionCollapsed(byPrefix, p.prefixMinSends, p.minConversionPercent)
      ? `conversion to ${prefix} collapsed (${byPrefix.verified}/${byPrefix.sent} codes entered)`
      : conversionCollapsed(byCountry, p.countryMinSends, p.minConversionPercent)
        ? `conversion to ${target.countryCode} collapsed (${byCountry.verified}/${byCountry.sent} codes entered)`
        : null;
    if (!collapsed) return;
    if (p.mode === 'enforce') await this.block(target, meta, now, p.throttleSeconds, collapsed);
    this.logger.warn({ msg: `record mode: would block a code to ${maskPhoneNumber(target.phoneNumber)}: ${collapsed}`, requestId: meta.requestId });
  }

  private async block(target: PumpingTarget, meta: RequestMeta, now: Date, retryAfter: number, reason: string): Promise<never> {
    const masked = maskPhoneNumber(target.phoneNumber);
    this.logger.warn({ msg: `blocked a code to ${masked} for account ${target.accountId}: ${reason}`, requestId: meta.requestId });
    // Recorded outside the caller's transaction, which the error rolls back.
    await this.events.record(null, target.accountId, 'SMS_SEND_BLOCKED', meta, now, `${masked}: ${reason}`);
    throw Errors.rateLimited(retryAfter, 'Codes to this destination are paused.');
  }
}
