import { formatDateTime } from '../../../i18n/dates';
import type { MessageId } from '../../../i18n/messages/en';
import type { Translator } from '../../../i18n/translator';

/** The API's details are English words, counts or masked numbers; the known ones are translated here. */
const WORDS: Record<string, MessageId> = {
  'emergency code': 'detail.emergencyCode',
  logout: 'detail.logout',
  password: 'detail.password',
  'wrong password': 'detail.wrongPassword',
  'wrong password (re-authentication)': 'detail.wrongPasswordReauth',
  'wrong password (password change)': 'detail.wrongPasswordChange',
  'reset link e-mailed': 'detail.resetLinkSent',
  'by e-mail link': 'detail.resetByLink',
  'last number removed': 'detail.lastNumberRemoved',
  'last method removed': 'detail.lastMethodRemoved',
  'password and remembered device': 'detail.passwordAndDevice',
  // "Authenticator app" on logins, "authenticator app" when one is added: the case is not a meaning.
  'authenticator app': 'detail.authenticatorApp',
  'security key': 'detail.securityKey',
  'recovery link e-mailed': 'detail.recoveryLinkSent',
  'a second factor was used': 'detail.recoveryCancelledBySecondFactor',
  '"this wasn\'t me" reported': 'detail.recoveryCancelledByReport',
  '2fa turned off after the waiting period': 'detail.recoveryCompleted',
  'password and account recovery': 'detail.passwordAndRecovery',
};

/** Why remembered devices were forgotten, as the API words it after "forgotten: ". */
const FORGOTTEN_BECAUSE: Record<string, MessageId> = {
  'a method was removed': 'detail.forgotten.methodRemoved',
  'new emergency codes': 'detail.forgotten.newCodes',
  'emergency codes deleted': 'detail.forgotten.codesDeleted',
  '2FA turned off': 'detail.forgotten.twoFactorOff',
  '2FA reset by support': 'detail.forgotten.supportReset',
  'password reset': 'detail.forgotten.passwordReset',
  'activity reported': 'detail.forgotten.activityReported',
};

type Pattern = [RegExp, (m: RegExpExecArray, t: Translator) => string | null];

const PATTERNS: Pattern[] = [
  [/^SMS to (.+)$/, (m, t) => t('secondFactor.smsTo', { target: m[1] })],
  [/^authenticator app \((.+)\)$/i, (m, t) => t('detail.authenticatorApp.named', { name: m[1] })],
  [/^security key \((.+)\)$/i, (m, t) => t('detail.securityKey.named', { name: m[1] })],
  [/^(\d+) other session\(s\) ended: two-factor authentication turned on$/, (m, t) => t('detail.sessionsEndedTwoFactorOn', { count: Number(m[1]) })],
  [/^(\d+) other session\(s\) ended$/, (m, t) => t('detail.sessionsEnded', { count: Number(m[1]) })],
  [/^turned off: (\d+) method\(s\) removed$/, (m, t) => t('detail.turnedOff', { count: Number(m[1]) })],
  [/^(\d+) session\(s\) ended: two-factor reset by support$/, (m, t) => t('detail.sessionsEndedSupportReset', { count: Number(m[1]) })],
  [/^by e-mail link; (\d+) session\(s\) ended$/, (m, t) => t('detail.resetByLinkSessions', { count: Number(m[1]) })],
  [/^no e-mail sent: (?:account|ip|global) limit reached$/, (_m, t) => t('detail.resetBlocked')],
  [
    /^"This wasn't me" on a [A-Z_]+ notice: (\d+) session\(s\) ended, (\d+) remembered device\(s\) forgotten$/,
    (m, t) => t('detail.activityReported', { sessions: Number(m[1]), devices: Number(m[2]) }),
  ],
  [/^[A-Z_]+ notice e-mail: (?:e-mail notice|global e-mail) budget reached$/, (_m, t) => t('detail.noticeEmailBlocked')],
  [/^2FA removable from (\S+)$/, (m, t) => t('detail.recoveryReadyAt', { when: formatDateTime(t.intl, m[1]) })],
  [/^1 remembered device forgotten \((.+)\)$/, (m, t) => t('detail.deviceForgotten', { address: m[1] })],
  [
    /^(\d+) remembered device\(s\) forgotten(?:: (.+))?$/,
    (m, t) => {
      const why = m[2] === undefined ? null : FORGOTTEN_BECAUSE[m[2]];
      if (m[2] !== undefined && !why) return null;
      return t(why ?? 'detail.forgotten.byYou', { count: Number(m[1]) });
    },
  ],
];

export function eventDetail(detail: string, t: Translator): string {
  const known = WORDS[detail] ?? WORDS[detail.toLowerCase()];
  if (known) return t(known);
  for (const [pattern, render] of PATTERNS) {
    const m = pattern.exec(detail);
    const text = m ? render(m, t) : null;
    if (text !== null) return text;
  }
  return detail; // a masked number, or words this app does not know yet
}
