/**
 * The e-mailed reset link is `${WEB_ORIGIN}/reset-password?token=…`. As for the verification link,
 * the token leaves the address bar and history at start (single use, but a URL lingers in
 * history, sync and screenshots) and the hash route takes over.
 */
let pending: string | null = null;

export function takeResetPasswordLink(location: Location = window.location, history: History = window.history): void {
  if (location.pathname.replace(/\/+$/, '') !== '/reset-password') return;
  pending = new URLSearchParams(location.search).get('token');
  history.replaceState(null, '', '/#/reset-password');
}

/** The token of the link this page was opened with, once (null when none or already taken). */
export function resetPasswordToken(): string | null {
  const token = pending;
  pending = null;
  return token;
}
