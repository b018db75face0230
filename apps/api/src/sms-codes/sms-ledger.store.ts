import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { prepared, windowGateSql, type LedgerColumn, type Placeholder } from '@twofold/persistence';
import type { SmsCodePurpose } from '@twofold/persistence';

/** The gates of one code send: each a `created_at` (or null) that decides one limit. */
export interface SendGates {
  last: Date | null;
  by_number: Date | null;
  by_account: Date | null;
  by_ip: Date | null;
  by_number_next: Date | null;
  by_account_next: Date | null;
}

export interface SendGateArgs {
  methodId: string;
  purpose: SmsCodePurpose;
  ticketId: string | null;
  phoneNumber: string;
  accountId: string;
  clientIp: string | null;
  /** The number is ENABLED on this account: its per-number gate counts this account's sends only. */
  ownedNumber: boolean;
  since: Date;
  /** A day past now (WindowGate.until): the months ahead are left out of the plan. */
  until: Date;
  /** Limit minus one (now) and minus two (after this send), per number, account and IP. */
  offsets: { number: number; account: number; ip: number; numberNext: number; accountNext: number };
}

/** The SMS-pumping budgets read with the sending limits (SmsPumpingGuard.budgetRead): the prefix's, and unless `prefixOnly` the global one and its margin. */
export interface BudgetGateArgs {
  prefix: string;
  prefixOffset: number;
  globalOffset: number;
  marginOffset: number;
  prefixOnly: boolean;
}

export interface BudgetGates {
  by_prefix: Date | null;
  global?: Date | null;
  global_margin?: Date | null;
}

type BudgetRead = 'none' | 'prefix' | 'global';

const codes = (column: LedgerColumn, value: Placeholder, offset: Placeholder) => windowGateSql({ table: 'sms_message', where: [{ column, value }], purpose: 'codes', since: '$7', until: '$13', offset });
const ownedNumber = (offset: Placeholder) =>
  windowGateSql({ table: 'sms_message', where: [{ column: 'phone_number', value: '$4' }, { column: 'account_id', value: '$5' }], purpose: 'codes', since: '$7', until: '$13', offset });

/** The sending limits' gates, and the pumping budgets' after them (the same window, the same snapshot: after the locks). */
function sendLimitsSql(owned: boolean, budget: BudgetRead): string {
  const number = (offset: Placeholder) => (owned ? ownedNumber(offset) : codes('phone_number', '$4', offset));
  const prefixGate = windowGateSql({ table: 'sms_message', where: [{ column: 'destination_prefix', value: '$14' }], purpose: 'codes', since: '$7', until: '$13', offset: '$15' });
  const globalGate = (offset: Placeholder) => windowGateSql({ table: 'sms_message', where: [], purpose: 'all', since: '$7', until: '$13', offset });
  const budgets = budget === 'none' ? '' : `, ${prefixGate} AS by_prefix${budget === 'global' ? `, ${globalGate('$16')} AS global, ${globalGate('$17')} AS global_margin` : ''}`;
  return `SELECT (SELECT created_at FROM sms_message WHERE method_id = $1 AND purpose = $2 AND purpose <> 'NOTICE'
                    AND (ticket_id = $3::uuid OR ($3::uuid IS NULL AND ticket_id IS NULL)) AND created_at < $13
                  ORDER BY created_at DESC LIMIT 1) AS last,
                 ${number('$8')} AS by_number, ${codes('account_id', '$5', '$9')} AS by_account, ${codes('client_ip', '$6', '$10')} AS by_ip,
                 ${number('$11')} AS by_number_next, ${codes('account_id', '$5', '$12')} AS by_account_next${budgets}`;
}
const SEND_LIMITS_SQL = new Map<string, string>(
  [true, false].flatMap((owned) => (['none', 'prefix', 'global'] as const).map((budget) => [sendLimitsName(owned, budget), sendLimitsSql(owned, budget)] as [string, string])),
);

function sendLimitsName(owned: boolean, budget: BudgetRead): string {
  return `sms-send-limits${owned ? '-owned' : ''}${budget === 'none' ? '' : `-${budget}`}`;
}

/**
 * The sms_message table read as a ledger: the advisory locks and sliding-window gates of the
 * sending limits, the SMS-pumping budgets and conversion samples. Prepared statements: over
 * sms_message (a dozen indexes, several partial) planning costs more than running.
 */
@Injectable()
export class SmsLedgerStore {
  /** One advisory lock per ledger key, in the order given, in one statement. */
  async lock(em: EntityManager, keys: string[]): Promise<void> {
    await prepared(em, `sms-send-locks-${keys.length}`, `SELECT ${keys.map((_, i) => `pg_advisory_xact_lock(hashtextextended($${i + 1}, 0))`).join(', ')}`, keys);
  }

  /**
   * Only the limit-th newest send in the window decides a limit: one row read per gate, whatever
   * the limit. With `budget`, the pumping budgets' gates in the same statement (one round trip).
   */
  async sendGates(em: EntityManager, a: SendGateArgs, budget?: BudgetGateArgs): Promise<(SendGates & Partial<BudgetGates>) | undefined> {
    const read: BudgetRead = !budget ? 'none' : budget.prefixOnly ? 'prefix' : 'global';
    const name = sendLimitsName(a.ownedNumber, read);
    const values: unknown[] = [
      a.methodId,
      a.purpose,
      a.ticketId,
      a.phoneNumber,
      a.accountId,
      a.clientIp,
      a.since,
      a.offsets.number,
      a.offsets.account,
      a.offsets.ip,
      a.offsets.numberNext,
      a.offsets.accountNext,
      a.until,
    ];
    if (budget) values.push(budget.prefix, budget.prefixOffset, ...(budget.prefixOnly ? [] : [budget.globalOffset, budget.marginOffset]));
    const rows = await prepared<SendGates & Partial<BudgetGates>>(em, name, SEND_LIMITS_SQL.get(name) as string, values);
    return rows[0];
  }

  /** Codes sent and codes entered to a destination prefix or country, among those whose validity ended in the window. */
  async conversion(em: EntityManager, column: 'destination_prefix' | 'country_code', value: string, since: Date, settledBefore: Date): Promise<{ sent: number; verified: number }> {
    const rows = await prepared<{ sent: number; verified: number }>(
      em,
      `sms-conversion-${column}`,
      `SELECT count(*)::int AS sent, count(verified_at)::int AS verified FROM sms_message
        WHERE ${column} = $1 AND purpose <> 'NOTICE' AND created_at > $2 AND created_at <= $3`,
      [value, since, settledBefore],
    );
    return rows[0] ?? { sent: 0, verified: 0 };
  }
}
