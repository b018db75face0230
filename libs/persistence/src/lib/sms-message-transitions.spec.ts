import { SMS_DELIVERY_STATUSES, SMS_PURPOSES, type SmsDeliveryStatus } from '@twofold/sms-queue';
import {
  canMove,
  SMS_MESSAGE_STATEMENTS,
  SMS_MESSAGE_TRANSITIONS,
  SMS_STATUS_MOVES,
  statusAfter,
  type SmsMessageTransition,
  type SmsMessageTransitionName,
} from './sms-message-transitions';
import { SMS_BATCH_STATEMENTS } from './sms-batch-statements';

/** Every statement on sms_message: the transitions' own and the worker's VALUES batches. */
const STATEMENTS = [...SMS_MESSAGE_STATEMENTS, ...SMS_BATCH_STATEMENTS];

const names = Object.keys(SMS_MESSAGE_TRANSITIONS) as SmsMessageTransitionName[];
const transition = (n: SmsMessageTransitionName): SmsMessageTransition => SMS_MESSAGE_TRANSITIONS[n];
const FINAL: SmsDeliveryStatus[] = ['DELIVERED', 'FAILED'];

/** The status literals a clause names: `status IN ('A', 'B')` and `status = 'A'` (optionally `m.status`). */
function statusesNamed(clause: string): string[] {
  const found: string[] = [];
  for (const m of clause.matchAll(/\b(?:\w+\.)?status\s+IN\s*\(([^)]*)\)/gi))
    found.push(...[...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]));
  for (const m of clause.matchAll(/\b(?:\w+\.)?status\s*=\s*'([^']*)'/gi)) found.push(m[1]);
  return found;
}

function parts(text: string): { set: string; where: string } {
  const where = /\bWHERE\b([\s\S]*)$/i.exec(text)?.[1] ?? '';
  const set = /\bSET\b([\s\S]*?)(\bFROM\b|\bWHERE\b)/i.exec(text)?.[1] ?? '';
  return { set, where };
}

const sorted = (xs: readonly string[]) => [...new Set(xs)].sort();

describe('sms_message transitions', () => {
  it('has a move list for every status, naming only statuses', () => {
    expect(Object.keys(SMS_STATUS_MOVES).sort()).toEqual([...SMS_DELIVERY_STATUSES].sort());
    for (const to of Object.values(SMS_STATUS_MOVES).flat()) expect(SMS_DELIVERY_STATUSES).toContain(to);
  });

  it('never moves a final state (DELIVERED, FAILED), and no transition starts from one', () => {
    for (const s of FINAL) {
      expect(SMS_STATUS_MOVES[s]).toEqual([]);
      for (const to of SMS_DELIVERY_STATUSES) expect(canMove(s, to)).toBe(s === to);
    }
    for (const n of names) for (const s of FINAL) expect(transition(n).from).not.toContain(s);
  });

  it('never moves back: SENT does not return to QUEUED or SENDING, nothing returns to QUEUED', () => {
    expect(canMove('SENT', 'SENDING')).toBe(false);
    expect(canMove('SENT', 'QUEUED')).toBe(false);
    for (const s of SMS_DELIVERY_STATUSES) if (s !== 'QUEUED') expect(canMove(s, 'QUEUED')).toBe(false);
  });

  it('allows every transition of the table by the move list', () => {
    for (const n of names) {
      const { from, to } = transition(n);
      expect(from.length).toBeGreaterThan(0);
      for (const s of from) expect([n, s, canMove(s, to ?? s)]).toEqual([n, s, true]);
    }
  });

  it('a late "sent" receipt after DELIVERED or FAILED does not downgrade it', () => {
    expect(statusAfter('receiptSent', 'DELIVERED')).toBe('DELIVERED');
    expect(statusAfter('receiptSent', 'FAILED')).toBe('FAILED');
    expect(statusAfter('markSent', 'DELIVERED')).toBe('DELIVERED');
    expect(statusAfter('markSent', 'FAILED')).toBe('FAILED');
    expect(statusAfter('receiptDelivered', 'SENT')).toBe('DELIVERED');
    expect(statusAfter('receiptFailed', 'DELIVERED')).toBe('DELIVERED');
    expect(statusAfter('receiptDelivered', 'FAILED')).toBe('FAILED');
  });

  it('the worker does not claim, retry or fail a message already SENT (the receipt decides)', () => {
    expect(statusAfter('claim', 'SENT')).toBe('SENT');
    expect(statusAfter('noteRetry', 'SENT')).toBe('SENT');
    expect(statusAfter('markFailed', 'SENT')).toBe('SENT');
  });

  it('expires only codes still QUEUED, and relays only QUEUED or SENDING rows', () => {
    expect(transition('expireQueuedCode').from).toEqual(['QUEUED']);
    expect(statusAfter('expireQueuedCode', 'SENDING')).toBe('SENDING');
    expect(sorted(transition('relay').from)).toEqual(['QUEUED', 'SENDING']);
    expect(transition('relay').to).toBeNull();
  });

  it('every sequence of up to 4 transitions from any state moves only as the list allows and never leaves a final state', () => {
    const walk = (state: SmsDeliveryStatus, depth: number): void => {
      if (depth === 0) return;
      for (const n of names) {
        const next = statusAfter(n, state);
        expect(canMove(state, next)).toBe(true);
        if (FINAL.includes(state)) expect(next).toBe(state);
        walk(next, depth - 1);
      }
    };
    for (const s of SMS_DELIVERY_STATUSES) walk(s, 4);
  });

  describe.each(STATEMENTS.map((s) => [s.name, s] as const))('statement %s', (_name, s) => {
    const { set, where } = parts(s.text);

    it("names in its WHERE clause exactly its transition's from-states", () => {
      expect(sorted(statusesNamed(where))).toEqual(sorted(transition(s.transition).from));
    });

    it("sets the transition's to-state, or keeps the status", () => {
      const to = transition(s.transition).to;
      expect(statusesNamed(set)).toEqual(to ? [to] : []);
      if (/^\s*SELECT\b/i.test(s.text)) expect(to).toBeNull();
    });

    it('is parameterised: placeholders $1..$n, one per named parameter, and no literal but a status or a purpose', () => {
      const used = sorted([...s.text.matchAll(/\$(\d+)/g)].map((m) => m[1]))
        .map(Number)
        .sort((a, b) => a - b);
      expect(used).toEqual(s.params.map((_, i) => i + 1));
      expect(s.text).not.toContain('${');
      const literals = [...s.text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
      for (const l of literals) expect([...SMS_DELIVERY_STATUSES, ...SMS_PURPOSES]).toContain(l);
    });
  });

  it('gives every statement its own name, and every transition at least one statement', () => {
    const statementNames = STATEMENTS.map((s) => s.name);
    expect(new Set(statementNames).size).toBe(statementNames.length);
    expect(sorted(STATEMENTS.map((s) => s.transition))).toEqual(sorted(names));
  });
});
