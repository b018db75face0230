import { browserStorage as storage, createListeners } from '../storage/browser-storage';

/**
 * The session token, kept in localStorage so a reload keeps the customer signed in.
 * The API ends sessions on its own (TTL, idle time, logout); this is only the client's copy.
 */
const KEY = 'twofold.sessionToken';
const listeners = createListeners();

export const sessionStore = {
  getToken(): string | null {
    return storage()?.getItem(KEY) ?? null;
  },
  setToken(token: string): void {
    storage()?.setItem(KEY, token);
    listeners.notify();
  },
  clear(): void {
    storage()?.removeItem(KEY);
    listeners.notify();
  },
  subscribe: listeners.subscribe,
};
