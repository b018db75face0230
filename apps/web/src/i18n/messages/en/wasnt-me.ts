/** English, issue 13: the page the "This wasn't me" link of a security-notice e-mail opens. */
export const enWasntMe = {
  'wasntMe.changePassword': 'Log in again now and change your password. If you cannot log in, use “Forgot password?” on the login page.',
  'wasntMe.confirm': 'Sign out everywhere',
  'wasntMe.done':
    'Done: {sessions, plural, =0 {no session was open} one {# session was ended} other {# sessions were ended}} and {devices, plural, =0 {no device was remembered} one {# remembered device was forgotten} other {# remembered devices were forgotten}}. Whoever made the change is signed out.',
  'wasntMe.intro':
    'You told us you did not make the change in our e-mail. Confirm and we will sign out every session of your account, on every device, and forget every remembered device.',
  'wasntMe.invalid': 'This link is not valid, has expired or was already used. If your account still looks wrong, log in and change your password.',
  'wasntMe.login': 'Log in',
  'wasntMe.missing': 'Open the “This wasn’t me” link from the e-mail we sent you: it carries the code this page needs.',
  'wasntMe.title': 'This wasn’t me',
} as const;
