/** English, contract v2: the Sessions section. */
export const enSessions = {
  'sessions.end': 'End session<hidden> on {device}</hidden>',
  'sessions.endOthers': 'End all other sessions',
  'sessions.endOthersConfirm':
    'End {count, plural, one {the other session} other {the # other sessions}}? Whoever uses {count, plural, one {it} other {them}} must log in again.',
  'sessions.ended': 'Session on {device} ended.',
  'sessions.intro': "Where your account is signed in now. End any session you don't recognise.",
  'sessions.ip': 'IP address {ip}',
  'sessions.lastSeen': 'Active {time}',
  'sessions.listLabel': 'Your sessions, this device first',
  'sessions.loading': 'Loading sessions…',
  'sessions.noIp': 'IP address unknown',
  'sessions.onlyThis': 'No other session is open.',
  'sessions.othersEnded':
    '{count, plural, =0 {No other session was open.} one {# other session ended.} other {# other sessions ended.}}',
  'sessions.signedIn': 'Signed in {date}',
  'sessions.thisDevice': 'This device',
  'sessions.title': 'Sessions',
  'sessions.unavailable': "Sessions can't be shown right now.",
} as const satisfies Record<string, string>;
