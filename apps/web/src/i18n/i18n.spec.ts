import { formatRelative, relativeParts } from './dates';
import { localeStore } from './locale-store';
import { pickLocale } from './locales';
import { createAppIntl } from './translator';

describe('locales', () => {
  it("picks the first of the browser's languages the app speaks", () => {
    expect(pickLocale(['fr-CA', 'en'])).toBe('fr');
    expect(pickLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLocale(['de'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it('remembers the signed-out choice in localStorage and tells listeners', () => {
    const listener = jest.fn();
    const stop = localeStore.subscribe(listener);
    localeStore.set('fr');
    expect(localeStore.get()).toBe('fr');
    expect(window.localStorage.getItem('twofold.locale')).toBe('fr');
    expect(listener).toHaveBeenCalledTimes(1);
    localeStore.set('fr');
    expect(listener).toHaveBeenCalledTimes(1);
    window.localStorage.setItem('twofold.locale', 'xx');
    expect(localeStore.get()).toBe('en'); // jsdom speaks en-US
    stop();
  });
});

describe('dates', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

  it('chooses the unit that reads naturally', () => {
    expect(relativeParts(at(-10), now)).toEqual([0, 'second']);
    expect(relativeParts(at(-50), now)).toEqual([-50, 'second']);
    expect(relativeParts(at(-5 * 60), now)).toEqual([-5, 'minute']);
    expect(relativeParts(at(-3 * 3600), now)).toEqual([-3, 'hour']);
    expect(relativeParts(at(-86400), now)).toEqual([-1, 'day']);
    expect(relativeParts(at(-20 * 86400), now)).toEqual([-3, 'week']);
    expect(relativeParts(at(-400 * 86400), now)).toEqual([-1, 'year']);
    expect(relativeParts('not a date', now)).toBeNull();
  });

  it('words it in the locale', () => {
    const en = createAppIntl('en');
    const fr = createAppIntl('fr');
    expect(formatRelative(en, at(-10), now)).toBe('now');
    expect(formatRelative(fr, at(-10), now)).toBe('maintenant');
    expect(formatRelative(en, at(-86400), now)).toBe('yesterday');
    expect(formatRelative(fr, at(-86400), now)).toBe('hier');
    expect(formatRelative(fr, at(-5 * 60), now)).toBe('il y a 5 minutes');
  });
});
