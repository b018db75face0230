/** English, contract v2: every kind of method in one list, and turning two-factor authentication off. */
export const enMethods = {
  'methods.kind.passkey': 'Passkey',
  'methods.kind.securityKey': 'Security key',
  'methods.named': '{kind} ({name})',
  'methods.removeApp': 'Remove app',
  'methods.removeKey': 'Remove key',
  'methods.lastDelivered': 'Last code delivered {date}',
  'methods.deliveryFailing':
    '{count, plural, one {The last code SMS to this number was not delivered ({date}).} other {The last # code SMS to this number were not delivered (last {date}).}} Use another method, or check the number and its signal.',
  'disable.button': 'Turn off two-factor authentication',
  'disable.confirm': 'Turn off two-factor authentication? This deletes:',
  'disable.done':
    'Two-factor authentication is off. Your sign-in methods, emergency codes and remembered devices were deleted.',
  'disable.intro': 'Logging in will need only your password again.',
  'disable.notice':
    'Your numbers get an SMS saying so. Logging in will need only your password until you turn it on again.',
  'disable.what.codes': 'your emergency codes',
  'disable.what.devices': 'every remembered device',
  'disable.what.methods':
    '{count, plural, one {your sign-in method} other {all # sign-in methods}} (numbers, authenticator apps, security keys)',
} as const satisfies Record<string, string>;
