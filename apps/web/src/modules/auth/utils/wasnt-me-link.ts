/**
 * The "This wasn't me" link of a security-notice e-mail is `${WEB_ORIGIN}/wasnt-me?token=…`. As for
 * the verification link, the token leaves the address bar and history at start (single use, but a
 * URL lingers in history, sync and screenshots) and the hash route takes over.
 */
let pending: string | null = null;

export function takeWasntMeLink(location: Location = window.location, history: History = window.history): void {
  if (location.pathname.replace(/\/+$/, '') !== '/wasnt-me') return;
  pending = new URLSearchParams(location.search).get('token');
  history.replaceState(null, '', '/#/wasnt-me');
}

/** The token of the link this page was opened with, once (null when none or already taken). */
export function wasntMeToken(): string | null {
  const token = pending;
  pending = null;
  return token;
}
