/** English, issue 13: "I lost access to my phone and my codes" at login, and the recovery link's page. */
export const enAccountRecovery = {
  'recovery.cancel.notDevice': 'A login on a remembered device, which asks for no second step, does not cancel it.',
  'recovery.cancel.secondFactor':
    'Logging in with any second step of the account cancels this recovery: a code by SMS, an authenticator app, a security key or an emergency code. <link>Log in</link>',
  'recovery.cancel.title': 'Not you? Cancel it',
  'recovery.cancel.wasntMe':
    '“This wasn’t me” in the notice e-mail we sent to the account’s address cancels it too, and signs out every session.',
  'recovery.cancelled':
    'This recovery was cancelled: since it started, someone logged in with a second step of the account (a code by SMS, an authenticator app, a security key or an emergency code), used “This wasn’t me”, or support reset two-factor authentication. Two-factor authentication stays on.',
  'recovery.cancelled.again':
    'If you still cannot log in, start a new recovery from the login page: “I lost access to my phone and my codes”.',
  'recovery.completed':
    'This recovery is complete: two-factor authentication was turned off. Log in with your password.',
  'recovery.done':
    'You are logged in. Two-factor authentication is off: your sign-in methods, your emergency codes and your remembered devices are gone, and we told the account’s numbers and e-mail address.',
  'recovery.done.turnOn': 'Turn two-factor authentication on again',
  'recovery.error.invalidLink': 'This recovery link is not valid, has expired or was already used.',
  'recovery.error.mailBudget': 'Too many e-mails were sent to this account. Wait a little and try again.',
  'recovery.error.mailBudget.wait': 'Too many e-mails were sent to this account. Try again in {wait}.',
  'recovery.error.unverified':
    'We can’t send a recovery link: your account has no confirmed e-mail address. Contact support to get back into your account.',
  'recovery.expired':
    'This recovery link has expired. To try again, log in and choose “I lost access to my phone and my codes”.',
  'recovery.invalid':
    'This recovery link is not valid. Open the latest recovery e-mail we sent you, or log in and choose “I lost access to my phone and my codes”.',
  'recovery.login': 'Log in',
  'recovery.lost.intro':
    'We e-mail a recovery link to your account’s confirmed address. Opening it starts a waiting period, so that the real owner has time to stop it: every sign-in method and the address are told, and any successful second step cancels the recovery. After the wait, your password and the same link turn two-factor authentication off.',
  'recovery.lost.send': 'E-mail me a recovery link',
  'recovery.lost.sent':
    'We sent a recovery link to your account’s e-mail address. Open it soon: the e-mail says until when it works. If a recovery is already waiting, nothing new is sent: use the link you have.',
  'recovery.lost.toggle': 'I lost access to my phone and my codes',
  'recovery.missing': 'Open the recovery link from the e-mail we sent you: it carries the code this page needs.',
  'recovery.ready.intro':
    'The waiting period is over. Enter the e-mail address and the password of your account to turn two-factor authentication off and log in.',
  'recovery.ready.otherAccount': 'This e-mail address and password are not those of the account this link is for.',
  'recovery.ready.submit': 'Turn off two-factor authentication and log in',
  'recovery.ready.warning':
    'This removes every sign-in method of the account (numbers, authenticator apps, security keys), your emergency codes and your remembered devices. You can turn two-factor authentication on again right after.',
  'recovery.requested.confirm': 'Start the waiting period',
  'recovery.requested.delay':
    'When you confirm, a waiting period of {wait} starts. We tell every sign-in method of the account and its e-mail address, and any successful second step cancels the recovery. After the wait, open this same link again and enter your password: two-factor authentication is then turned off.',
  'recovery.requested.intro':
    'You asked to remove two-factor authentication from your account because you lost access to your phone and your emergency codes.',
  'recovery.requested.notYou': 'Didn’t ask for this? Don’t confirm: someone knows your password. Log in and change it.',
  'recovery.retry': 'Try again',
  'recovery.title': 'Recover your account',
  'recovery.wait.days': '{count, plural, one {# day} other {# days}}',
  'recovery.waiting.comeBack':
    'Then open the same link from the e-mail again: you will enter your password, and two-factor authentication will be turned off.',
  'recovery.waiting.left': 'Time left: {wait}.',
  'recovery.waiting.when': 'Two-factor authentication will be removed on <strong>{date}</strong>.',
} as const;
