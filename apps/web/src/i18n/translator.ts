import { useMemo, type ReactNode } from 'react';
import { createIntl, createIntlCache, useIntl, type IntlShape, type PrimitiveType } from 'react-intl';
import { en, type MessageId } from './messages/en';
import { fr } from './messages/fr';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

/** Every locale's catalogue; `fr` is typed by `en`'s keys, so a missing or extra key fails typecheck. */
export const MESSAGES: Record<Locale, Record<MessageId, string>> = { en, fr };

export type MessageValues = Record<string, PrimitiveType>;
export type RichValues = Record<string, PrimitiveType | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

/** `t(id, values)` with ids checked against the catalogue; `t.rich` for messages with markup. */
export interface Translator {
  (id: MessageId, values?: MessageValues): string;
  rich(id: MessageId, values: RichValues): ReactNode;
  readonly locale: Locale;
  readonly intl: IntlShape;
}

export function translator(intl: IntlShape): Translator {
  const t = ((id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values)) as Translator;
  const rich = (id: MessageId, values: RichValues): ReactNode =>
    intl.formatMessage({ id }, values as Record<string, PrimitiveType>) as ReactNode;
  return Object.assign(t, { rich, locale: isLocale(intl.locale) ? intl.locale : DEFAULT_LOCALE, intl });
}

export function useT(): Translator {
  const intl = useIntl();
  return useMemo(() => translator(intl), [intl]);
}

const cache = createIntlCache();

/** An IntlShape outside React (tests, and code that runs before the tree renders). */
export function createAppIntl(locale: Locale): IntlShape {
  return createIntl({ locale, defaultLocale: DEFAULT_LOCALE, messages: MESSAGES[locale] }, cache);
}
