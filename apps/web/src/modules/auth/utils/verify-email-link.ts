/**
 * The e-mailed link is `${WEB_ORIGIN}/verify-email?token=…` (a path: the web server answers every
 * unknown path with the app). At start the token is taken out of the address bar and history (it
 * is single use, but a URL lingers in history, sync and screenshots) and the hash route takes over.
 */
let pending: string | null = null;

export function takeVerificationLink(location: Location = window.location, history: History = window.history): void {
  if (location.pathname.replace(/\/+$/, '') !== '/verify-email') return;
  pending = new URLSearchParams(location.search).get('token');
  history.replaceState(null, '', '/#/verify-email');
}

/** The token of the link this page was opened with, once (null when none or already taken). */
export function verificationToken(): string | null {
  const token = pending;
  pending = null;
  return token;
}
