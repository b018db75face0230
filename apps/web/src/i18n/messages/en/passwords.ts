/** English, issue 13: password change (Security page), forgotten password and the reset link's page. */
export const enPasswords = {
  'error.INVALID_TOKEN': 'This link is not valid, has expired or was already used. Ask for a new one.',
  'error.field.currentPassword': 'Check your current password.',
  'error.field.newPassword': 'Choose another new password: at least 10 characters, not a common one.',
  'forgot.backToLogin': 'Back to Log in',
  'forgot.intro': 'Enter the e-mail address of your account. We will send you a link to choose a new password.',
  'forgot.link': 'Forgot password?',
  'forgot.sent':
    'If an account has this address, a link to choose a new password is on its way. It works once, for 15 minutes. Check your inbox (and your spam folder).',
  'forgot.submit': 'Send me a link',
  'forgot.title': 'Forgot your password?',
  'password.change': 'Change password',
  'password.changed': 'Your password is changed. Your other sessions were signed out.',
  'password.current': 'Current password',
  'password.intro': 'Choose a new password for your account. Signing in again will still ask for your second step.',
  'password.new': 'New password',
  'password.othersSignedOut': 'Your other sessions will be signed out; this one stays.',
  'password.rules': 'At least 10 characters. A few words you can remember are fine.',
  'password.title': 'Password',
  'reset.again': 'Ask for a new link',
  'reset.done':
    'Your password is changed and every session was signed out. Log in with the new password: if two-factor authentication is on, it will still ask for your second step.',
  'reset.login': 'Log in',
  'reset.missing': 'Open the link from the e-mail we sent you: it carries the code this page needs.',
  'reset.submit': 'Set the new password',
  'reset.title': 'Choose a new password',
} as const;
