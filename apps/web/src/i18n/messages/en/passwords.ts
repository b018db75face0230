/** English, issue 13: password change (Security page), forgotten password and the reset link's page. */
export const enPasswords = {
  'error.INVALID_TOKEN': 'This link is not valid, has expired or was already used. Ask for a new one.',
  'error.field.currentPassword': 'Check your current password.',
  'error.field.newPassword': 'Choose another new password: at least 10 characters, not a common one.',
} as const;
