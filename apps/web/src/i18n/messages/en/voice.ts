/** English, issue 14: "Call me instead", a code read out by a phone call (login and a number's confirmation). */
export const enVoice = {
  'voice.callMe': 'Call me instead',
  'voice.hint': 'No SMS? We can call the number and read the code out.',
  'delivery.call.sending': 'Calling {to}…',
  'delivery.call.sent': 'Calling {to}. Answer it: a voice reads your 6-digit code twice.',
  'delivery.call.delivered': 'The call to {to} was answered.',
  'delivery.call.failed': 'The call to {to} could not be made. Resend the code by SMS, or use another method.',
  'delivery.call.failed.reason':
    'The call to {to} could not be made ({reason}). Resend the code by SMS, or use another method.',
  'error.VOICE_UNAVAILABLE': "Codes can't be sent by phone call right now. Use the SMS code, or another method.",
} as const;
