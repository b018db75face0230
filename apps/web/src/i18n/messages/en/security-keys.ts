/** English, contract v2: adding a security key or passkey (WebAuthn), and the security key step at login. */
export const enSecurityKeys = {
  'key.addTitle': 'Add a security key or passkey',
  'key.added': '{key} added. You can use it to log in.',
  'key.descriptionHint': 'A name to recognise it, e.g. "Blue YubiKey" or "Laptop".',
  'key.error.already': 'This key is already on your account.',
  'key.error.cancelled': 'The request was cancelled or timed out. Nothing was added. Try again when you are ready.',
  'key.error.failed': "The key couldn't be added. Try again.",
  'key.error.unsupported':
    "This browser can't use security keys or passkeys. Try a recent Chrome, Edge, Firefox or Safari.",
  'key.intro':
    'A USB or NFC security key, or a passkey saved on this device or in your password manager. Your browser will ask you to confirm.',
  'key.start': 'Continue with the browser',
  'key.waiting':
    "Follow your browser's prompt: insert or touch your key, or confirm with your fingerprint, face or screen lock.",
  'secondFactor.key': 'Security key or passkey',
  'secondFactor.key.named': 'Security key or passkey ({name})',
  'secondFactor.keyCancelled':
    'The request was cancelled or timed out. Select "Use my key" to try again, or try another method.',
  'secondFactor.keyIntro': "Use your security key or passkey: select the button, then follow your browser's prompt.",
  'secondFactor.keyIntro.named':
    "Use your security key or passkey (<strong>{name}</strong>): select the button, then follow your browser's prompt.",
  'secondFactor.keyRejected': 'This key was not accepted. Try another key or another method.',
  'secondFactor.keyUnsupported': "This browser can't use security keys or passkeys. Try another method.",
  'secondFactor.keyWaiting': 'Waiting for your security key or passkey…',
  'secondFactor.useKey': 'Use my key',
  'wizard.method.key': 'Security key or passkey',
  'wizard.method.keyHint':
    'A USB or NFC key, or a passkey on this device or in your password manager. It cannot be phished.',
  'summary.keys': '{count, plural, one {# security key or passkey} other {# security keys or passkeys}}',
} as const satisfies Record<string, string>;
