import { formatWait } from '../../../errors/error-messages';
import type { Translator } from '../../../i18n/translator';

const DAY = 86_400;

/**
 * A recovery's waiting period or what is left of it: "3 days" from two days on (rounded up, as
 * formatWait does: never promise too short a wait), else formatWait's hours, minutes or seconds.
 */
export function formatRecoveryWait(seconds: number, t: Translator): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s >= 2 * DAY ? t('recovery.wait.days', { count: Math.ceil(s / DAY) }) : formatWait(s, t);
}
