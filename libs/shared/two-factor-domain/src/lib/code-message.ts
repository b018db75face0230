/**
 * The code a message carries, read back from its opened body ("Call me instead" calls with the
 * live code rather than a new one): a call's body is the six digits alone; an SMS ends with the
 * origin-bound line `@host #123456` (renderCodeSms). Null when the body carries no code (a notice).
 */
export function codeInMessage(channel: 'SMS' | 'VOICE', body: string): string | null {
  if (channel === 'VOICE') return /^[0-9]{6}$/.test(body) ? body : null;
  return /\n@[^\s#]+ #([0-9]{6})$/.exec(body)?.[1] ?? null;
}
