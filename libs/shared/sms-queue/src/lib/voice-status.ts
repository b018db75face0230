/**
 * "Call me instead": where Twilio reports how a call ended. The worker names it as each call's
 * StatusCallback; the API verifies it like Twilio's message callbacks (X-Twilio-Signature, HMAC-SHA1
 * with the auth token over the URL and the sorted form parameters) and applies it to the call's
 * attempt (provider `twilio-voice`, the call sid).
 */
export const TWILIO_VOICE_STATUS_PATH = '/webhooks/voice/twilio';
export const TWILIO_VOICE_PROVIDER = 'twilio-voice';
