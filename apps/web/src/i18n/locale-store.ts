import { browserStorage as storage, createListeners } from '../storage/browser-storage';
import { isLocale, pickLocale, type Locale } from './locales';

/**
 * The language of signed-out pages: the customer's choice (localStorage), else the browser's.
 * Once signed in, the account's locale (stored by the API) wins and is copied here, so Log in
 * after Log out stays in the same language.
 */
const KEY = 'twofold.locale';
const listeners = createListeners();

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language ?? ''];
}

export const localeStore = {
  get(): Locale {
    const stored = storage()?.getItem(KEY);
    return isLocale(stored) ? stored : pickLocale(browserLanguages());
  },
  set(locale: Locale): void {
    if (storage()?.getItem(KEY) === locale) return;
    storage()?.setItem(KEY, locale);
    listeners.notify();
  },
  subscribe: listeners.subscribe,
};
