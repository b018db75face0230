import type { AppConfig } from '@twofold/config';
import { TWILIO_VOICE_STATUS_PATH, type SmsJobSecret } from '@twofold/sms-queue';
import type { ChainResult } from './providers/provider-chain';
import { PermanentSmsError } from './providers/sms-provider';
import { TwilioVoiceCaller, type VoiceCaller } from './providers/twilio-voice';

/** The worker's voice caller ("Call me instead"): Twilio's Calls API when configured (config.sms.voice), else none. */
export function createVoiceCaller(config: AppConfig): VoiceCaller | undefined {
  return config.sms.voice ? new TwilioVoiceCaller(config.sms.voice, config.sms.requestTimeoutMs, `${config.publicApiUrl}${TWILIO_VOICE_STATUS_PATH}`) : undefined;
}

/**
 * A VOICE job: the call, through the voice caller alone (never an SMS provider, which would text the
 * digits without a word; and no receipt-driven fallback). Its errors are the SMS adapters' (permanent:
 * FAILED at once; transient: BullMQ retries with backoff), so the processor records a call as it
 * records an SMS. A worker without voice fails the call for good, naming what is missing.
 */
export async function placeCall(voice: VoiceCaller | undefined, secret: SmsJobSecret): Promise<ChainResult> {
  if (!voice) throw new PermanentSmsError('twilio-voice', 'voice calls are not configured in this worker (Twilio with a caller number: TWILIO_VOICE_FROM or a TWILIO_FROM number)');
  const { providerMessageId } = await voice.call({ messageId: secret.messageId, to: secret.to, digits: secret.body, locale: secret.locale });
  return { provider: voice.name, providerMessageId };
}
