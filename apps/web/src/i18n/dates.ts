import type { IntlShape } from 'react-intl';

/** "28 Nov 2026, 12:00" / "28 nov. 2026, 12:00", in the reader's time zone. */
export function formatDateTime(intl: IntlShape, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : intl.formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
}

const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** The unit and (negative for the past) value that read naturally: -90 s → [-2, 'minute']. */
export function relativeParts(iso: string, now: number): [number, Intl.RelativeTimeFormatUnit] | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  let value = (at - now) / 1000;
  if (Math.abs(value) < 45) return [0, 'second'];
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size || unit === 'year') return [Math.round(value), unit];
    value /= size;
  }
  return null;
}

/** "now", "5 minutes ago", "yesterday" / "maintenant", "il y a 5 minutes", "hier". */
export function formatRelative(intl: IntlShape, iso: string, now = Date.now()): string {
  const parts = relativeParts(iso, now);
  if (!parts) return iso;
  return intl.formatRelativeTime(parts[0], parts[1], { numeric: 'auto' });
}
