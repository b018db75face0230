import type { TwilioConfig } from './app-config.types';
import { bool, ConfigError, type Env } from './env-readers';

/**
 * "Call me instead" (issue 14, item 3): a code read out by a phone call. Only Twilio places calls
 * (its Calls API, with the Twilio account of SMS_PROVIDER), so calls exist only when `twilio` is
 * one of the SMS providers and a voice-capable caller number is known.
 */
export interface VoiceConfig {
  provider: 'twilio';
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
  /** TWILIO_VOICE_FROM, else TWILIO_FROM when it is an E.164 number: the number calls come from. */
  from: string;
}

const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * SMS_VOICE_CALLS [true]: false turns "Call me instead" off everywhere. TWILIO_VOICE_FROM [TWILIO_FROM
 * when that is a number]: a Twilio number able to place calls (an alphanumeric sender or a
 * Messaging Service cannot). Undefined: calls are not available (the API answers VOICE_UNAVAILABLE).
 */
export function loadVoiceConfig(env: Env, twilio: TwilioConfig | undefined): VoiceConfig | undefined {
  const enabled = bool(env, 'SMS_VOICE_CALLS', true);
  const explicit = env['TWILIO_VOICE_FROM']?.trim();
  if (explicit && !E164.test(explicit)) throw new ConfigError('TWILIO_VOICE_FROM', `must be a number in E.164 format such as +15005550006, got "${explicit}"`);
  if (!enabled || !twilio) return undefined;
  const from = explicit || (E164.test(twilio.from) ? twilio.from : undefined);
  if (!from) return undefined;
  return { provider: 'twilio', accountSid: twilio.accountSid, authToken: twilio.authToken, apiBaseUrl: twilio.apiBaseUrl, from };
}
