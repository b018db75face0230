import type { ReactElement, ReactNode } from 'react';
import { render as rtlRender, type RenderOptions } from '@testing-library/react';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locales';
import { createAppIntl, translator, type Translator } from '../i18n/translator';

/** testing-library's render inside the app's IntlProvider (English unless told otherwise). */
export function render(ui: ReactElement, { locale = 'en', ...options }: RenderOptions & { locale?: Locale } = {}) {
  const Wrapper = ({ children }: { children: ReactNode }) => <I18nProvider locale={locale}>{children}</I18nProvider>;
  return rtlRender(ui, { wrapper: Wrapper, ...options });
}

/** A translator outside React, for pure functions that take one. */
export function testT(locale: Locale = 'en'): Translator {
  return translator(createAppIntl(locale));
}
