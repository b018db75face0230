import { browserStorage } from './browser-storage';

/**
 * "Remember this device for 30 days": the `Session.trustedDeviceToken` the API returned, kept per
 * account email (several people may share a browser) and sent as `LoginInput.trustedDeviceToken` on
 * the next login with that email. The API holds only its hash and decides whether it still counts;
 * a token it ignored (expired, forgotten, another account's) is dropped here.
 */
const PREFIX = 'twofold.trustedDevice.';

/** Emails are compared trimmed and case-insensitively, as the API does. */
function key(email: string): string {
  return PREFIX + email.trim().toLowerCase();
}

export const trustedDeviceStore = {
  get(email: string): string | null {
    if (!email.trim()) return null;
    return browserStorage()?.getItem(key(email)) ?? null;
  },
  set(email: string, token: string): void {
    browserStorage()?.setItem(key(email), token);
  },
  forget(email: string): void {
    browserStorage()?.removeItem(key(email));
  },
};
