import { idCreatedWithin } from './partitions';
import { markSentFirstAttemptsBatchSql, type SqlStatement } from './sms-attempt-transitions';
import { claimBatchSql, markSentBatchSql, type SmsMessageStatement } from './sms-message-transitions';

/**
 * The worker's batches by ids (the claims and first SENT records of one event-loop turn) as named
 * statements over a VALUES list of fixed length, padded with rows of nulls (which match no row).
 *
 * Why not one statement over arrays: PostgreSQL guesses `unnest($1)` at 10 rows in a generic plan
 * and knows the real length in a custom one, so the generic plan never looks as cheap and every
 * call was planned again (≈ 1 ms of PostgreSQL a batch here, the worker's largest cost per SMS).
 * A VALUES list's length is part of the statement: after five runs the generic plan is kept, one
 * probe by key per row, each bounded to its id's months (idCreatedWithin on the row's id, pruned
 * at executor start). Batches longer than the largest size go over arrays (CLAIM_SMS_MESSAGES,
 * MARK_SMS_SENT_FIRST_ATTEMPTS), where one planning is shared by many rows. More sizes would make a
 * fresh worker draining a backlog plan each size's first five runs on every connection; at
 * 200 codes/s a turn holds one to four.
 */
export const SMS_BATCH_SIZES = [1, 2, 4, 8] as const;

/** The VALUES length a batch of `n` items runs under; null above the largest (the array statements). */
export function smsBatchSize(n: number): number | null {
  return SMS_BATCH_SIZES.find((s) => s >= n) ?? null;
}

/** The parameters of a sized statement: each row's values in order, then nulls up to `size` rows. */
export function smsBatchValues(size: number, rows: readonly (readonly unknown[])[]): unknown[] {
  if (rows.length > size || rows.length === 0) throw new Error(`a batch of ${rows.length} does not fit ${size} rows`);
  const width = rows[0].length;
  const values: unknown[] = rows.flatMap((r) => [...r]);
  for (let i = rows.length; i < size; i++) for (let c = 0; c < width; c++) values.push(null);
  return values;
}

type Column = readonly [name: string, type: string];

/** `(VALUES ($1::uuid, $2::timestamptz), …) AS v(id, at)`: `size` rows of `columns`. */
function valuesSource(size: number, columns: readonly Column[]): string {
  const rows = Array.from({ length: size }, (_, r) => `(${columns.map(([, type], c) => `$${r * columns.length + c + 1}::${type}`).join(', ')})`);
  return `(VALUES ${rows.join(', ')}) AS v(${columns.map(([name]) => name).join(', ')})`;
}

/** Parameter names: the first row's plain, the others `name@row` (the padding's nulls, in specs). */
function paramNames(size: number, columns: readonly Column[]): string[] {
  return Array.from({ length: size }, (_, r) => columns.map(([name]) => (r === 0 ? name : `${name}@${r + 1}`))).flat();
}

const CLAIM_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['at', 'timestamptz'],
];
const SENT_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['provider', 'text'],
  ['pmid', 'text'],
  ['at', 'timestamptz'],
];
const SENT_ATTEMPT_COLUMNS: readonly Column[] = [...SENT_COLUMNS, ['deadline', 'timestamptz']];

const memo = <T>(build: (size: number) => T) => {
  const made = new Map<number, T>();
  return (size: number): T => {
    if (!(SMS_BATCH_SIZES as readonly number[]).includes(size)) throw new Error(`no batch statement of ${size} rows`);
    if (!made.has(size)) made.set(size, build(size));
    return made.get(size) as T;
  };
};

/** Each row's months, from its own id: pruned per row at run time, so the generic plan serves any ids. */
const ROW_BOUNDS = idCreatedWithin('v.id', 'm.created_at');

/** Worker: up to `size` claims in one statement (CLAIM_SMS_MESSAGES's transition). */
export const claimSmsMessagesSized = memo(
  (size): SmsMessageStatement => ({ name: `twofold_sms_claim_v${size}`, transition: 'claim', params: paramNames(size, CLAIM_COLUMNS), text: claimBatchSql(valuesSource(size, CLAIM_COLUMNS), ROW_BOUNDS) }),
);

/** Worker: up to `size` SENT records in one statement (MARK_SMS_MESSAGES_SENT's transition). */
export const markSmsMessagesSentSized = memo(
  (size): SmsMessageStatement => ({ name: `twofold_sms_sent_v${size}`, transition: 'markSent', params: paramNames(size, SENT_COLUMNS), text: markSentBatchSql(valuesSource(size, SENT_COLUMNS), ROW_BOUNDS) }),
);

/** Worker: up to `size` first sends, each message SENT and its first attempt recorded (MARK_SMS_SENT_FIRST_ATTEMPTS). */
export const markSmsSentFirstAttemptsSized = memo(
  (size): SqlStatement & { params: string[] } => ({
    name: `twofold_sms_sent_attempt_v${size}`,
    params: paramNames(size, SENT_ATTEMPT_COLUMNS),
    text: markSentFirstAttemptsBatchSql(valuesSource(size, SENT_ATTEMPT_COLUMNS), ROW_BOUNDS),
  }),
);

/** The VALUES batches the transition specs hold to the table beside SMS_MESSAGE_STATEMENTS: one row, and one row padded with nulls. */
export const SMS_BATCH_STATEMENTS: readonly SmsMessageStatement[] = [claimSmsMessagesSized(1), claimSmsMessagesSized(2), markSmsMessagesSentSized(2)];
