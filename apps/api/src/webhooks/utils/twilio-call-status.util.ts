import type { DeliveryTransition } from './twilio-status.util';

/**
 * Twilio CallStatus (https://www.twilio.com/docs/voice/api/call-resource#call-status-values) onto a
 * code's delivery: completed means the call was answered and its TwiML ran (the code was read out):
 * DELIVERED; busy, no-answer, failed and canceled: FAILED; the others say the call is on its way
 * (SENT). Unknown statuses are ignored.
 */
export function mapTwilioCallStatus(status: string | undefined): DeliveryTransition {
  switch ((status ?? '').toLowerCase()) {
    case 'queued':
    case 'initiated':
    case 'ringing':
    case 'in-progress':
      return { to: 'SENT' };
    case 'completed':
      return { to: 'DELIVERED' };
    case 'busy':
      return { to: 'FAILED', reason: 'twilio-voice: the line was busy' };
    case 'no-answer':
      return { to: 'FAILED', reason: 'twilio-voice: the call was not answered' };
    case 'failed':
      return { to: 'FAILED', reason: 'twilio-voice: the call could not be placed' };
    case 'canceled':
      return { to: 'FAILED', reason: 'twilio-voice: the call was canceled' };
    default:
      return { to: 'IGNORE' };
  }
}
