import { useT } from '../i18n/translator';

export type RemainingTone = 'green' | 'amber' | 'red';

/** Green above 5, amber at 4 and 5, red below 4. */
export function remainingTone(remaining: number): RemainingTone {
  if (remaining > 5) return 'green';
  if (remaining >= 4) return 'amber';
  return 'red';
}

/** "7 of 10 remaining" in a coloured badge; the words carry the warning too, not only the colour. */
export function RemainingBadge({ remaining, total }: { remaining: number; total: number }) {
  const t = useT();
  const tone = remainingTone(remaining);
  return (
    <span className={`badge badge--${tone}`} data-tone={tone}>
      {t('badge.remaining', { remaining, total, tone })}
    </span>
  );
}
