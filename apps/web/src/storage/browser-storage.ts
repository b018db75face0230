/**
 * The one wrapper around `window.localStorage` (the session token, the language of signed-out
 * pages, remembered-device tokens): `null` where storage is unavailable (private modes, a sandboxed
 * frame, a test without a DOM), so every caller degrades to "nothing stored" instead of throwing.
 */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** A value's listeners: what `useSyncExternalStore` subscribes to. */
export function createListeners(): { notify(): void; subscribe(listener: () => void): () => void } {
  const listeners = new Set<() => void>();
  return {
    notify: () => listeners.forEach((listener) => listener()),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
