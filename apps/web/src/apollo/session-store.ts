/**
 * The session token, kept in localStorage so a reload keeps the customer signed in.
 * The API ends sessions on its own (TTL, idle time, logout); this is only the client's copy.
 */
const KEY = 'twofold.sessionToken';
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const sessionStore = {
  getToken(): string | null {
    return storage()?.getItem(KEY) ?? null;
  },
  setToken(token: string): void {
    storage()?.setItem(KEY, token);
    listeners.forEach((listener) => listener());
  },
  clear(): void {
    storage()?.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
