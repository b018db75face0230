import type { AppConfig } from '@twofold/config';
import { TWILIO_VOICE_STATUS_PATH, type SmsJobSecret } from '@twofold/sms-queue';
import { type ChainResult, NoProviderAvailableError, pauseEndOf } from './providers/provider-chain';
import type { ProviderGate } from './providers/provider-gate';
import { PermanentSmsError, TransientSmsError } from './providers/sms-provider';
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
 * The caller has its own breaker and 429 pause in the workers' shared `gate` (as `twilio-voice`):
 * while it is open or paused the job waits (NoProviderAvailableError, no attempt spent), as an SMS
 * does when no provider of its route can take it.
 */
export async function placeCall(voice: VoiceCaller | undefined, secret: SmsJobSecret, gate?: ProviderGate, now: () => number = Date.now): Promise<ChainResult> {
  if (!voice) throw new PermanentSmsError('twilio-voice', 'voice calls are not configured in this worker (Twilio with a caller number: TWILIO_VOICE_FROM or a TWILIO_FROM number)');
  const admitted = gate ? await gate.acquire(voice.name) : null;
  if (admitted && !admitted.ok) {
    throw new NoProviderAvailableError(admitted.until, `${voice.name} ${admitted.reason === 'paused' ? 'paused by a 429' : admitted.reason === 'rate-limit' ? 'at its rate limit' : `breaker ${admitted.reason}`} until ${new Date(admitted.until).toISOString()}`);
  }
  try {
    const { providerMessageId } = await voice.call({ messageId: secret.messageId, to: secret.to, digits: secret.body, locale: secret.locale });
    if (admitted) await gate?.report(admitted, { kind: 'ok' });
    return { provider: voice.name, providerMessageId };
  } catch (err) {
    if (admitted && err instanceof TransientSmsError && err.kind === 'rate-limited') {
      const until = pauseEndOf(err, now());
      await gate?.report(admitted, { kind: 'rate-limited', until });
      throw new NoProviderAvailableError(until, `${voice.name} answered 429, paused until ${new Date(until).toISOString()}`);
    }
    // A refused number says nothing of the caller's health; anything else counts against it.
    if (admitted) await gate?.report(admitted, err instanceof PermanentSmsError ? { kind: 'ok' } : { kind: 'failed' });
    throw err;
  }
}
