/** English, issue 13: the page the e-mailed verification link opens. */
export const enVerifyEmail = {
  'verifyEmail.checking': 'Checking your link…',
  'verifyEmail.continue': 'Continue to Twofold',
  'verifyEmail.expired': 'This link has expired.',
  'verifyEmail.invalid': 'This link is not valid or was already used.',
  'verifyEmail.missing': 'Open the link from the e-mail we sent you: it carries the code this page needs.',
  'verifyEmail.resend': 'Send me a new link',
  'verifyEmail.resendSignIn': 'Log in to get a new link.',
  'verifyEmail.resent': 'A new link is on its way: check your inbox.',
  'verifyEmail.title': 'Confirm your e-mail address',
  'verifyEmail.verified': 'Your e-mail address is confirmed. Thank you!',
} as const;
