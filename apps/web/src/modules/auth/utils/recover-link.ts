/**
 * The e-mailed recovery link is `${WEB_ORIGIN}/recover?token=…`. As for the other e-mailed links,
 * the token leaves the address bar and history at start (a URL lingers in history, sync and
 * screenshots) and the hash route takes over. Unlike theirs, this link serves more than once
 * (confirm, then after the waiting period complete): the customer opens it again from the e-mail.
 */
let pending: string | null = null;

export function takeRecoveryLink(location: Location = window.location, history: History = window.history): void {
  if (location.pathname.replace(/\/+$/, '') !== '/recover') return;
  pending = new URLSearchParams(location.search).get('token');
  history.replaceState(null, '', '/#/recover');
}

/** The token of the link this page was opened with, once (null when none or already taken). */
export function recoveryToken(): string | null {
  const token = pending;
  pending = null;
  return token;
}
